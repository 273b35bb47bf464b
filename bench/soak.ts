/**
 * @module bench/soak
 * `npm run soak [-- --seconds N]`: a bounded soak of `talkgraph serve
 * --watch` on 127.0.0.1 that stops by itself (60 s by default; `--seconds
 * 15` in CI). autocannon mixes cached queries (one document, again and
 * again) with uncached ones (a different search each time) while files are
 * added, edited, broken, fixed and deleted under the watched root. Passes
 * when no answer is a 5xx and no request failed, every file that should be in
 * the graph is there with its latest good title and no deleted one is, and
 * the server's memory is back near where it started. Prints its figures as
 * JSON and exits 1 when a check fails.
 *
 * "Back near its start" is measured on the server's live JavaScript heap
 * after full collections (through its inspector: `bench/heapProbe`), in the
 * same state both times: after the same warm-up, which compiles the load's
 * queries, builds the search index and fills the answer cache to its bound
 * with distinct searches. The heap at the end may exceed the heap at the
 * start by at most HEAP_SLACK (8 MB). A leak is caught once it passes about
 * 5 MB: of one graph version per change (about 200 changes a minute), or of
 * L bytes per request once L × requests passes that (the 60 s run makes
 * 50,000 to 100,000 requests: about 100 bytes a request; CI's 15 s run
 * 10,000 to 30,000: a few hundred). RSS is printed too, but not judged:
 * V8 and malloc keep pages after a collection, so it says more about the
 * allocator than about leaks.
 *
 * `--snapshots DIR` also writes a heap snapshot at both points (compare
 * them in Chrome's DevTools to see what grew).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeCorpus } from './corpus.js';
import { heapAfterGc, INSPECT_FLAG, inspectorUrl } from './heapProbe.js';
import { serverNodeFlags } from './serveCommand.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string' }, posts: { type: 'string' }, snapshots: { type: 'string' } },
});
const SECONDS = Number(values.seconds ?? 60);
const POSTS = Number(values.posts ?? 200);
/**
 * The live heap at the end may exceed the heap at the start by at most this
 * (bytes). What may grow without a leak (parsed and compiled check queries
 * in the bounded document cache, V8's code) measured 1-3 MB.
 */
const HEAP_SLACK = 8 * 1024 * 1024;
const WORDS = [
  'prometheus',
  'envoy',
  'grafana',
  'kafka',
  'istio',
  'helm',
  'tekton',
  'redis',
  'cilium',
  'falco',
];

const repo = fileURLToPath(new URL('..', import.meta.url));
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

interface Server {
  child: ChildProcess;
  url: string;
  /** Its inspector, for `heapAfterGc`. */
  inspector: string;
}

function startServer(root: string): Promise<Server> {
  const snapshotFlags =
    values.snapshots === undefined
      ? []
      : ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${values.snapshots}`];
  const child = spawn(
    process.execPath,
    [
      INSPECT_FLAG,
      ...snapshotFlags,
      ...serverNodeFlags(),
      'bin/talkgraph.js',
      'serve',
      '--watch',
      '--content',
      root,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: repo, env: { ...process.env, LOG_LEVEL: 'info', PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let url: string | undefined;
    let inspector: string | undefined;
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 60_000);
    const settle = () => {
      if (url === undefined || inspector === undefined) return;
      clearTimeout(timer);
      resolve({ child, url, inspector });
    };
    const onData = (chunk: Buffer) => {
      out += String(chunk);
      url = /"url":"(http[^"]+)"/.exec(out)?.[1];
      if (url === undefined) return;
      // Keep reading its logs (a full pipe would stall it), without keeping them.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      settle();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (inspector === undefined) {
        err += String(chunk);
        inspector = inspectorUrl(err);
        settle();
      } else if (!/debugger|inspector|nodejs\.org\/en\/docs/i.test(String(chunk))) {
        process.stderr.write(chunk);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}${err}`)));
  });
}

/** A post with one talk whose title says which file and which version it is. */
const soakPost = (id: number, version: number) =>
  `---\ntitle: Notes from SoakConf 2024\n---\n## Soak talk ${id} v${version}\n- Video: https://youtu.be/abcdefghijk\n\nWe ran Prometheus and Envoy.\n`;

