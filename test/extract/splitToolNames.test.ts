/**
 * A one-word CamelCase tool name split in two ("Flame Graph" for FlameGraph,
 * "Event Mesh" for EventMesh) is most often two ordinary words in Title
 * Case: the split form counts only with evidence beyond its case, never in a
 * Title Case heading alone; the joined name counts as before.
 */
import { describe, expect, it } from 'vitest';
import { type CitedLink, ToolIndex } from '../../src/extract/tools.js';
import type { ToolModel } from '../../src/graph/types.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function tool(name: string, topics: string[]): ToolModel {
  return {
    slug: name.toLowerCase(),
    name,
    aliases: [],
    description: null,
    repositoryUrl: null,
    websiteUrl: null,
    topics,
    caseSensitive: false,
    ambiguous: false,
    origin: 'CATALOGUE',
    inferred: false,
    source: null,
  };
}

const TOOLS = new ToolIndex([
  tool('FlameGraph', ['profiling']),
  tool('EventMesh', ['messaging']),
  tool('DataHub', ['metadata']),
  tool('Docker', ['containers']),
]);

function mentioned(markdown: string): string[] {
  const runs = parseMarkdown(markdown, 1).blocks.flatMap((b) => b.runs);
  const links: CitedLink[] = [];
  const names = new Map(TOOLS.all.map((t) => [t.slug, t.name]));
  return TOOLS.mentions(runs, links, () => '')
    .mentions.map((m) => names.get(m.toolSlug) ?? m.toolSlug)
    .sort();
}

describe('split spellings of one-word tool names', () => {
  it('are no tool in a Title Case heading or phrase alone', () => {
    expect(mentioned('## Flame Graph Basics\n\nWe read a Flame Graph and an Event Mesh diagram.\n')).toEqual(
      [],
    );
    expect(mentioned('### The Data Hub Team\n')).toEqual([]);
  });

  it('count with evidence beyond their case, and the joined name counts alone', () => {
    expect(mentioned('We run `Data Hub` beside Docker.\n')).toEqual(['DataHub', 'Docker']);
    expect(mentioned('We render stacks with FlameGraph.\n')).toEqual(['FlameGraph']);
  });
});
