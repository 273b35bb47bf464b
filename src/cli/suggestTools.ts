/**
 * @module cli/suggestTools
 * `talkgraph suggest-tools`: terms in the notes that look like tool names but
 * match no known tool, with counts and where they occur; `--write TERM`
 * turns chosen suggestions into registry files under tools/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexContent } from '../indexing/indexer.js';
import { contentOptions, contentRoot, parse } from './options.js';
import { plural } from './text.js';

export const USAGE = `usage: talkgraph suggest-tools [--content DIR] [--json] [--limit N] [--write TERM ...] [--no-catalogue]

Lists terms that look like unknown tools. --write TERM (repeatable) writes
tools/<slug>.md for that suggestion so the next index finds it by name.
`;

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(
    argv,
    {
      ...contentOptions,
      json: { type: 'boolean' },
      limit: { type: 'string' },
      write: { type: 'string', multiple: true },
    },
    { name: 'suggest-tools', usage: USAGE },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const root = contentRoot(values.content);
  const { data } = await indexContent({ root, catalogue: !values['no-catalogue'] });
  const suggestions = data.suggestions ?? [];
  const limit = Number(values.limit ?? 50);

  if (values.write !== undefined) {
    let failed = 0;
    for (const term of values.write) {
      const s = suggestions.find(
        (x) => x.term.toLowerCase() === term.toLowerCase() || x.slug === term.toLowerCase(),
      );
      if (s === undefined) {
        process.stderr.write(`talkgraph suggest-tools: "${term}" is not among the suggestions\n`);
        failed += 1;
        continue;
      }
      const dir = join(root, 'tools');
      const file = join(dir, `${s.slug}.md`);
      if (existsSync(file)) {
        process.stderr.write(`talkgraph suggest-tools: ${file} exists; not overwritten\n`);
        failed += 1;
        continue;
      }
      const tool = data.tools.find((t) => t.slug === s.slug && t.inferred);
      const lines = ['---', `name: ${yamlString(s.term)}`, 'aliases: []'];
      if (tool?.repositoryUrl) lines.push(`repository: ${yamlString(tool.repositoryUrl)}`);
      lines.push(
        'topics: []',
        '---',
        `Mentioned in ${plural(s.talkSlugs.length, 'talk')}, first at ${s.occurrences[0]?.path}:${s.occurrences[0]?.line}.`,
        '',
      );
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, lines.join('\n'));
      process.stdout.write(`wrote ${file}\n`);
    }
    return failed > 0 ? 1 : 0;
  }

  const shown = suggestions.slice(0, Number.isFinite(limit) && limit > 0 ? limit : 50);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }
  if (shown.length === 0) {
    process.stdout.write('No suggestions: every tool-like term is already known.\n');
    return 0;
  }
  for (const s of shown) {
    const where = s.occurrences
      .slice(0, 3)
      .map((o) => `${o.path}:${o.line}`)
      .join(', ');
    process.stdout.write(
      `${s.term.padEnd(24)} ${s.reason.padEnd(15)} ${String(s.talkSlugs.length).padStart(3)} talks  ${where}\n`,
    );
  }
  process.stdout.write(`\n${suggestions.length} suggestions; add one with --write TERM\n`);
  return 0;
}
