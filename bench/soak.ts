/**
 * @module bench/soak
 * `npm run soak [-- --seconds N]`: a bounded soak of `talkgraph serve
 * --watch` on 127.0.0.1 that stops by itself (60 s by default; `--seconds
 * 15` in CI). autocannon mixes cached queries (one document, again and
 * again) with uncached ones (a different search each time) while files are
 * added, edited, broken, fixed and deleted under the watched root. Passes
 * when no answer is a 5xx and no request failed, every file that should be in
 * the graph is there with its latest good title and no deleted one is, and
 * the server's memory settles back near where it started. Prints its
 * figures as JSON and exits 1 when a check fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeCorpus } from './corpus.js';

const { values } = parseArgs({ options: { seconds: { type: 'string' }, posts: { type: 'string' } } });
const SECONDS = Number(values.seconds ?? 60);
const POSTS = Number(values.posts ?? 200);
/** Memory may end this much above its start (bytes) or this ratio, whichever is larger. */
const MEMORY_SLACK = { bytes: 96 * 1024 * 1024, ratio: 1.5 };
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

function startServer(root: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['bin/talkgraph.js', 'serve', '--watch', '--content', root, '--port', '0', '--host', '127.0.0.1'],
    { cwd: repo, env: { ...process.env, LOG_LEVEL: 'info', PORT: '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += String(chunk);
      const url = /"url":"(http[^"]+)"/.exec(out)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      // Keep reading its logs (a full pipe would stall it), without keeping them.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve({ child, url });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
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

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'talkgraph-soak-'));
  writeCorpus(root, POSTS);
  const { child, url } = await startServer(root);
  const pid = child.pid as number;
  try {
    // Warm up with the load's own queries: the first answers compile them and build what then
    // stays for the graph's life (the search index is built on first use), so the start reading
    // is the server's steady size, not its size before anyone searched or anything was cached.
    // The answer caches are bounded at 1,000 entries: distinct searches fill them to that bound first.
    await query(url, '{ talks(first: 20) { totalCount edges { node { title tools { name } } } } }');
    for (let i = 0; i < 1200; i++) {
      await query(url, 'query ($q: String!) { search(query: $q, first: 5) { score } }', {
        q: `${WORDS[i % WORDS.length]}warm${i}`,
      });
    }
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
    // Idle time lets V8 shrink its heap before memory is read again.
    await sleep(10_000);
    const rssEnd = rssOf(pid);

    const fiveXx = result['5xx'];
    const failed = result.errors + result.timeouts + result.non2xx;
    const memoryOk = rssEnd <= Math.max(rssStart * MEMORY_SLACK.ratio, rssStart + MEMORY_SLACK.bytes);
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
      memoryMb: {
        start: Math.round(rssStart / 2 ** 20),
        peak: Math.round(rssPeak / 2 ** 20),
        end: Math.round(rssEnd / 2 ** 20),
      },
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
