/**
 * The indexer on odd URLs: what becomes a link node, and what is reported. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';
import { indexPosts } from '../helpers/indexText.js';

import { diagnostics, GOPHERCON, indexQuirks, talk } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('links', () => {
  it('drops punctuation after a bare URL: "https://example.com/a." and "(https://example.com/b)"', () => {
    expect(talk('The Go Compiler').citations.map((c) => c.url)).toContain('https://example.com/a');
    expect(talk('Generics in Practice').citations.map((c) => c.url)).toContain('https://example.com/b');
    const urls = data.links.map((l) => l.url);
    expect(urls.filter((u) => /example\.com\/[ab][.)]/.test(u))).toEqual([]);
  });

  it('drops tracking parameters and keeps the others', () => {
    const urls = data.links.map((l) => l.url);
    expect(urls).toContain('https://blog.example.com/generics?page=2');
    expect(urls.filter((u) => /utm_/.test(u))).toEqual([]);
  });

  it('makes identical URLs in two talks one Link with both talk slugs', () => {
    const shared = data.links.filter((l) => l.url === 'https://example.com/a');
    expect(shared).toHaveLength(1);
    expect(shared[0]?.talkSlugs).toEqual(['the-go-compiler', 'generics-in-practice']);
    expect(shared[0]?.source).toEqual({ path: GOPHERCON, line: 23 });
  });

  it('gives the links before the first talk to the conference, a watch-with-list URL as its PLAYLIST', () => {
    const conference = data.conferences.find((c) => c.slug === 'gophercon-2019');
    const playlist = data.links.find((l) => l.url.includes('list=PL2ntRZ1ySWBdD9bru6IR-_WXUgJqvrtx9'));
    expect(playlist?.kind).toBe('PLAYLIST');
    expect(playlist?.conferenceSlugs).toEqual(['gophercon-2019']);
    expect(playlist?.talkSlugs).toEqual([]);
    expect(conference?.playlistUrl).toBe(playlist?.url);
    expect(data.talks.some((t) => t.youtubeId === 'AAAAAAAAAAA')).toBe(false);

    const site = data.links.find((l) => l.host === 'gophercon.com');
    expect(site?.conferenceSlugs).toEqual(['gophercon-2019']);
    expect(site?.talkSlugs).toEqual([]);
    expect(conference?.linkUrls).toEqual([playlist?.url, site?.url]);
  });

  it('classifies slides and articles by host', () => {
    expect(data.links.find((l) => l.host === 'speakerdeck.com')?.kind).toBe('SLIDES');
    expect(data.links.find((l) => l.host === 'blog.example.com')?.kind).toBe('ARTICLE');
  });

  it('gives a link in a table cell the line of its row', () => {
    const graph = indexPosts({
      'table.md': `---
title: "Notes from GopherCon 2019"
---

## A Table Talk

| Part | Video |
| --- | --- |
| intro | https://youtu.be/abcdefghijk |
`,
    });
    expect(graph.talks.map((t) => [t.title, t.source.line, t.youtubeId])).toEqual([
      ['A Table Talk', 5, 'abcdefghijk'],
    ]);
    expect(graph.talks[0]?.citations[0]?.line).toBe(9);
    expect(graph.talks[0]?.endLine).toBeGreaterThanOrEqual(9);
    // The header cell "Video" is not a "Video:" label without a link.
    expect(diagnostics('VIDEO_LINK_EMPTY', undefined, graph)).toEqual([]);
  });
});
