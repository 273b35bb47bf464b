/**
 * The indexer on headings, lists and sections: which are talks and which are not. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';

import { diagnostics, GOPHERCON, indexQuirks, talk, talksOf } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('talk layout', () => {
  it('reports Summary and day headings as not talks, at their lines', () => {
    const skipped = diagnostics('HEADING_NOT_TALK', GOPHERCON);
    expect(skipped.map((d) => [d.severity, d.line])).toEqual([
      ['INFO', 12],
      ['INFO', 16],
      ['INFO', 47],
    ]);
    expect(skipped[0]?.message).toContain('Summary');
    expect(skipped[1]?.message).toContain('Day 1');
    expect(skipped[2]?.message).toContain('Day 2');
    const titles = talksOf(GOPHERCON).map((t) => t.title);
    for (const heading of ['Summary', 'Day 1', 'Day 2']) expect(titles).not.toContain(heading);
  });

  it('finds talks at ### under ## day headings, in file order', () => {
    expect(talksOf(GOPHERCON).map((t) => [t.title, t.source.line])).toEqual([
      ['The Go Compiler', 18],
      ['Generics in Practice', 25],
      ['Embedded Go', 32],
      ['Profiling', 38],
      ['Tracing', 42],
      ['Broken Shortcode', 49],
      ['Lightning Talks Recap Without Video', 53],
      ['Profiling', 58],
    ]);
    for (const t of talksOf(GOPHERCON)) expect(t.conferenceSlug).toBe('gophercon-2019');
  });

  it('reads speakers from "Keynote: Title - Name", "Title by Name" and "Title (Name, Company)"', () => {
    expect(talk('The Go Compiler').speakerSlugs).toEqual(['jane-doe']);
    expect(talk('Generics in Practice').speakerSlugs).toEqual(['john-smith']);
    expect(talk('Embedded Go').speakerSlugs).toEqual(['ann-lee']);
  });

  it('reads a file without headings as one talk titled by its front matter', () => {
    const talks = talksOf('posts/single-talk.md');
    expect(talks).toHaveLength(1);
    expect(talks[0]?.title).toBe('How We Scaled Postgres');
    expect(talks[0]?.youtubeId).toBe('NNNNNNNNNNN');
    expect(talks[0]?.speakerSlugs).toEqual(['jane-doe']);
  });

  it('gives duplicate talk titles distinct slugs and warns', () => {
    const profiling = data.talks.filter((t) => t.title === 'Profiling');
    expect(profiling.map((t) => t.slug)).toEqual(['profiling', 'profiling-2']);
    const duplicate = diagnostics('DUPLICATE_SLUG', GOPHERCON);
    expect(duplicate.map((d) => [d.severity, d.line])).toEqual([['WARNING', 58]]);
    expect(new Set(data.talks.map((t) => t.slug)).size).toBe(data.talks.length);
  });

  it('keeps non-ASCII titles and gives them a usable slug', () => {
    const t = talksOf('posts/qcon-london-2020.md')[0];
    expect(t?.title).toBe('Évolution des architectures: 日本語のセッション');
    expect(t?.slug).not.toBe('');
    expect(t?.slug).not.toBe('untitled');
    expect(t?.slug).toContain('日本語');
  });

  it('reports a post that is not conference notes, with no talks', () => {
    const path = 'posts/home-router.md';
    expect(talksOf(path)).toEqual([]);
    expect(diagnostics('NOT_CONFERENCE_NOTES', path).map((d) => d.severity)).toEqual(['INFO']);
    expect(data.posts.find((p) => p.path === path)?.conferenceSlug).toBeNull();
  });
});
