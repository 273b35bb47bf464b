import { describe, expect, it, vi } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

// A front-matter parser that breaks on one file, as a bug in a parsing library would.
vi.mock('../../src/parse/frontmatter.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parse/frontmatter.js')>();
  return {
    ...real,
    parseFrontMatter: (source: Parameters<typeof real.parseFrontMatter>[0]) => {
      if (source.text.includes('BREAKS THE PARSER')) throw new TypeError('parser bug');
      return real.parseFrontMatter(source);
    },
  };
});

describe('a parser that throws on one post', () => {
  it('costs that post alone, reported with its path, and the others are indexed', () => {
    const data = indexPosts({
      'good.md': '---\ntitle: Kept talk\n---\n\n# Kept talk\n\nWatch: https://youtu.be/abcdefghijk\n',
      'bad.md': '---\ntitle: BREAKS THE PARSER\n---\n\n# Lost\n',
    });
    const failed = data.diagnostics.filter((d) => d.code === 'EXTRACTION_FAILED');
    expect(failed.map((d) => [d.path, d.message])).toEqual([
      ['posts/bad.md', 'posts/bad.md could not be indexed: parser bug'],
    ]);
    expect(data.talks.map((t) => t.title)).toContain('Kept talk');
  });
});
