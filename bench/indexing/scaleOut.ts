/**
 * @module bench/indexing/scaleOut
 * Rows for a large corpus (10,000 posts by default):
 * - warm start: `talkgraph index` over unchanged content with its on-disk
 *   cache, against the same command cold (`--no-cache`);
 * - one changed file: from its new text to a new version of the graph and
 *   its store (re-extract that file, patch the graph, or index it all again
 *   when the change cannot be patched), in process;
 * - snapshot: a `talkgraph serve --snapshot` process until /health says ready,
 *   against `talkgraph serve` indexing the same content cold;
 * - peak RSS of both servers once ready and after a few queries, and of a
 *   server as it starts by default: indexing cold into an empty cache folder,
 *   whose warm-start files it writes before it serves.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStore } from '../../src/graph/store.js';
import { MemoryFileResults } from '../../src/indexing/fileResults.js';
import { IncrementalIndex } from '../../src/indexing/incremental.js';
import { indexFiles } from '../../src/indexing/indexer.js';
import { loadContent } from '../../src/load/walk.js';
import { writeCorpus } from '../corpus.js';
import { serverNodeFlags } from '../serveCommand.js';
import { time } from '../stats.js';
import { atMost, type Row } from '../table.js';
import { repoRoot, runNode } from './processes.js';

export interface ScaleOutOptions {
  dir: string;
  posts: number;
  repeat: number;
}

const talkgraph = 'bin/talkgraph.js';

/** Starts a server as `npm start` runs it and resolves once /health answers 200: wall time to ready and the child. */
async function serveUntilReady(args: string[]): Promise<{ ms: number; child: ChildProcess; url: string }> {
  const start = performance.now();
  const flags = serverNodeFlags();
  const child = spawn(
    process.execPath,
    [...flags, talkgraph, 'serve', '--host', '127.0.0.1', '--port', '0', ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.on('exit', (code) =>
      reject(new Error(`talkgraph serve ${args.join(' ')} exited with ${code}: ${out}`)),
    );
  });
  // The "serving" line is logged once the graph is ready; /health confirms it.
  const health = await fetch(`${base}/health`);
  if (health.status !== 200) throw new Error(`talkgraph serve ${args.join(' ')}: /health ${health.status}`);
  return { ms: performance.now() - start, child, url: `${base}/graphql` };
}

/** Peak RSS of a running process in MB (Linux /proc); NaN elsewhere. */
function peakRssMb(pid: number | undefined): number {
  const file = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(file)) return Number.NaN;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(file, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const QUERIES = [
  '{ tools(first: 20) { edges { node { name talkCount talks(first: 20) { edges { node { title conference { name } links { url } } } } } } } }',
  '{ talks(first: 50) { totalCount edges { node { title tools { name } topics { name } } } } }',
  '{ search(query: "prometheus", first: 20) { score node { id } } }',
];

async function serveRow(args: string[]): Promise<{ ms: number; rssMb: number }> {
  const { ms, child, url } = await serveUntilReady(args);
  try {
    for (const query of QUERIES) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      if (response.status !== 200) throw new Error(`${query}: ${response.status}`);
      await response.arrayBuffer();
    }
    return { ms, rssMb: peakRssMb(child.pid) };
  } finally {
    await stop(child);
  }
}