async function query(url: string, text: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/**
 * The load's own queries, so the server is measured in its steady state: the first answers compile
 * them and build what then stays for the graph's life (the search index is built on first use), and
 * 1,200 distinct searches fill the answer cache (bounded at 1,000 entries) to its bound.
 */
async function warmUp(url: string): Promise<void> {
  await query(url, '{ talks(first: 20) { totalCount edges { node { title tools { name } } } } }');
  for (let i = 0; i < 1200; i++) {
    await query(url, 'query ($q: String!) { search(query: $q, first: 5) { score } }', {
      q: `${WORDS[i % WORDS.length]}warm${i}`,
    });
  }
}

/** The server's live heap after full collections, and a heap snapshot beside it when asked for. */
async function heapOf(server: Server): Promise<number> {
  if (values.snapshots !== undefined) {
    server.child.kill('SIGUSR2');
    await sleep(15_000);
  }
  return heapAfterGc(server.inspector);
}

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'talkgraph-soak-'));
  writeCorpus(root, POSTS);
  const server = await startServer(root);
  const { child, url } = server;
  const pid = child.pid as number;
  try {
    await warmUp(url);
    const heapStart = await heapOf(server);
    const rssStart = rssOf(pid);
    let rssPeak = rssStart;

    // The files the soak owns: id → the title its talk must have (last good version), or null when deleted.
    const expected = new Map<number, string | null>();
    // Of deleted files: the title their talk had, which must be gone.
    const gone = new Map<number, string>();
    const versions = new Map<number, number>();
    // When each file's current good text was written: only text the server has had time to index is
    // broken, since the version kept is the last good one it indexed.
    const writtenAt = new Map<number, number>();
    const broken = new Set<number>();
    let nextId = 0;
    let actions = 0;
    const pathOf = (id: number) => join(root, 'posts', `soak-${id}.md`);
    // The talks the server has been seen to serve: only those have a last good version to keep.
    const served = new Set<string>();
    let busy = false;
    const mutate = async () => {
      if (busy) return;
      busy = true;
      try {
        await mutateOnce();
      } finally {
        busy = false;
      }
    };
    const mutateOnce = async () => {
      const live = [...expected].filter(([, title]) => title !== null).map(([id]) => id);
      const pick = live[Math.floor(Math.random() * live.length)];
      const roll = Math.random();
      if (pick === undefined || roll < 0.3) {
        const id = nextId++;
        writeFileSync(pathOf(id), soakPost(id, 1));
        writtenAt.set(id, Date.now());
        versions.set(id, 1);
        gone.delete(id);
        expected.set(id, `Soak talk ${id} v1`);
      } else if (broken.has(pick) || roll < 0.55) {
        const version = (versions.get(pick) ?? 1) + 1;
        writeFileSync(pathOf(pick), soakPost(pick, version));
        writtenAt.set(pick, Date.now());
        versions.set(pick, version);
        broken.delete(pick);
        expected.set(pick, `Soak talk ${pick} v${version}`);
      } else if (roll < 0.75) {
        if (Date.now() - (writtenAt.get(pick) ?? 0) < 3000) return;
        const title = expected.get(pick) as string;
        if (!served.has(title)) {
          const answer = await query(url, `{ talk(slug: ${JSON.stringify(title)}) { title } }`);
          if ((answer.data?.talk as { title?: string } | null)?.title !== title) return;
          served.add(title);
        }
        // Broken front matter: the graph keeps the last good version it served.
        writeFileSync(pathOf(pick), '---\ntitle: [unclosed\n---\n## Broken talk\n');
        broken.add(pick);
      } else {
        unlinkSync(pathOf(pick));
        broken.delete(pick);
        gone.set(pick, expected.get(pick) as string);
        expected.set(pick, null);
      }
      actions += 1;
    };
    const mutator = setInterval(mutate, 250);
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssOf(pid));
    }, 500);

    let searches = 0;
    const result = await autocannon({
      url,
      connections: 8,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            searches += 1;
            const cached = searches % 2 === 0;
            const word = `${WORDS[searches % WORDS.length]}${cached ? '' : searches}`;
            const body = cached
              ? { query: '{ talks(first: 20) { totalCount edges { node { title tools { name } } } } }' }
              : {
                  query: 'query ($q: String!) { search(query: $q, first: 5) { score } }',
                  variables: { q: word },
                };
            return { ...request, body: JSON.stringify(body) };
          },
        },
      ],
    });
    clearInterval(mutator);
    clearInterval(sampler);

    // Let the last changes be indexed (the version stops moving), then check every soak file.
    let last = -1;
    for (let stable = 0; stable < 4; ) {
      await sleep(500);
      const version = (await query(url, '{ graphVersion }')).data?.graphVersion as number;
      stable = version === last ? stable + 1 : 0;
      last = version;
    }
    const missing: string[] = [];
    const checks = [...expected].map(([id, title]) => ({
      id,
      title: title ?? (gone.get(id) as string),
      present: title !== null,
    }));
    for (let i = 0; i < checks.length; i += 25) {
      const batch = checks.slice(i, i + 25);
      const fields = batch.map((c) => `t${c.id}: talk(slug: ${JSON.stringify(c.title)}) { title }`);
      const answer = await query(url, `{ ${fields.join(' ')} }`);
      for (const c of batch) {
        const found = (answer.data?.[`t${c.id}`] as { title: string } | null | undefined)?.title === c.title;
        if (found !== c.present)
          missing.push(`${c.title}: ${c.present ? 'missing' : 'still there after delete'}`);
      }
    }
    // The same state as at the start: the answer cache emptied with each new version, so fill it again.
    await warmUp(url);
    const heapEnd = await heapOf(server);
    const rssEnd = rssOf(pid);

    const fiveXx = result['5xx'];
    const failed = result.errors + result.timeouts + result.non2xx;
    const memoryOk = heapEnd <= heapStart + HEAP_SLACK;
    const report = {
      seconds: SECONDS,
      posts: POSTS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      latencyP99Ms: result.latency.p99,
      fiveXx,
      failed,
      fileActions: actions,
      soakFiles: expected.size,
      wrongOrLostFiles: missing,
      heapMb: {
        start: mb(heapStart),
        end: mb(heapEnd),
        growth: mb(heapEnd - heapStart),
        allowed: mb(HEAP_SLACK),
      },
      rssMb: { start: mb(rssStart), peak: mb(rssPeak), end: mb(rssEnd) },
      memoryBackNearStart: memoryOk,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return fiveXx === 0 && failed === 0 && missing.length === 0 && memoryOk ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
