/**
 * @module cli/export
 * `talkgraph export`: index the content and write the graph as JSON,
 * GraphML, Graphviz DOT or a Neo4j Cypher script, to stdout or a file.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toCypher } from '../export/cypher.js';
import { toDot } from '../export/dot.js';
import { toGraphml } from '../export/graphml.js';
import { toJson } from '../export/json.js';
import type { GraphData } from '../graph/store.js';
import { indexContent } from '../indexing/indexer.js';
import { contentOptions, contentRoot, parse } from './options.js';

const FORMATS: Record<string, (data: GraphData) => string> = {
  json: toJson,
  graphml: toGraphml,
  dot: toDot,
  cypher: toCypher,
};

export const USAGE = `usage: talkgraph export [--format json|graphml|dot|cypher] [--content DIR] [--out FILE] [--no-catalogue]

Index the content and write the whole graph in one format.

options:
  -f, --format FORMAT   json (default), graphml, dot (Graphviz) or cypher (Neo4j)
  -c, --content DIR     content root (default: ./content, else the bundled example)
  -o, --out FILE        write to FILE instead of standard output
      --no-catalogue    do not use the built-in tool catalogue
  -h, --help            print this help
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    {
      ...contentOptions,
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
    },
    { name: 'export', usage: USAGE },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;

  const format = values.format ?? 'json';
  const write = FORMATS[format];
  if (write === undefined) {
    process.stderr.write(
      `talkgraph export: unknown format "${format}"; use one of ${Object.keys(FORMATS).join(', ')}\n`,
    );
    return 2;
  }

  const root = contentRoot(values.content);
  const { data } = await indexContent({ root, catalogue: values['no-catalogue'] !== true });
  const errors = data.diagnostics.filter((d) => d.severity === 'ERROR').length;
  if (errors > 0) {
    process.stderr.write(
      `talkgraph export: ${errors} error diagnostic(s) in ${root}; the export leaves out what could not be read (run \`talkgraph check\`)\n`,
    );
  }
  const output = write(data);

  if (values.out === undefined) {
    process.stdout.write(output);
    return 0;
  }
  const out = resolve(values.out);
  try {
    await writeFile(out, output, 'utf8');
  } catch (error) {
    process.stderr.write(
      `talkgraph export: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  process.stderr.write(
    `talkgraph export: wrote ${format} for ${data.talks.length} talks, ${data.tools.length} tools, ` +
      `${data.conferences.length} conferences to ${out}\n`,
  );
  return 0;
}
