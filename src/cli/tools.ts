/**
 * @module cli/tools
 * `talkgraph tools`: every tool talkgraph knows for a content root (the
 * built-in catalogue, the user's registry, tools inferred from repository
 * links), where each comes from, and how many talks mention it.
 */

import { talkCountByTool } from '../graph/store.js';
import type { ToolOrigin } from '../graph/types.js';
import { indexFiles } from '../indexing/indexer.js';
import { loadContent } from '../load/walk.js';
import { loadCatalogue } from '../registry/catalogue.js';
import { loadRegistries } from '../registry/registry.js';
import { contentOptions, contentRoot, parse } from './options.js';

export const USAGE = `usage: talkgraph tools [--content DIR] [--source CATALOGUE|REGISTRY|INFERRED] [--mentioned] [--json] [--no-catalogue]

Lists the known tools with their origin and talk count.
`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    {
      ...contentOptions,
      source: { type: 'string' },
      mentioned: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    { name: 'tools', usage: USAGE },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const origin = values.source?.toUpperCase() as ToolOrigin | undefined;
  if (origin !== undefined && !['CATALOGUE', 'REGISTRY', 'INFERRED'].includes(origin)) {
    process.stderr.write(`talkgraph tools: --source must be CATALOGUE, REGISTRY or INFERRED\n`);
    return 2;
  }
  const root = contentRoot(values.content);
  const catalogue = !values['no-catalogue'];
  // Read the files once: the registries list every known tool, the index counts their talks.
  const { files } = await loadContent(root);
  const known = loadRegistries(files, catalogue ? loadCatalogue().tools : [], () => {}).tools;
  const data = indexFiles(files, { catalogue });
  const counts = talkCountByTool(data);
  const rows = [...known, ...data.tools.filter((t) => t.inferred)]
    .filter((t) => origin === undefined || t.origin === origin)
    .map((t) => ({
      name: t.name,
      slug: t.slug,
      source: t.origin,
      aliases: t.aliases,
      ambiguous: t.ambiguous,
      talkCount: counts.get(t.slug) ?? 0,
    }))
    .filter((t) => !values.mentioned || t.talkCount > 0)
    .sort((a, b) => b.talkCount - a.talkCount || a.name.localeCompare(b.name));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.min(32, Math.max(4, ...rows.map((r) => r.name.length)));
  process.stdout.write(`${'TOOL'.padEnd(width)}  ${'SOURCE'.padEnd(9)}  TALKS  ALIASES\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.name.padEnd(width)}  ${r.source.padEnd(9)}  ${String(r.talkCount).padStart(5)}  ${r.aliases.join(', ')}\n`,
    );
  }
  process.stdout.write(`${rows.length} tools\n`);
  return 0;
}
