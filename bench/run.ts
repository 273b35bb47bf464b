/**
 * @module bench/run
 * `npm run bench`: every figure beside its baseline from the same run, in
 * one table of medians (with the range over repeats). Suites are a small
 * table below: each returns rows, or prints a section of its own.
 *
 *   npm run bench -- --only indexing,scale-out --repeat 3 --small 1000 --large 4000 --scale-out 10000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';
import { benchIndexer } from './indexer.js';
import { scaleOutRows } from './indexing/scaleOut.js';
import { indexingRows } from './indexing/suite.js';
import { benchStartup } from './startup.js';
import { formatTable, type Row } from './table.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '4000' },
    'scale-out': { type: 'string', default: '10000' },
    'scale-out-repeat': { type: 'string' },
    repeat: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
  },
});
const repeat = Number(values.repeat);
const dir = mkdtempSync(join(tmpdir(), 'talkgraph-bench-'));

interface Suite {
  name: string;
  run: () => Promise<Row[]>;
}

const suites: Suite[] = [
  {
    name: 'indexing',
    run: async () => indexingRows({ dir, small: Number(values.small), large: Number(values.large), repeat }),
  },
  {
    // Warm start, one-change reindex, snapshot serving and memory at scale; fewer repeats, each run is long.
    name: 'scale-out',
    run: () =>
      scaleOutRows({
        dir,
        posts: Number(values['scale-out']),
        repeat: Number(values['scale-out-repeat'] ?? Math.max(1, Math.ceil(repeat / 2))),
      }),
  },
  {
    // The built-in catalogue's cost, in process (on the small corpus) and at start-up (bundled content).
    name: 'catalogue',
    run: async () => {
      const size = Number(values.small);
      const r = await benchIndexer(writeCorpus(join(dir, 'catalogue'), size), repeat);
      const s = benchStartup(repeat);
      return [
        {
          group: 'catalogue',
          figure: { name: `indexFiles with catalogue, ${size} posts (in process)`, runs: r.catalogueRuns },
          baseline: { name: 'without catalogue', runs: r.noCatalogueRuns },
          unit: 'ms',
        },
        {
          group: 'catalogue',
          figure: { name: 'talkgraph index, bundled content, with catalogue', runs: s.catalogueRuns },
          baseline: { name: 'without catalogue', runs: s.noCatalogueRuns },
          unit: 'ms',
        },
      ];
    },
  },
  {
    name: 'serving',
    run: async () => {
      const { benchServers } = await import('./servers.js');
      // The server is loaded with the 1k corpus: realistic page sizes and relation fan-out.
      const root = writeCorpus(join(dir, 'server'), 1000);
      await benchServers(Number(values.duration), Math.min(repeat, 3), root);
      return [];
    },
  },
];

const selected = values.only?.split(',');
const rows: Row[] = [];
try {
  for (const suite of suites) {
    if (selected !== undefined && !selected.includes(suite.name)) continue;
    console.error(`bench: ${suite.name}…`);
    const suiteRows = await suite.run();
    rows.push(...suiteRows);
    // Each suite's rows as soon as they are measured: a long run stopped early keeps them.
    if (suiteRows.length > 0) console.error(`${formatTable(suiteRows)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`# talkgraph bench (medians of repeated runs; the range over them in brackets)\n`);
console.log(formatTable(rows));
