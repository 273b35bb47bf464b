/**
 * @module bench/firstAnswer
 * Start-up as a user sees it, each run a fresh process on the bundled
 * content: the time from `npm start` to its first GraphQL answer, and a whole
 * `talkgraph index`. The compiled CLI (dist/) is measured beside the same
 * sources compiled at run time by tsx, as `bin/talkgraph.js` ran before.
 * The first answer is also timed from `node bin/talkgraph.js serve` with the
 * Node flags npm start passes, which is what npm start runs: the difference is npm's own start. And from `npm start` with
 * an empty cache folder, as the first start after an install: the compiled CLI
 * then reads the seed its build wrote (dist/seed/), the sources run through tsx
 * have none and index cold.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from './serveCommand.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// The compiled CLI and the sources run through tsx are different builds, so their on-disk caches of
// indexed results differ, and each start keeps only its own build's cache of a content root: sharing
// one folder, each run would find the other's and index cold. Each gets its own folder, warmed before
// timing, so that every row times a start over notes indexed before, as a second `npm start` does.
const cacheDirs = {
  compiled: mkdtempSync(join(tmpdir(), 'talkgraph-bench-start-')),
  tsx: mkdtempSync(join(tmpdir(), 'talkgraph-bench-start-tsx-')),
};
const QUERY = JSON.stringify({ query: '{ tool(name: "gvisor") { name talkCount } }' });

function envFor(fromSource: boolean, port: number, cacheDir?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    TALKGRAPH_FROM_SOURCE: fromSource ? '1' : '',
    TALKGRAPH_CACHE_DIR: cacheDir ?? (fromSource ? cacheDirs.tsx : cacheDirs.compiled),
  };
}

/** Milliseconds from spawning `npm start` (or the command it runs) to the first 200 answer to a GraphQL POST. */
async function firstAnswer(
  fromSource: boolean,
  port: number,
  viaNpm = true,
  cacheDir?: string,
): Promise<number> {
  const start = performance.now();
  const [command, args] = viaNpm
    ? ['npm', ['start', '--silent']]
    : [process.execPath, [...serverNodeFlags(), 'bin/talkgraph.js', 'serve']];
  // Its own process group, so the server under npm is stopped with it.
  const child = spawn(command, args, {
    cwd: root,
    env: envFor(fromSource, port, cacheDir),
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://localhost:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: QUERY,
        });
        await response.text();
        if (response.status === 200) return performance.now() - start;
      } catch {
        // Not listening yet.
      }
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    });
  }
}

/** `npm start` to its first answer with a cache folder of its own, empty, removed afterwards. */
async function firstAnswerEmpty(fromSource: boolean, port: number): Promise<number> {
  const empty = mkdtempSync(join(tmpdir(), 'talkgraph-bench-first-'));
  try {
    return await firstAnswer(fromSource, port, true, empty);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

/** A whole `talkgraph index`: cold (`--no-cache`) when timed, as the row has always measured; else it warms the cache. */
function indexRun(fromSource: boolean, cold = true): number {
  const start = performance.now();
  const args = ['bin/talkgraph.js', 'index', '--json', ...(cold ? ['--no-cache'] : [])];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: envFor(fromSource, 0),
  });
  if (result.status !== 0) throw new Error(`talkgraph index failed: ${result.stderr}`);
  return performance.now() - start;
}

export interface StartupRuns {
  firstAnswer: { compiled: number[]; tsx: number[] };
  /** The same with an empty cache folder: the first start after an install. */
  firstAnswerEmpty: { compiled: number[]; tsx: number[] };
  /** The same without npm: `node bin/talkgraph.js serve`. */
  firstAnswerNode: { compiled: number[]; tsx: number[] };
  index: { compiled: number[]; tsx: number[] };
}

export async function benchFirstAnswer(rounds: number, port = 4790): Promise<StartupRuns> {
  const runs: StartupRuns = {
    firstAnswer: { compiled: [], tsx: [] },
    firstAnswerEmpty: { compiled: [], tsx: [] },
    firstAnswerNode: { compiled: [], tsx: [] },
    index: { compiled: [], tsx: [] },
  };
  // Warm the file cache and each build's cache of indexed results.
  indexRun(false, false);
  indexRun(true, false);
  // Interleaved, so drift on a shared machine hits both alike.
  for (let i = 0; i < rounds; i++) {
    runs.firstAnswer.compiled.push(await firstAnswer(false, port));
    runs.firstAnswer.tsx.push(await firstAnswer(true, port));
    runs.firstAnswerEmpty.compiled.push(await firstAnswerEmpty(false, port));
    runs.firstAnswerEmpty.tsx.push(await firstAnswerEmpty(true, port));
    runs.firstAnswerNode.compiled.push(await firstAnswer(false, port, false));
    runs.firstAnswerNode.tsx.push(await firstAnswer(true, port, false));
    runs.index.compiled.push(indexRun(false));
    runs.index.tsx.push(indexRun(true));
  }
  return runs;
}
