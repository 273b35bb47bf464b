/**
 * The indexer on every front-matter format and on broken front matter. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';
import { indexPosts } from '../helpers/indexText.js';

import { diagnostics, GOPHERCON, indexQuirks, TOOLING, talksOf } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('front matter', () => {
  it('reads YAML front matter', () => {
    const post = data.posts.find((p) => p.path === GOPHERCON);
    expect(post?.title).toBe('Notes from GopherCon 2019');
    expect(post?.date).toBe('2019-08-01');
    expect(post?.tags).toEqual(['go', 'conference']);
    expect(post?.conferenceSlug).toBe('gophercon-2019');
  });

  it('reads Hugo JSON front matter', () => {
    const post = data.posts.find((p) => p.path === 'posts/qcon-london-2020.md');
    expect(post?.title).toBe('Highlights from QCon London 2020');
    expect(post?.date).toBe('2020-03-10');
    expect(post?.tags).toEqual(['architecture']);
    const conference = data.conferences.find((c) => c.slug === post?.conferenceSlug);
    expect(conference?.name).toBe('QCon London 2020');
    expect(conference?.startDate).toBe('2020-03-02');
    expect(conference?.endDate).toBe('2020-03-04');
    expect(talksOf('posts/qcon-london-2020.md').map((t) => t.youtubeId)).toEqual([
      'JJJJJJJJJJJ',
      'KKKKKKKKKKK',
    ]);
  });

  it('reads JSON front matter written on a single line', () => {
    const graph = indexPosts({
      'one-line.md': `{ "title": "Notes from GopherCon 2019", "tags": ["go"] }

## A Talk

- Video Link: https://youtu.be/abcdefghijk
`,
    });
    const post = graph.posts[0];
    expect(post?.title).toBe('Notes from GopherCon 2019');
    expect(post?.tags).toEqual(['go']);
    expect(graph.talks.map((t) => [t.title, t.source.line])).toEqual([['A Talk', 3]]);
    expect(graph.talks[0]?.conferenceSlug).toBe('gophercon-2019');
  });

  it('indexes a file without front matter', () => {
    const post = data.posts.find((p) => p.path === 'posts/no-frontmatter.md');
    expect(post).toBeDefined();
    expect(post?.title).toBeNull();
    expect(post?.frontMatter).toEqual({});
    expect(talksOf('posts/no-frontmatter.md').map((t) => [t.title, t.source.line, t.youtubeId])).toEqual([
      ['Observability on a budget', 3, 'LLLLLLLLLLL'],
      ['Sandboxes everywhere', 8, 'MMMMMMMMMMM'],
    ]);
  });

  it('skips a file with malformed TOML and reports line and column, indexing the rest', () => {
    const [error, ...more] = diagnostics('FRONTMATTER_INVALID', 'posts/broken-toml.md');
    expect(more).toEqual([]);
    // `tags = ["a", "b"` never closes its array: the parser stops at the end of line 4.
    expect(error).toMatchObject({ severity: 'ERROR', line: 4, column: 17 });
    expect(error?.message).toMatch(/TOML/);
    expect(talksOf('posts/broken-toml.md')).toEqual([]);
    expect(data.posts.some((p) => p.path === 'posts/broken-toml.md')).toBe(false);
    expect(data.talks.some((t) => t.youtubeId === 'OOOOOOOOOOO')).toBe(false);
    expect(talksOf(GOPHERCON).length).toBeGreaterThan(0);
  });

  it('skips a file with malformed YAML and reports line and column, indexing the rest', () => {
    const [error, ...more] = diagnostics('FRONTMATTER_INVALID', 'posts/broken-yaml.md');
    expect(more).toEqual([]);
    // ` - b` on line 5 is indented less than the list it continues.
    expect(error).toMatchObject({ severity: 'ERROR', line: 5, column: 2 });
    expect(error?.message).toMatch(/YAML/);
    expect(data.posts.some((p) => p.path === 'posts/broken-yaml.md')).toBe(false);
    expect(data.talks.some((t) => t.youtubeId === 'PPPPPPPPPPP')).toBe(false);
    expect(talksOf(TOOLING).length).toBeGreaterThan(0);
  });

  it('skips a file with malformed JSON front matter and reports line and column', () => {
    const [error, ...more] = diagnostics('FRONTMATTER_INVALID', 'posts/broken-json.md');
    expect(more).toEqual([]);
    // The comma after `"date": "2019-05-02"` is missing: the parser stops at `"tags"`.
    expect(error).toMatchObject({ severity: 'ERROR', line: 4, column: 3 });
    expect(error?.message).toMatch(/JSON/);
    expect(data.posts.some((p) => p.path === 'posts/broken-json.md')).toBe(false);
    expect(data.talks.some((t) => t.youtubeId === 'QQQQQQQQQQQ')).toBe(false);
  });

  it('reports unclosed front matter as FRONTMATTER_UNCLOSED and skips the file', () => {
    const found = diagnostics('FRONTMATTER_UNCLOSED', 'posts/unclosed.md');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'ERROR', line: 1 });
    expect(data.posts.some((p) => p.path === 'posts/unclosed.md')).toBe(false);
    expect(data.talks.some((t) => t.youtubeId === 'RRRRRRRRRRR')).toBe(false);
  });

  it('indexes every good post whatever the broken ones', () => {
    expect(data.posts.map((p) => p.path).sort()).toEqual([
      'posts/far-future.md',
      'posts/gophercon-2019.md',
      'posts/home-router.md',
      'posts/no-frontmatter.md',
      'posts/qcon-london-2020.md',
      'posts/single-talk.md',
      'posts/tooling.md',
    ]);
    const errors = data.diagnostics.filter((d) => d.severity === 'ERROR').map((d) => d.path);
    expect(errors.sort()).toEqual([
      'posts/broken-json.md',
      'posts/broken-toml.md',
      'posts/broken-yaml.md',
      'posts/unclosed.md',
    ]);
  });
});
