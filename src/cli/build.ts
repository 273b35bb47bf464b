/**
 * @module cli/build
 * `talkgraph build --out FILE`: index the content once and write the graph,
 * diagnostics included, as a snapshot that `talkgraph serve --snapshot FILE`
 * serves without indexing. Exits 1 when the content has errors and
 * --strict is given, so a pipeline can refuse to ship them.
 */
import { resolve } from 'node:path';
import { discoveryOf } from '../graph/discovery.js';
import { writeSnapshot } from '../graph/snapshot.js';
import { indexContent } from '../indexing/indexer.js';
import { listBounds } from '../schema/listBounds.js';
import {
  CACHE_USAGE,
  cacheDir,
  cacheOptions,
  contentOptions,
  contentRoot,
  parse,
  reportCache,
} from './options.js';
import { plural } from './text.js';

export const USAGE = `usage: talkgraph build --out FILE [--content DIR] [--no-catalogue] [--strict]

Indexes the content folder and writes the graph as a snapshot FILE, for
\`talkgraph serve --snapshot FILE\` on any number of replicas. A snapshot is
read only by the talkgraph version that wrote it.

  --out FILE         where to write the snapshot
  --content DIR      content root (default: $TALKGRAPH_CONTENT, else ./content)
  --no-catalogue     ignore the built-in catalogue of well-known tools
  --strict           exit 1, writing nothing, when the content has errors
${CACHE_USAGE}
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    { ...contentOptions, ...cacheOptions, out: { type: 'string', short: 'o' }, strict: { type: 'boolean' } },
    { name: 'build', usage: USAGE },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.out === undefined) {
    process.stderr.write(`talkgraph build: --out FILE is required\n\n${USAGE}`);
    return 2;
  }
  const root = contentRoot(values.content);
  const { data, durationMs, cache } = await indexContent({
    root,
    catalogue: !values['no-catalogue'],
    cacheDir: cacheDir(values),
  });
  reportCache('build', cache);
  const errors = data.diagnostics.filter((d) => d.severity === 'ERROR').length;
  if (values.strict === true && errors > 0) {
    process.stderr.write(
      `talkgraph build: ${plural(errors, 'error')} in ${root}; nothing written (talkgraph check lists them)\n`,
    );
    return 1;
  }
  const out = resolve(values.out);
  // Search and list bounds are made here once, so that no replica makes them as it starts.
  const header = await writeSnapshot(out, data, root, discoveryOf(data).search.packed(), listBounds(data));
  process.stdout.write(
    `Wrote ${out}: ${plural(header.counts.talks, 'talk')}, ${plural(header.counts.tools, 'tool')}, ${plural(header.counts.diagnostics, 'diagnostic')} from ${plural(header.counts.posts, 'post')}, indexed in ${durationMs.toFixed(0)} ms (talkgraph ${header.version})\n`,
  );
  return 0;
}
