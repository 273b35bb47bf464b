/**
 * @module bench/startup
 * The catalogue's start-up cost: wall time of a fresh `talkgraph index` on the
 * bundled content with and without the built-in catalogue, each run in a new
 * process (the catalogue is read once per process).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['bin/talkgraph.js', 'index', '--json', '--no-cache', ...args], {
    cwd: root,
  });
  if (result.status !== 0) throw new Error(`talkgraph index ${args.join(' ')} failed: ${result.stderr}`);
  return performance.now() - start;
}

export function benchStartup(rounds: number): {
  catalogueMs: number;
  noCatalogueMs: number;
  catalogueRuns: number[];
  noCatalogueRuns: number[];
} {
  run([]); // warm the file cache
  const withCatalogue: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < rounds; i++) {
    without.push(run(['--no-catalogue']));
    withCatalogue.push(run([]));
  }
  return {
    catalogueMs: median(withCatalogue),
    noCatalogueMs: median(without),
    catalogueRuns: withCatalogue,
    noCatalogueRuns: without,
  };
}
