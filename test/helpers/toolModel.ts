/**
 * A ToolModel for extraction tests: a catalogue tool with nothing but its
 * name (and a slug made from it) unless the test gives more; and the names
 * of the tools a ToolIndex finds in a piece of markdown.
 */
import type { CitedLink, ToolIndex } from '../../src/extract/tools.js';
import type { ToolModel } from '../../src/graph/types.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

export function toolModel(name: string, extra: Partial<ToolModel> = {}): ToolModel {
  return {
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    aliases: [],
    description: null,
    repositoryUrl: null,
    websiteUrl: null,
    topics: [],
    caseSensitive: false,
    ambiguous: false,
    origin: 'CATALOGUE',
    inferred: false,
    source: null,
    ...extra,
  };
}

/** The names of the tools `index` finds mentioned in `markdown` (no links cited), sorted. */
export function mentionedNames(index: ToolIndex, markdown: string): string[] {
  const runs = parseMarkdown(markdown, 1).blocks.flatMap((b) => b.runs);
  const links: CitedLink[] = [];
  const names = new Map(index.all.map((t) => [t.slug, t.name]));
  return index
    .mentions(runs, links, () => '')
    .mentions.map((m) => names.get(m.toolSlug) ?? m.toolSlug)
    .sort();
}
