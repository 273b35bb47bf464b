/**
 * Scores extraction against hand-written expectation files: for each entity
 * kind, the facts a careful reader lists (expected) against the facts the
 * indexer produced (actual), as sets of strings per file. Conference facts
 * are scored per file against that file's own reading (the post indexed
 * alone), not against the node merged from every post about the event, so a
 * file that stops stating its dates or place loses those facts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compare, precision, recall, type Tally } from '../../eval/score.js';
import { isNormalised, normaliseUrl } from '../../src/extract/links.js';
import type { GraphData } from '../../src/graph/store.js';
import type { ConferenceModel } from '../../src/graph/types.js';
import { type IndexOptions, indexFiles } from '../../src/indexing/indexer.js';
import { lookupKey } from '../../src/keys.js';
import type { LoadedFile } from '../../src/load/walk.js';

export interface ExpectedTalk {
  title: string;
  speakers?: string[];
  youtubeId?: string | null;
  videoStart?: number | null;
  videos?: string[];
  links?: { url: string; kind: string }[];
  tools?: string[];
}

export interface Expectation {
  style?: string;
  conference: {
    name: string;
    year?: number | null;
    startDate?: string | null;
    endDate?: string | null;
    location?: string | null;
  } | null;
  talks: ExpectedTalk[];
  skippedHeadings?: string[];
  conferenceLinks?: { url: string; kind: string }[];
}

// The tally and its precision and recall are the eval's: one definition of what a score means.
export { precision, recall, type Tally };

export const KINDS = ['talks', 'speakers', 'videos', 'links', 'tools', 'conferences'] as const;
export type Kind = (typeof KINDS)[number];

export function emptyTallies(): Record<Kind, Tally> {
  return Object.fromEntries(
    KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, misses: [], extras: [] }]),
  ) as unknown as Record<Kind, Tally>;
}

export function url(raw: string): string {
  const n = normaliseUrl(raw);
  return isNormalised(n) ? n.url : raw;
}

function video(raw: string): string {
  if (/^[A-Za-z0-9_-]{11}$/.test(raw)) return raw;
  const n = normaliseUrl(raw);
  if (isNormalised(n)) return n.youtube?.id ?? n.url;
  return raw;
}

export function listExpectations(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out;
}

/** What one post says of its conference: the post path to the conference it yields when indexed alone. */
export type OwnConferences = ReadonlyMap<string, ConferenceModel | null>;

/**
 * Indexes each post of a content root alone (with the root's registries), so
 * the conference it yields holds only what that post states.
 */
export function ownConferences(
  files: readonly LoadedFile[],
  options: Omit<IndexOptions, 'root'>,
): OwnConferences {
  const registries = files.filter((f) => f.role !== 'post');
  const out = new Map<string, ConferenceModel | null>();
  for (const post of files.filter((f) => f.role === 'post')) {
    const alone = indexFiles([...registries, post], options);
    const slug = alone.posts[0]?.conferenceSlug ?? null;
    out.set(post.path, alone.conferences.find((c) => c.slug === slug) ?? null);
  }
  return out;
}

/**
 * Scores one content root against the expectation files mirroring its posts/
 * folder; conference facts against each post's own reading.
 */