export async function scaleOutRows(options: ScaleOutOptions): Promise<Row[]> {
  const { posts, repeat } = options;
  const n = posts.toLocaleString('en-US');
  const content = writeCorpus(join(options.dir, `posts-${posts}`), posts);
  const cacheDir = join(options.dir, 'cache');
  const snapshot = join(options.dir, `graph-${posts}.snapshot`);

  // One change with the other files' results in memory, as live reload makes it: from the changed
  // file's text to a new servable version with its store. The graph is patched; a change it cannot
  // patch is indexed in full, and timed so. What patching needs (the extraction context, the
  // builder's knowledge, the store's lookups) is built untimed after each full index, as live
  // reload builds it on an idle turn once a full index is served.
  const { files } = await loadContent(content);
  const results = new MemoryFileResults();
  const indexAll = () => {
    const data = indexFiles(files, { results });
    return new IncrementalIndex(files, {}, results, { data, store: new MemoryStore(data) });
  };
  let incremental = indexAll();
  incremental.prepare();
  const changeRuns: number[] = [];
  let rebuilt = 0;
  for (let i = 0; i < Math.max(repeat, 5); i++) {
    // Posts spread over the corpus: the first posts make most shared nodes, the last make few.
    const at = Math.floor(((i + 0.5) * files.length) / Math.max(repeat, 5));
    const file = files[at];
    if (file === undefined || file.role !== 'post') continue;
    const text = `${file.text}\nA line added in run ${i} about Prometheus.\n`;
    let indexedAll = false;
    changeRuns.push(
      time(() => {
        files[at] = { ...file, text, digest: createHash('sha1').update(text).digest('hex') };
        const next = incremental.update(files[at] as typeof file);
        if ('reason' in next) {
          rebuilt += 1;
          incremental = indexAll();
          indexedAll = true;
        }
      }),
    );
    if (indexedAll) incremental.prepare();
  }

  // One untimed index writes both the snapshot and the cache the warm runs read.
  runNode([talkgraph, 'build', '--out', snapshot, '--content', content, '--cache-dir', cacheDir]);
  const cold: number[] = [];
  const warm: number[] = [];
  const serveCold: { ms: number; rssMb: number }[] = [];
  const serveSnapshot: { ms: number; rssMb: number }[] = [];
  // As a server starts by default: indexing cold, then writing its warm-start files before it serves.
  const serveWriting: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < repeat; i++) {
    cold.push(runNode([talkgraph, 'index', '--content', content, '--no-cache']).wallMs);
    warm.push(runNode([talkgraph, 'index', '--content', content, '--cache-dir', cacheDir]).wallMs);
    serveCold.push(await serveRow(['--content', content, '--no-cache']));
    serveSnapshot.push(await serveRow(['--snapshot', snapshot]));
    const emptyCache = mkdtempSync(join(options.dir, 'empty-cache-'));
    serveWriting.push(await serveRow(['--content', content, '--cache-dir', emptyCache]));
    rmSync(emptyCache, { recursive: true, force: true });
  }
  const coldFigure = { name: `talkgraph index, ${n} posts, cold`, runs: cold };
  const serveColdFigure = {
    name: `serve, ${n} posts, cold index to ready`,
    runs: serveCold.map((r) => r.ms),
  };
  return [
    {
      group: 'warm start',
      figure: { name: `talkgraph index, ${n} posts, warm cache`, runs: warm },
      baseline: coldFigure,
      unit: 'ms',
      goal: atMost(0.2),
    },
    {
      group: 'warm start',
      figure: {
        name: `reindex after one change, ${n} posts (in process${rebuilt > 0 ? `, ${rebuilt} rebuilt` : ''})`,
        runs: changeRuns,
      },
      unit: 'ms',
      goal: atMost(50, 'ms'),
    },
    {
      group: 'snapshot',
      figure: { name: `serve --snapshot, ${n} posts, to ready`, runs: serveSnapshot.map((r) => r.ms) },
      baseline: serveColdFigure,
      unit: 'ms',
      goal: atMost(0.1),
    },
    {
      group: 'memory',
      figure: { name: `peak RSS, serve ${n} posts (indexed)`, runs: serveCold.map((r) => r.rssMb) },
      unit: 'MB',
      goal: atMost(400, 'MB'),
    },
    {
      group: 'memory',
      figure: {
        name: `peak RSS, serve ${n} posts (indexed, writing its cache)`,
        runs: serveWriting.map((r) => r.rssMb),
      },
      unit: 'MB',
      goal: atMost(400, 'MB'),
    },
    {
      group: 'memory',
      figure: { name: `peak RSS, serve ${n} posts (snapshot)`, runs: serveSnapshot.map((r) => r.rssMb) },
      unit: 'MB',
      goal: atMost(400, 'MB'),
    },
  ];
}
