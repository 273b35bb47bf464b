/**
 * buildGraph on its own, from hand-made drafts: unique slugs, one node per
 * event and per URL, and suggestions carried with the talk they came from.
 */
import { describe, expect, it } from 'vitest';
import type { CitationDraft, PostDraft, TalkDraft } from '../../src/extract/post.js';
import { buildGraph } from '../../src/indexing/build.js';
import type { Registries } from '../../src/registry/registry.js';

const NO_REGISTRIES: Registries = { tools: [], conferences: [], topics: [] };

function citation(url: string, line: number): CitationDraft {
  return {
    url,
    label: null,
    line,
    kind: 'ARTICLE',
    host: new URL(url).hostname,
    youtubeId: null,
    videoStart: null,
  };
}

function talk(title: string, line: number, options: Partial<TalkDraft> = {}): TalkDraft {
  return {
    title,
    kind: 'TALK',
    affiliations: [],
    speakers: [],
    line,
    endLine: line + 5,
    videoUrl: null,
    youtubeId: null,
    videoStart: null,
    summary: null,
    notes: '',
    citations: [],
    mentions: [],
    inferredTools: [],
    topicSlugs: [],
    candidates: [],
    ...options,
  };
}

function post(path: string, conference: string | null, talks: TalkDraft[]): PostDraft {
  return {
    path,
    title: null,
    date: null,
    tags: [],
    categories: [],
    description: null,
    draft: false,
    frontMatter: {},
    conference:
      conference === null
        ? null
        : {
            registeredSlug: null,
            name: conference,
            year: 2019,
            startDate: null,
            endDate: null,
            location: null,
            line: 1,
          },
    talks,
    conferenceCitations: [],
  };
}

describe('buildGraph', () => {
  it('numbers the slug of an inferred conference when a registered one holds it', () => {
    const registered = {
      slug: 'devconf-2019',
      name: 'Developer Days',
      aliases: [],
      year: 2019,
      location: null,
      startDate: null,
      endDate: null,
      url: null,
      playlistUrl: null,
      registered: true,
      source: { path: 'conferences/devdays.md', line: 1 },
      talkSlugs: [],
      linkUrls: [],
    };
    const data = buildGraph(
      { ...NO_REGISTRIES, conferences: [registered] },
      [post('posts/a.md', 'DevConf 2019', [talk('Opening', 3)])],
      [],
    );
    expect(data.conferences.map((c) => [c.slug, c.registered, c.talkSlugs])).toEqual([
      ['devconf-2019', true, []],
      ['devconf-2019-2', false, ['opening']],
    ]);
  });

  it('numbers the slug of a talk whose title is taken and reports it', () => {
    const data = buildGraph(
      NO_REGISTRIES,
      [post('posts/a.md', null, [talk('Keynote', 3), talk('Keynote', 9)])],
      [],
    );
    expect(data.talks.map((t) => t.slug)).toEqual(['keynote', 'keynote-2']);
    expect(data.diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([
      ['DUPLICATE_SLUG', 'posts/a.md', 9],
    ]);
  });

  it('gives two posts about one event one conference node', () => {
    const data = buildGraph(
      { ...NO_REGISTRIES, conferences: [] },
      [
        post('posts/a.md', 'GopherCon 2019', [talk('Generics', 3)]),
        post('posts/b.md', 'Gophercon 2019', [talk('Modules', 3)]),
      ],
      [],
    );
    expect(data.conferences.map((c) => [c.slug, c.talkSlugs])).toEqual([
      ['gophercon-2019', ['generics', 'modules']],
    ]);
  });

  it('makes one link node per URL, citing every talk that cites it', () => {
    const url = 'https://example.com/post';
    const data = buildGraph(
      NO_REGISTRIES,
      [
        post('posts/a.md', null, [
          talk('One', 3, { citations: [citation(url, 4)] }),
          talk('Two', 9, { citations: [citation(url, 10)] }),
        ]),
      ],
      [],
    );
    expect(data.links.map((l) => [l.url, l.talkSlugs, l.source])).toEqual([
      [url, ['one', 'two'], { path: 'posts/a.md', line: 4 }],
    ]);
  });

  it('suggests a recurring code term with the talks and lines it was read from', () => {
    const term = (line: number) => ({ term: 'frobctl', line, code: true, text: `run frobctl at ${line}` });
    const data = buildGraph(
      NO_REGISTRIES,
      [
        post('posts/a.md', null, [talk('One', 3), talk('Two', 9, { candidates: [term(10)] })]),
        post('posts/b.md', null, [talk('Three', 3, { candidates: [term(4)] })]),
      ],
      [],
    );
    expect(
      data.suggestions?.map((s) => [
        s.term,
        s.reason,
        s.talkSlugs,
        s.occurrences.map((o) => [o.path, o.line]),
      ]),
    ).toEqual([
      [
        'frobctl',
        'CODE',
        ['two', 'three'],
        [
          ['posts/a.md', 10],
          ['posts/b.md', 4],
        ],
      ],
    ]);
  });
});
