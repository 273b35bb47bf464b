/**
 * @module bench/run
 * `npm run bench`: every figure beside its baseline from the same run, in
 * one table of medians (with the range over repeats). Suites are a small
 * table below: each returns rows, or prints a section of its own.
 *
 *   npm run bench -- --only indexing,scale-out --repeat 3 --small 1000 --large 4000 --scale-out 10000
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';
import { benchFirstAnswer } from './firstAnswer.js';
import { benchIndexer } from './indexer.js';
import { scaleOutRows } from './indexing/scaleOut.js';
import { indexingRows } from './indexing/suite.js';
import { benchStartup } from './startup.js';
import { median, ratio } from './stats.js';
import { formatTable, type Row } from './table.js';

const options = {
  options: {
    only: { type: 'string' },
    small: { type: 'string', default: '1000' },
    large: { type: 'string', default: '4000' },
    'scale-out': { type: 'string', default: '10000' },
    'scale-out-repeat': { type: 'string' },
    repeat: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    help: { type: 'boolean', short: 'h' },
  },
} as const;
function parseOptions() {
  try {
    return parseArgs(options);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n(npm run bench -- --help lists the options)\n`);
    process.exit(2);
  }
}
const { values } = parseOptions();
const repeat = Number(values.repeat);

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
    // Fresh processes on the bundled content: the compiled CLI against the same sources run through tsx.
    name: 'startup',
    run: async () => {
      const s = await benchFirstAnswer(repeat);
      const range = (v: number[]) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}`;
      const row = (name: string, runs: { compiled: number[]; tsx: number[] }, goal: string) =>
        `| ${name} | ${median(runs.compiled).toFixed(0)} | ${range(runs.compiled)} | ${median(runs.tsx).toFixed(0)} | ${range(runs.tsx)} | ${ratio(median(runs.compiled), median(runs.tsx))} | ${goal} |`;
      console.log(`# Start-up (fresh processes on the bundled content, median of ${repeat}, ms)\n`);
      console.log('| row | compiled | range | tsx at run time | range | compiled / tsx | goal |');
      console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
      console.log(row('`npm start` to first answer', s.firstAnswer, '≤ 1000 ms'));
      console.log(
        row(
          '`npm start` to first answer, empty cache folder (first start after install)',
          s.firstAnswerEmpty,
          '≤ 1000 ms',
        ),
      );
      console.log(
        row('`node bin/talkgraph.js serve` to first answer (npm start less npm)', s.firstAnswerNode, ''),
      );
      console.log(row('`talkgraph index` process', s.index, ''));
      console.log('');
      return [];
    },
  },
  {
    name: 'serving',
    run: async () => {
      const { benchServers, printServerRows } = await import('./servers.js');
      // The server is loaded with the 1k corpus: realistic page sizes and relation fan-out.
      const root = writeCorpus(join(dir, 'server'), 1000);
      const seconds = Number(values.duration);
      const rounds = Math.min(repeat, 3);
      printServerRows(await benchServers(seconds, rounds, root), seconds, rounds);
      return [];
    },
  },
];

const SUITES = suites.map((suite) => suite.name);
const USAGE = `Usage: npm run bench -- [options]

  --only LIST             suites to run, comma-separated (default: all):
                          ${SUITES.join(', ')}
  --repeat N              repeats of each measurement (default 5); medians are reported
  --small N, --large N    posts in the indexing corpora (default 1000 and 4000)
  --scale-out N           posts in the scale-out corpus (default 10000)
  --scale-out-repeat N    repeats of the scale-out rows (default: half of --repeat)
  --duration S            seconds of load for each serving row (default 5)
  -h, --help              this text
`;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const unknown = values.only?.split(',').filter((name) => !SUITES.includes(name)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown suite ${unknown.join(', ')}\n\n${USAGE}`);
  process.exit(2);
}

// The CLI rows run the compiled CLI, as users do: build it from the current sources first.
execSync('npm run build --silent', { stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'talkgraph-bench-'));

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
