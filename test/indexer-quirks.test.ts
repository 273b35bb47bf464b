/**
 * The indexer on the awkward inputs real notes contain: every front-matter
 * format (and broken ones), every way of writing a YouTube video, headings
 * that are not talks, odd URLs, odd line endings, files outside the root or
 * too large, and tool names that are ordinary words. Most cases index the
 * content root under test/fixtures/quirks/; the rest index inline strings.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import type { GraphData } from '../src/graph/store.js';
import type { TalkModel } from '../src/graph/types.js';
import { indexContent } from '../src/indexing/indexer.js';
import { indexPosts, TEST_NOW } from './helpers/indexText.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/quirks/', import.meta.url));
const GOPHERCON = 'posts/gophercon-2019.md';
const TOOLING = 'posts/tooling.md';

let data: GraphData;

beforeAll(async () => {
  ({ data } = await indexContent({ root: FIXTURE, catalogue: false, now: TEST_NOW }));
});

function fileLines(path: string): string[] {
  return readFileSync(join(FIXTURE, path), 'utf8').split(/\r\n?|\n/);
}

function lineOf(path: string, line: number): string {
  return fileLines(path)[line - 1] ?? '';
}

function talk(title: string, graph: GraphData = data): TalkModel {
  const found = graph.talks.filter((t) => t.title === title);
  expect(
    found.map((t) => t.title),
    `talk "${title}"`,
  ).toHaveLength(1);
  return found[0] as TalkModel;
}

function talkBySlug(slug: string, graph: GraphData = data): TalkModel {
  const found = graph.talks.find((t) => t.slug === slug);
  expect(found, `talk ${slug}`).toBeDefined();
  return found as TalkModel;
}

function diagnostics(code: string, path?: string, graph: GraphData = data): Diagnostic[] {
  return graph.diagnostics.filter((d) => d.code === code && (path === undefined || d.path === path));
}

function talksOf(path: string, graph: GraphData = data): TalkModel[] {
  return graph.talks.filter((t) => t.source.path === path);
}

function mention(t: TalkModel, toolSlug: string) {
  return t.mentions.find((m) => m.toolSlug === toolSlug);
}

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

describe('videos', () => {
  it('reads a {{< youtube ID >}} shortcode', () => {
    const t = talk('The Go Compiler');
    expect(t.youtubeId).toBe('BBBBBBBBBBB');
    expect(t.videoUrl).toBe('https://www.youtube.com/watch?v=BBBBBBBBBBB');
    expect(t.citations[0]).toMatchObject({ url: t.videoUrl, line: 20 });
  });

  it('reads a {{< youtube id="ID" >}} shortcode', () => {
    const t = talk('Generics in Practice');
    expect(t.youtubeId).toBe('CCCCCCCCCCC');
    expect(t.citations[0]?.line).toBe(27);
  });

  it('reads an <iframe> YouTube embed', () => {
    const t = talk('Embedded Go');
    expect(t.youtubeId).toBe('DDDDDDDDDDD');
    expect(t.citations.find((c) => c.url === t.videoUrl)?.line).toBe(34);
  });

  it('reads a malformed single-brace {< youtube ID >} and warns about it', () => {
    const t = talk('Broken Shortcode');
    expect(t.youtubeId).toBe('HHHHHHHHHHH');
    const warnings = diagnostics('SHORTCODE_MALFORMED', GOPHERCON);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'WARNING', line: 51 });
  });

  it('reads youtu.be/ID?t=42 as the video with a 42 second start', () => {
    const t = talkBySlug('profiling');
    expect(t.youtubeId).toBe('EEEEEEEEEEE');
    expect(t.videoStart).toBe(42);
  });

  it('reads t=1m30s as a 90 second start', () => {
    const t = talk('Tracing');
    expect(t.youtubeId).toBe('FFFFFFFFFFF');
    expect(t.videoStart).toBe(90);
  });

  it('reads a youtube.com/embed/ID link', () => {
    const t = talkBySlug('profiling-2');
    expect(t.youtubeId).toBe('IIIIIIIIIII');
    expect(t.videoStart).toBeNull();
  });

  it('takes the first of two videos in a talk as its video, and keeps both as links', () => {
    const t = talk('Tracing');
    expect(t.youtubeId).toBe('FFFFFFFFFFF');
    const videos = data.links.filter((l) => l.kind === 'VIDEO' && l.talkSlugs.includes(t.slug));
    expect(videos.map((l) => l.youtubeId)).toEqual(['FFFFFFFFFFF', 'GGGGGGGGGGG']);
    // `&t=90` on the second one is a start offset, kept in the canonical URL.
    expect(videos[1]?.url).toBe('https://www.youtube.com/watch?v=GGGGGGGGGGG&t=90s');
  });

  it('warns about an empty "Video Link:" and leaves the talk without a video', () => {
    const t = talk('Lightning Talks Recap Without Video');
    expect(t.videoUrl).toBeNull();
    expect(t.youtubeId).toBeNull();
    const empty = diagnostics('VIDEO_LINK_EMPTY', GOPHERCON);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ severity: 'WARNING', line: 55 });
    const noVideo = diagnostics('TALK_NO_VIDEO', GOPHERCON);
    expect(noVideo.map((d) => [d.severity, d.line])).toEqual([['INFO', 53]]);
  });

  it('takes a video linked from the talk heading itself as the talk video', () => {
    const graph = indexPosts({
      'heading-links.md': `---
title: "Notes from GopherCon 2019"
---

## [Writing a Compiler](https://www.youtube.com/watch?v=abcdefghijk)

Notes on the compiler.

## [Writing an Interpreter](https://www.youtube.com/watch?v=bcdefghijkl)

Notes on the interpreter.
`,
    });
    expect(graph.talks.map((t) => [t.title, t.source.line, t.youtubeId])).toEqual([
      ['Writing a Compiler', 5, 'abcdefghijk'],
      ['Writing an Interpreter', 9, 'bcdefghijkl'],
    ]);
    const link = graph.links.find((l) => l.youtubeId === 'abcdefghijk');
    expect(link?.talkSlugs).toEqual(['writing-a-compiler']);
  });
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

describe('provenance', () => {
  it('gives every talk a path and the line of its heading', () => {
    expect(data.talks.length).toBeGreaterThan(15);
    for (const t of data.talks) {
      const lines = fileLines(t.source.path);
      expect(t.source.line, t.slug).toBeGreaterThanOrEqual(1);
      expect(t.source.line, t.slug).toBeLessThanOrEqual(lines.length);
      expect(t.endLine, t.slug).toBeGreaterThanOrEqual(t.source.line);
      if (t.source.path === 'posts/single-talk.md') continue;
      const heading = lineOf(t.source.path, t.source.line);
      expect(heading, t.slug).toMatch(/^#{2,3} /);
      expect(heading, t.slug).toContain(t.title);
    }
  });

  it('gives every citation and link the line where its URL is written', () => {
    const where = (url: string, youtubeId: string | null) =>
      youtubeId ?? new URL(url).hostname.replace(/^www\./, '');
    for (const t of data.talks) {
      for (const c of t.citations) {
        const link = data.links.find((l) => l.url === c.url);
        expect(link, c.url).toBeDefined();
        expect(lineOf(t.source.path, c.line), `${t.slug} ${c.url}`).toContain(
          where(c.url, link?.youtubeId ?? null),
        );
        expect(c.line).toBeGreaterThan(t.source.line - (t.source.path === 'posts/single-talk.md' ? 1 : 0));
        expect(c.line).toBeLessThanOrEqual(t.endLine);
      }
    }
    for (const l of data.links) {
      expect(l.source.path).toMatch(/^posts\//);
      expect(lineOf(l.source.path, l.source.line), l.url).toContain(where(l.url, l.youtubeId));
    }
  });

  it('gives every tool mention evidence with path, line and the text of that line', () => {
    const all = data.talks.flatMap((t) => t.mentions);
    expect(all.length).toBeGreaterThan(5);
    for (const m of all) {
      expect(m.evidence.length, m.toolSlug).toBeGreaterThan(0);
      for (const e of m.evidence) {
        expect(e.path).toMatch(/^posts\//);
        expect(e.text).toBe(lineOf(e.path, e.line).trim());
      }
    }
  });
});

describe('tools', () => {
  it('finds a tool by its name in any case', () => {
    const m = mention(talk('Sandboxing in Production'), 'gvisor');
    expect(m?.via).toBe('NAME');
    expect(m?.evidence).toEqual([
      { path: TOOLING, line: 8, text: '- We ran GVISOR for every untrusted workload.' },
    ]);
  });

  it('finds a tool by an alias', () => {
    const m = mention(talk('Runtime Classes'), 'gvisor');
    expect(m?.via).toBe('ALIAS');
    expect(m?.evidence.map((e) => e.line)).toEqual([13]);
  });

  it('finds a tool by a link into its repository', () => {
    const m = mention(talk('Contributing Upstream'), 'gvisor');
    expect(m?.via).toBe('REPOSITORY');
    expect(m?.evidence.map((e) => e.line)).toEqual([18]);
  });

  it('does not match a caseSensitive tool in "a first draft of the doc" nor at the start of a sentence', () => {
    const t = talk('Writing Design Docs');
    expect(mention(t, 'draft')).toBeUndefined();
  });

  it('matches a caseSensitive tool written with its case inside a sentence', () => {
    const t = talk('Shipping Faster');
    expect(mention(t, 'draft')?.via).toBe('NAME');
    expect(mention(t, 'draft')?.evidence.map((e) => e.line)).toEqual([30]);
    expect(mention(t, 'prometheus')?.via).toBe('NAME');
  });

  it('makes an inferred tool, named after the repository, from a link to an unknown GitHub project', () => {
    const tool = data.tools.find((t) => t.slug === 'widget-factory');
    expect(tool).toMatchObject({
      name: 'widget-factory',
      inferred: true,
      origin: 'INFERRED',
      repositoryUrl: 'https://github.com/acme-corp/widget-factory',
    });
    expect(mention(talk('Contributing Upstream'), 'widget-factory')?.via).toBe('REPOSITORY');
    // A link inside a known tool's repository infers nothing.
    expect(data.tools.filter((t) => t.inferred).map((t) => t.slug)).not.toContain('gvisor-2');
  });

  it('keeps registry tools and their matches case-insensitive in posts without front matter', () => {
    const t = talk('Observability on a budget');
    expect(t.mentions.map((m) => [m.toolSlug, m.via]).sort()).toEqual([
      ['gvisor', 'NAME'],
      ['prometheus', 'NAME'],
    ]);
  });
});

describe('dates', () => {
  it('warns about the 3018 date at its line and reads the year from title and body', () => {
    const path = 'posts/far-future.md';
    const found = diagnostics('DATE_IMPLAUSIBLE', path);
    expect(found.map((d) => [d.severity, d.line])).toEqual([['WARNING', 4]]);
    expect(data.posts.find((p) => p.path === path)?.date).toBe('3018-05-16');
    const t = talksOf(path)[0];
    const conference = data.conferences.find((c) => c.slug === t?.conferenceSlug);
    expect(conference).toMatchObject({
      year: 2018,
      startDate: '2018-05-02',
      endDate: '2018-05-04',
      location: 'Denmark',
    });
    expect(t?.date).toBe('3018-05-16');
  });
});

describe('line endings and file ends', () => {
  const NOTES = `+++
title = "Notes from GopherCon 2019"
date = "3018-05-16"
+++

Intro with the playlist https://www.youtube.com/watch?v=abcdefghijk&list=PL123

## Summary

Short.

## First Talk

- Video Link: https://youtu.be/bcdefghijkl?t=42
- uses https://example.com/a.
- Video Link:

## Second Talk by Jane Doe

{{< youtube cdefghijklm >}}
`;

  const shape = (graph: GraphData) => ({
    talks: graph.talks.map((t) => ({
      title: t.title,
      line: t.source.line,
      endLine: t.endLine,
      youtubeId: t.youtubeId,
      videoStart: t.videoStart,
      speakers: t.speakerSlugs,
      citations: t.citations,
    })),
    links: graph.links.map((l) => [l.url, l.kind, l.source.line]),
    diagnostics: graph.diagnostics.map((d) => [d.code, d.line, d.column]),
  });

  it('indexes CRLF line endings like LF: the same talks, links and lines', () => {
    const lf = indexPosts({ 'notes.md': NOTES });
    const crlf = indexPosts({ 'notes.md': NOTES.replace(/\n/g, '\r\n') });
    expect(lf.talks.map((t) => [t.title, t.source.line])).toEqual([
      ['First Talk', 12],
      ['Second Talk', 18],
    ]);
    expect(shape(crlf)).toEqual(shape(lf));
    expect(crlf.talks.some((t) => /\r/.test(t.title) || /\r/.test(t.notes))).toBe(false);
  });

  it('indexes CRLF front matter in every format', () => {
    const yaml =
      '---\r\ntitle: "Notes from GopherCon 2019"\r\n---\r\n\r\n## A Talk\r\n\r\n- Video Link: https://youtu.be/abcdefghijk\r\n';
    const json =
      '{\r\n  "title": "Notes from GopherCon 2019"\r\n}\r\n\r\n## A Talk\r\n\r\n- Video Link: https://youtu.be/abcdefghijk\r\n';
    for (const text of [yaml, json]) {
      const graph = indexPosts({ 'crlf.md': text });
      expect(graph.posts[0]?.title).toBe('Notes from GopherCon 2019');
      expect(graph.talks.map((t) => [t.title, t.source.line, t.youtubeId])).toEqual([
        ['A Talk', 5, 'abcdefghijk'],
      ]);
    }
  });

  it('reads the last line of a file without a final newline', () => {
    const graph = indexPosts({
      'no-eol.md': `---
title: "Notes from GopherCon 2019"
---

## Last Talk

Read https://example.com/last and watch https://youtu.be/abcdefghijk?t=1m`,
    });
    const t = graph.talks[0];
    expect(t?.title).toBe('Last Talk');
    expect(t?.youtubeId).toBe('abcdefghijk');
    expect(t?.videoStart).toBe(60);
    expect(t?.citations.map((c) => [c.url, c.line])).toEqual([
      ['https://example.com/last', 7],
      ['https://www.youtube.com/watch?v=abcdefghijk&t=60s', 7],
    ]);
    expect(t?.endLine).toBe(7);
  });
});

describe('the loader', () => {
  let dir: string;
  let root: string;
  const SECRET = 'TOP-SECRET-NOTES-7f3a9c';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkgraph-quirks-'));
    root = join(dir, 'content');
    cpSync(FIXTURE, root, { recursive: true });
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(
      join(outside, 'secret.md'),
      `---\ntitle: "Notes from ${SECRET} Con 2019"\n---\n\n## ${SECRET} talk\n\n- Video Link: https://youtu.be/ZZZZZZZZZZZ\n- ${SECRET}: https://github.com/secret/${SECRET}\n`,
    );
    symlinkSync(join(outside, 'secret.md'), join(root, 'posts', 'leak.md'));
    symlinkSync(outside, join(root, 'posts', 'leak-dir'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a symbolic link pointing outside the content root, and indexes the rest', async () => {
    const { data: graph } = await indexContent({ root, catalogue: false, now: TEST_NOW });
    const refused = diagnostics('FILE_OUTSIDE_ROOT', undefined, graph);
    expect(refused.map((d) => [d.path, d.severity]).sort()).toEqual([
      ['posts/leak-dir', 'ERROR'],
      ['posts/leak.md', 'ERROR'],
    ]);
    expect(JSON.stringify(graph)).not.toContain(SECRET);
    expect(JSON.stringify(graph.talks)).not.toContain('ZZZZZZZZZZZ');
    expect(graph.posts.map((p) => p.path)).toEqual(data.posts.map((p) => p.path));
    expect(graph.talks.map((t) => t.slug)).toEqual(data.talks.map((t) => t.slug));
  });

  it('refuses a file over the size limit with FILE_TOO_LARGE, and indexes the rest', async () => {
    const sizes = readdirSync(join(root, 'posts'))
      .filter((f) => f.endsWith('.md') && !f.startsWith('leak'))
      .map((f) => statSync(join(root, 'posts', f)).size);
    const limit = Math.max(...sizes) + 1;
    const big = `---\ntitle: "Notes from Huge Con 2019"\n---\n\n## Huge\n\n- Video Link: https://youtu.be/YYYYYYYYYYY\n\n${'padding '.repeat(Math.ceil(limit / 8))}\n`;
    writeFileSync(join(root, 'posts', 'huge.md'), big);
    const { data: graph } = await indexContent({ root, catalogue: false, now: TEST_NOW, maxFileSize: limit });
    const refused = diagnostics('FILE_TOO_LARGE', undefined, graph);
    expect(refused.map((d) => [d.path, d.severity])).toEqual([['posts/huge.md', 'ERROR']]);
    expect(graph.talks.some((t) => t.youtubeId === 'YYYYYYYYYYY')).toBe(false);
    expect(graph.posts.some((p) => p.path === 'posts/huge.md')).toBe(false);
    expect(graph.talks.map((t) => t.slug)).toEqual(data.talks.map((t) => t.slug));
  });
});
