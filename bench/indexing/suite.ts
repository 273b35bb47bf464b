/**
 * @module bench/indexing/suite
 * Indexing rows of `npm run bench`, each a whole process on a synthetic
 * corpus, repeated with the variants interleaved so that drift on a shared
 * machine hits them alike:
 * - `talkgraph index` against a bare parse (gray-matter + markdown-it, plain
 *   JavaScript) of the same files, and against a Hugo build of them;
 * - linear growth: the large corpus against the small one;
 * - peak RSS of `talkgraph index` on the large corpus.
 */
import { join } from 'node:path';
import { writeCorpus } from '../corpus.js';
import { atMost, type Row } from '../table.js';
import { writeHugoSite } from './hugo.js';
import { available, type ProcessRun, runCommand, runNode } from './processes.js';

export interface IndexingOptions {
  /** Scratch folder for corpora. */
  dir: string;
  /** The small and the large corpus (posts). */
  small: number;
  large: number;
  repeat: number;
}

const thousands = (n: number) => n.toLocaleString('en-US');

function series(runs: ProcessRun[], key: keyof ProcessRun): number[] {
  return runs.map((r) => r[key]).filter((v) => !Number.isNaN(v));
}

export function indexingRows(options: IndexingOptions): Row[] {
  const { small, large, repeat } = options;
  const smallDir = writeHugoSite(writeCorpus(join(options.dir, `posts-${small}`), small));
  const largeDir = writeCorpus(join(options.dir, `posts-${large}`), large);
  const hugo = available('hugo', ['version']);
  const index = (dir: string) => runNode(['bin/talkgraph.js', 'index', '--content', dir, '--no-cache']);
  const bare = (dir: string) => runNode(['bench/targets/bareParse.mjs', join(dir, 'posts')]);
  const hugoBuild = () =>
    runCommand('hugo', ['--quiet', '-s', smallDir, '-d', join(options.dir, 'hugo-out')]);

  // Untimed warm-up: the file cache and the tsx compile cache.
  index(smallDir);
  bare(smallDir);
  if (hugo) hugoBuild();

  const runs = {
    indexSmall: [] as ProcessRun[],
    indexLarge: [] as ProcessRun[],
    bareSmall: [] as ProcessRun[],
  };
  const hugoRuns: ProcessRun[] = [];
  for (let i = 0; i < repeat; i++) {
    runs.bareSmall.push(bare(smallDir));
    runs.indexSmall.push(index(smallDir));
    if (hugo) hugoRuns.push(hugoBuild());
    runs.indexLarge.push(index(largeDir));
  }

  const s = thousands(small);
  const l = thousands(large);
  const indexSmall = { name: `talkgraph index, ${s} posts`, runs: series(runs.indexSmall, 'wallMs') };
  const indexSmallCpu = { name: `talkgraph index, ${s} posts, CPU`, runs: series(runs.indexSmall, 'cpuMs') };
  const rows: Row[] = [
    {
      group: 'indexing',
      figure: indexSmall,
      baseline: { name: `bare parse, ${s} posts`, runs: series(runs.bareSmall, 'wallMs') },
      unit: 'ms',
      goal: atMost(2.0),
    },
    {
      group: 'indexing',
      figure: indexSmallCpu,
      baseline: { name: `bare parse, ${s} posts, CPU`, runs: series(runs.bareSmall, 'cpuMs') },
      unit: 'ms',
      goal: atMost(2.0),
    },
  ];
  const hugoFigure = { name: `hugo build, ${s} posts`, runs: series(hugoRuns, 'wallMs') };
  rows.push(
    hugo
      ? { group: 'indexing', figure: indexSmall, baseline: hugoFigure, unit: 'ms', goal: atMost(0.5) }
      : {
          group: 'indexing',
          figure: indexSmall,
          unit: 'ms',
          goal: atMost(0.5),
          skipped: 'hugo is not installed (apt-get install hugo)',
        },
  );
  if (hugo) {
    rows.push({
      group: 'indexing',
      figure: indexSmallCpu,
      baseline: { name: `hugo build, ${s} posts, CPU`, runs: series(hugoRuns, 'cpuMs') },
      unit: 'ms',
      goal: atMost(0.5),
    });
  }
  const growthGoal = atMost(Number(((large / small) * 1.1).toFixed(2)));
  rows.push(
    {
      group: 'indexing',
      figure: { name: `talkgraph index, ${l} posts`, runs: series(runs.indexLarge, 'wallMs') },
      baseline: indexSmall,
      unit: 'ms',
      goal: growthGoal,
    },
    {
      group: 'indexing',
      figure: { name: `talkgraph index, ${l} posts, CPU`, runs: series(runs.indexLarge, 'cpuMs') },
      baseline: indexSmallCpu,
      unit: 'ms',
      goal: growthGoal,
    },
    {
      group: 'memory',
      figure: { name: `peak RSS, talkgraph index, ${l} posts`, runs: series(runs.indexLarge, 'rssMb') },
      unit: 'MB',
      goal: large === 4000 ? atMost(250, 'MB') : undefined,
    },
  );
  return rows;
}
