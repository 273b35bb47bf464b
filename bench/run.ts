/**
 * @module bench/run
 * `npm run bench`: measures, in one run on this machine, the indexer against
 * bare parsing and with/without the catalogue on synthetic corpora, and the
 * server against raw node:http and a Yoga hello-world. Prints medians and
 * ratios (a ratio against a baseline of the same run is what compares
 * across machines).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';
import { benchIndexer } from './indexer.js';
import { benchStartup } from './startup.js';
import { ratio } from './stats.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    repeat: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    'skip-server': { type: 'boolean' },
    'skip-indexer': { type: 'boolean' },
  },
});
const sizes = (values.sizes ?? '1000').split(',').map(Number);
const repeat = Number(values.repeat);

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
  if (!values['skip-server']) {
    const { benchServers } = await import('./servers.js');
    // The server is loaded with the 1k corpus: realistic page sizes and relation fan-out.
    const root = writeCorpus(join(dir, 'server'), 1000);
    await benchServers(Number(values.duration), Math.min(repeat, 3), root);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
