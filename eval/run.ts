/**
 * @module eval/run
 * `npm run eval`: indexes the labelled real notes in ../shared/corpus (or
 * --corpus DIR) and prints per-author scores, then the overall summary as the
 * last lines. --verbose lists every miss and extra. Exits 0 with a note when
 * the corpus is absent, so it can run anywhere.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusScore, corpusPresent, scoreCorpus } from './corpus.js';
import { f1, KINDS, precision, recall, type Tally } from './score.js';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, verbose: { type: 'boolean' } },
});
const dir = resolve(values.corpus ?? process.env.TALKGRAPH_EVAL_CORPUS ?? '../shared/corpus');

const n = (x: number) => x.toFixed(2);
const pr = (t: Tally) => `${n(precision(t))} ${n(recall(t))}`;

function authorTable(score: CorpusScore): string[] {
  const rows = [
    '| author | files | talks P R | conf | speakers P R | videos P R | links P R | tools P R F1 | decoys |',
    '| --- | ---: | --- | ---: | --- | --- | --- | --- | ---: |',
  ];
  for (const a of score.authors) {
    const t = a.tallies;
    const decoys = t.decoys.tp + t.decoys.fn === 0 ? '-' : `${t.decoys.tp}/${t.decoys.tp + t.decoys.fn}`;
    rows.push(
      `| ${a.author} | ${a.files} | ${pr(t.talks)} | ${t.conference.tp + t.conference.fp === 0 ? '-' : n(precision(t.conference))} | ${pr(t.speakers)} | ${pr(t.videos)} | ${pr(t.links)} | ${pr(t.tools)} ${n(f1(t.tools))} | ${decoys} |`,
    );
  }
  return rows;
}

function summary(score: CorpusScore): string[] {
  const o = score.overall;
  const row = (label: string, t: Tally) =>
    `| ${label.padEnd(28)} | ${n(precision(t))} | ${n(recall(t))} | ${n(f1(t))} | ${t.tp} | ${t.fp} | ${t.fn} |`;
  return [
    `Overall: ${score.files} real files by ${score.authors.length} authors (out of sample for the fixtures)`,
    '| kind                         | P    | R    | F1   | tp | fp | fn |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('talks', o.talks),
    `| ${'conference right (of found)'.padEnd(28)} | ${n(precision(o.conference))} |      |      | ${o.conference.tp} | ${o.conference.fp} |    |`,
    row('speakers', o.speakers),
    row('videos', o.videos),
    row('links', o.links),
    row('tools (optional ignored)', o.tools),
    `| ${'decoy files without talks'.padEnd(28)} | ${o.decoys.tp}/${o.decoys.tp + o.decoys.fn} |`,
  ];
}

if (!corpusPresent(dir)) {
  console.log(`eval: no labelled corpus at ${dir} (labels.json missing); nothing to score.`);
  process.exit(0);
}
const score = await scoreCorpus(dir);
if (values.verbose) {
  for (const kind of KINDS) {
    const t = score.overall[kind];
    for (const m of t.misses) console.log(`miss  ${kind.padEnd(10)} ${m}`);
    for (const e of t.extras) console.log(`extra ${kind.padEnd(10)} ${e}`);
  }
  console.log('');
}
console.log(authorTable(score).join('\n'));
console.log('');
console.log(summary(score).join('\n'));
