/**
 * @module eval/score
 * Scores the indexer's JSON output (the fields `talkgraph index --json`
 * prints) against hand labels of real notes: talks, the conference of each
 * found talk, speakers, videos, links, tool mentions and decoy files. Pure:
 * the runner decides what is indexed and how it is printed.
 */
import type { indexJson } from '../src/cli/indexCommand.js';
import { isNormalised, normaliseUrl } from '../src/extract/links.js';
import { lookupKey } from '../src/keys.js';

export type IndexJson = ReturnType<typeof indexJson>;

export interface LabelTalk {
  title: string;
  alt_titles?: string[];
  line?: number;
  optional?: boolean;
  speakers?: string[];
  videos?: string[];
  links?: string[];
  tools?: string[];
  tools_optional?: string[];
}

export interface LabelFile {
  /** `<owner>__<repo>/<path inside the repository>`. */
  file: string;
  role: 'talks' | 'decoy';
  conference: { name: string; year: number | null; location: string | null } | null;
  talks: LabelTalk[];
}

/** True and false positives and negatives of one kind, with what was missed or extra. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  extras: string[];
}

export const KINDS = ['talks', 'conference', 'speakers', 'videos', 'links', 'tools', 'decoys'] as const;
export type Kind = (typeof KINDS)[number];
export type Tallies = Record<Kind, Tally>;

export function emptyTallies(): Tallies {
  return Object.fromEntries(
    KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, misses: [], extras: [] }]),
  ) as unknown as Tallies;
}

export function addTallies(into: Tallies, from: Tallies): void {
  for (const k of KINDS) {
    into[k].tp += from[k].tp;
    into[k].fp += from[k].fp;
    into[k].fn += from[k].fn;
    into[k].misses.push(...from[k].misses);
    into[k].extras.push(...from[k].extras);
  }
}

export const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
export const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
export const f1 = (t: Tally) => {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** Adds what one place (a file, a talk) expected and what was found to a tally. */
export function compare(tally: Tally, where: string, expected: Set<string>, actual: Set<string>): void {
  for (const e of expected) {
    if (actual.has(e)) tally.tp += 1;
    else {
      tally.fn += 1;
      tally.misses.push(`${where}: ${e}`);
    }
  }
  for (const a of actual) {
    if (!expected.has(a)) {
      tally.fp += 1;
      tally.extras.push(`${where}: ${a}`);
    }
  }
}

/** A YouTube id for video addresses, else the normalised address (so both sides compare alike). */
function urlKey(raw: string): { video: string | null; url: string } {
  const n = normaliseUrl(raw);
  if (!isNormalised(n)) return { video: null, url: raw };
  return { video: n.youtube?.id ?? null, url: n.url };
}

/** A conference name without its year: node names carry the edition's year ("GopherCon 2015"). */
function seriesName(name: string): string {
  return lookupKey(name.replace(/\b(?:19|20)\d{2}\b/g, ' '));
}

type Talk = IndexJson['talks'][number];

/**
 * Pairs each labelled talk with at most one extracted talk whose title, once
 * reduced to its lookup key, equals the label's title or one of its alternative
 * titles. When several could pair, the one nearest the labelled line wins.
 */
function pair(labels: LabelTalk[], talks: Talk[]): Map<LabelTalk, Talk> {
  const pairs = new Map<LabelTalk, Talk>();
  const taken = new Set<Talk>();
  for (const label of labels) {
    const keys = new Set([label.title, ...(label.alt_titles ?? [])].map(lookupKey));
    const candidates = talks
      .filter((t) => !taken.has(t) && keys.has(lookupKey(t.title)))
      .sort((a, b) => Math.abs(a.line - (label.line ?? 1)) - Math.abs(b.line - (label.line ?? 1)));
    const best = candidates[0];
    if (best !== undefined) {
      pairs.set(label, best);
      taken.add(best);
    }
  }
  return pairs;
}

/** Names a tool is known by, so a label may use the canonical name or an alias. */
export type ToolNames = (name: string) => string[];

/**
 * Scores one labelled file. `path` is the talks' `path` field for that file
 * (relative to the content root it was indexed under).
 */
export function scoreFile(label: LabelFile, json: IndexJson, path: string, toolNames: ToolNames): Tallies {
  const tallies = emptyTallies();
  const where = label.file;
  const talks = json.talks.filter((t) => t.path === path);
  const yearOf = new Map(json.conferences.map((c) => [c.name, c.year]));

  if (label.role === 'decoy') {
    tallies.decoys[talks.length === 0 ? 'tp' : 'fn'] += 1;
    if (talks.length > 0) tallies.decoys.misses.push(`${where}: ${talks.length} talks`);
  }

  const pairs = pair(label.talks, talks);
  const paired = new Set(pairs.values());
  for (const label_ of label.talks) {
    if (label_.optional) continue;
    if (pairs.has(label_)) tallies.talks.tp += 1;
    else {
      tallies.talks.fn += 1;
      tallies.talks.misses.push(`${where}:${label_.line ?? '?'}: ${label_.title}`);
    }
  }
  for (const t of talks) {
    if (!paired.has(t)) {
      tallies.talks.fp += 1;
      tallies.talks.extras.push(`${where}:${t.line}: ${t.title}`);
    }
  }

  // Facts of required talks: a missed talk's facts are misses; facts of unpaired extra talks are not counted
  // again (the talk itself already is).
  for (const lt of label.talks) {
    if (lt.optional) continue;
    const t = pairs.get(lt);
    const at = `${where} «${lt.title}»`;

    if (t !== undefined) {
      const expected = label.conference;
      const year = t.conference === null ? null : (yearOf.get(t.conference) ?? null);
      const right =
        expected === null
          ? t.conference === null
          : t.conference !== null &&
            seriesName(t.conference) === seriesName(expected.name) &&
            year === expected.year;
      tallies.conference[right ? 'tp' : 'fp'] += 1;
      if (!right)
        tallies.conference.extras.push(
          `${at}: ${t.conference ?? 'none'} ${year ?? ''} (expected ${expected ? `${expected.name} ${expected.year ?? ''}` : 'none'})`,
        );
    }

    compare(
      tallies.speakers,
      at,
      new Set((lt.speakers ?? []).map(lookupKey)),
      new Set((t?.speakers ?? []).map(lookupKey)),
    );

    const videos = new Set<string>();
    const links = new Set<string>();
    for (const l of t?.links ?? []) {
      const k = urlKey(l.url);
      if (k.video !== null) videos.add(k.video);
      else links.add(k.url);
    }
    if (t?.youtubeId) videos.add(t.youtubeId);
    compare(tallies.videos, at, new Set(lt.videos ?? []), videos);
    // Playlists and other YouTube pages without a video id are links on both sides.
    const expectedLinks = new Set<string>();
    for (const raw of lt.links ?? []) {
      const k = urlKey(raw);
      if (k.video === null) expectedLinks.add(k.url);
    }
    compare(tallies.links, at, expectedLinks, links);

    const optional = new Set((lt.tools_optional ?? []).map(lookupKey));
    const expectedTools = new Set((lt.tools ?? []).map(lookupKey));
    const actualTools = new Set<string>();
    for (const name of t?.tools ?? []) {
      const names = toolNames(name).map(lookupKey);
      const hit = names.find((n) => expectedTools.has(n));
      if (hit !== undefined) actualTools.add(hit);
      else if (!names.some((n) => optional.has(n))) actualTools.add(lookupKey(name));
    }
    compare(tallies.tools, at, expectedTools, actualTools);
  }
  return tallies;
}
