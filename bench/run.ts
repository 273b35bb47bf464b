/**
 * @module bench/run
 * `npm run bench`: measures, in one run on this machine, the indexer against
 * bare parsing and with/without the catalogue on synthetic corpora, and the
 * server against raw node:http and a Yoga hello-world. Prints medians and
 * ratios (a ratio against a baseline of the same run is what compares
 * across machines).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';
import { benchFirstAnswer } from './firstAnswer.js';
import { benchIndexer } from './indexer.js';
import { benchStartup } from './startup.js';
import { median, ratio } from './stats.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    repeat: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    'skip-server': { type: 'boolean' },
    'skip-indexer': { type: 'boolean' },
    'skip-startup': { type: 'boolean' },
  },
});
const sizes = (values.sizes ?? '1000').split(',').map(Number);
const repeat = Number(values.repeat);

// The CLI rows run the compiled CLI, as users do: build it from the current sources first.
execSync('npm run build --silent', { stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'talkgraph-bench-'));
try {
  if (!values['skip-indexer']) {
    console.log(`# Indexer (median of ${repeat} runs; in-memory files)\n`);
    console.log(
      '| posts | talks | bare parse ms | talkgraph ms (no catalogue) | talkgraph ms (catalogue) | talkgraph / bare | catalogue / none |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const size of sizes) {
      const root = writeCorpus(join(dir, String(size)), size);
      const r = await benchIndexer(root, size >= 10000 ? Math.max(3, Math.ceil(repeat / 2)) : repeat);
      console.log(
        `| ${r.posts} | ${r.talks} | ${r.bareMs.toFixed(0)} | ${r.noCatalogueMs.toFixed(0)} | ${r.catalogueMs.toFixed(0)} | ${ratio(r.catalogueMs, r.bareMs)} | ${ratio(r.catalogueMs, r.noCatalogueMs)} |`,
      );
    }
    console.log('');
  }
  if (!values['skip-indexer']) {
    const s = benchStartup(repeat);
    console.log(
      `# Start-up (fresh process, \`talkgraph index\` on the bundled content, median of ${repeat})\n`,
    );
    console.log('| without catalogue ms | with catalogue ms | catalogue / none |');
    console.log('| ---: | ---: | ---: |');
    console.log(
      `| ${s.noCatalogueMs.toFixed(0)} | ${s.catalogueMs.toFixed(0)} | ${ratio(s.catalogueMs, s.noCatalogueMs)} |\n`,
    );
  }
  if (!values['skip-startup']) {
    const s = await benchFirstAnswer(repeat);
    const row = (name: string, runs: { compiled: number[]; tsx: number[] }, goal: string) => {
      const range = (v: number[]) => `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}`;
      console.log(
        `| ${name} | ${median(runs.compiled).toFixed(0)} | ${range(runs.compiled)} | ${median(runs.tsx).toFixed(0)} | ${range(runs.tsx)} | ${ratio(median(runs.compiled), median(runs.tsx))} | ${goal} |`,
      );
    };
    console.log(`# Start-up (fresh processes on the bundled content, median of ${repeat}, ms)\n`);
    console.log('| row | compiled | range | tsx at run time | range | compiled / tsx | goal |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    row('`npm start` to first answer', s.firstAnswer, '≤ 1000 ms');
    row('`talkgraph index` process', s.index, '');
    console.log('');
  }
  if (!values['skip-server']) {
    const { benchServers, printServerRows } = await import('./servers.js');
    // The server is loaded with the 1k corpus: realistic page sizes and relation fan-out.
    const root = writeCorpus(join(dir, 'server'), 1000);
    const seconds = Number(values.duration);
    const rounds = Math.min(repeat, 3);
    printServerRows(await benchServers(seconds, rounds, root), seconds, rounds);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
