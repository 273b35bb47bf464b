/**
 * A lower-case ordinary word alone in brackets names a project only right
 * after a person's name ("Wes McKinney (pandas)"); elsewhere it is an aside
 * ("Coffee (espresso)", "(black) and white").
 */
import { describe, expect, it } from 'vitest';
import { type CitedLink, ToolIndex } from '../../src/extract/tools.js';
import type { ToolModel } from '../../src/graph/types.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function tool(name: string, topics: string[], ambiguous = true): ToolModel {
  return {
    slug: name.toLowerCase(),
    name,
    aliases: [],
    description: null,
    repositoryUrl: null,
    websiteUrl: null,
    topics,
    caseSensitive: false,
    ambiguous,
    origin: 'CATALOGUE',
    inferred: false,
    source: null,
  };
}

const TOOLS = new ToolIndex([
  tool('pandas', ['python']),
  tool('Espresso', ['android']),
  tool('Black', ['python']),
  tool('Jupyter', ['python'], false),
  tool('Gradle', ['android'], false),
]);

function mentioned(markdown: string): string[] {
  const runs = parseMarkdown(markdown, 1).blocks.flatMap((b) => b.runs);
  const links: CitedLink[] = [];
  const names = new Map(TOOLS.all.map((t) => [t.slug, t.name]));
  return TOOLS.mentions(runs, links, () => '')
    .mentions.map((m) => names.get(m.toolSlug) ?? m.toolSlug)
    .sort();
}

describe('a word alone in brackets', () => {
  it('names the project of the person before it', () => {
    expect(mentioned('A keynote by Wes McKinney (pandas) on data frames in Jupyter.\n')).toEqual([
      'Jupyter',
      'pandas',
    ]);
  });

  it('is an aside anywhere else', () => {
    expect(mentioned('Coffee (espresso) kept the Gradle builds going.\n')).toEqual(['Gradle']);
    expect(mentioned('Jupyter slides were printed (black) and white.\n')).toEqual(['Jupyter']);
  });
});