export function score(data: GraphData, expectedDir: string, own: OwnConferences): Record<Kind, Tally> {
  const tallies = emptyTallies();
  const tools = new Map(data.tools.map((t) => [t.slug, t]));
  const speakers = new Map(data.speakers.map((s) => [s.slug, s.name]));
  const conferences = new Map(data.conferences.map((c) => [c.slug, c]));
  const links = new Map(data.links.map((l) => [l.url, l]));

  for (const rel of listExpectations(expectedDir)) {
    const expectation = JSON.parse(readFileSync(join(expectedDir, rel), 'utf8')) as Expectation;
    const path = `posts/${rel.replace(/\.json$/, '.md')}`;
    const talks = data.talks.filter((t) => t.source.path === path);
    const post = data.posts.find((p) => p.path === path);
    const key = (title: string) => lookupKey(title);

    compare(
      tallies.talks,
      path,
      new Set(expectation.talks.map((t) => key(t.title))),
      new Set(talks.map((t) => key(t.title))),
    );

    const sets = {
      speakers: [new Set<string>(), new Set<string>()],
      videos: [new Set<string>(), new Set<string>()],
      links: [new Set<string>(), new Set<string>()],
      tools: [new Set<string>(), new Set<string>()],
    } as const;
    for (const t of expectation.talks) {
      const k = key(t.title);
      for (const s of t.speakers ?? []) sets.speakers[0].add(`${k} | ${lookupKey(s)}`);
      for (const v of t.videos ?? (t.youtubeId ? [t.youtubeId] : []))
        sets.videos[0].add(`${k} | ${video(v)}`);
      if (t.youtubeId)
        sets.videos[0].add(`${k} | primary ${t.youtubeId}${t.videoStart ? ` @${t.videoStart}` : ''}`);
      for (const l of t.links ?? []) sets.links[0].add(`${k} | ${url(l.url)} | ${l.kind}`);
      for (const tool of t.tools ?? []) sets.tools[0].add(`${k} | ${lookupKey(tool)}`);
    }
    for (const l of expectation.conferenceLinks ?? [])
      sets.links[0].add(`(conference) | ${url(l.url)} | ${l.kind}`);

    for (const t of talks) {
      const k = key(t.title);
      for (const s of t.speakerSlugs) sets.speakers[1].add(`${k} | ${lookupKey(speakers.get(s) ?? s)}`);
      for (const c of t.citations) {
        const link = links.get(c.url);
        if (link?.kind === 'VIDEO') sets.videos[1].add(`${k} | ${link.youtubeId ?? link.url}`);
        sets.links[1].add(`${k} | ${c.url} | ${link?.kind ?? 'OTHER'}`);
      }
      if (t.youtubeId)
        sets.videos[1].add(`${k} | primary ${t.youtubeId}${t.videoStart ? ` @${t.videoStart}` : ''}`);
      for (const m of t.mentions) {
        const tool = tools.get(m.toolSlug);
        // A tool counts as named by any of its names, so expectations may use the canonical name or an alias.
        const names = tool === undefined ? [m.toolSlug] : [tool.name, tool.slug, ...tool.aliases];
        const expectedName = names.map(lookupKey).find((n) => sets.tools[0].has(`${k} | ${n}`));
        sets.tools[1].add(`${k} | ${expectedName ?? lookupKey(tool?.name ?? m.toolSlug)}`);
      }
    }
    const conference = post?.conferenceSlug ? conferences.get(post.conferenceSlug) : undefined;
    if (conference !== undefined) {
      for (const url of conference.linkUrls) {
        const link = links.get(url);
        if (link !== undefined && link.source.path === path)
          sets.links[1].add(`(conference) | ${url} | ${link.kind}`);
      }
    }
    for (const kind of ['speakers', 'videos', 'links', 'tools'] as const) {
      compare(tallies[kind], path, sets[kind][0], sets[kind][1]);
    }

    // Conference facts: the name and each field as this file states it.
    const expectedFacts = new Set<string>();
    const actualFacts = new Set<string>();
    const reading = own.get(path) ?? undefined;
    const e = expectation.conference;
    if (e !== null) {
      expectedFacts.add(`name ${lookupKey(e.name)}`);
      if (e.year != null) expectedFacts.add(`year ${e.year}`);
      if (e.startDate != null) expectedFacts.add(`start ${e.startDate}`);
      if (e.endDate != null) expectedFacts.add(`end ${e.endDate}`);
      if (e.location != null) expectedFacts.add(`location ${lookupKey(e.location)}`);
    }
    if (reading !== undefined) {
      actualFacts.add(`name ${lookupKey(reading.name)}`);
      if (reading.year !== null) actualFacts.add(`year ${reading.year}`);
      if (reading.startDate !== null) actualFacts.add(`start ${reading.startDate}`);
      if (reading.endDate !== null) actualFacts.add(`end ${reading.endDate}`);
      if (reading.location !== null) actualFacts.add(`location ${lookupKey(reading.location)}`);
    }
    compare(tallies.conferences, path, expectedFacts, actualFacts);
  }
  return tallies;
}

export function formatScores(tallies: Record<Kind, Tally>): string {
  const rows = KINDS.map(
    (k) =>
      `| ${k.padEnd(11)} | ${precision(tallies[k]).toFixed(3)} | ${recall(tallies[k]).toFixed(3)} | ${tallies[k].tp} | ${tallies[k].fp} | ${tallies[k].fn} |`,
  );
  return [
    '| kind        | precision | recall | tp | fp | fn |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
