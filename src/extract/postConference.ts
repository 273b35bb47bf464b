/**
 * @module extract/postConference
 * The conference a post is about, from the strongest evidence down: front
 * matter `conference` or an "Event:" line, the registry, the title's words
 * naming an event, the folders the post is filed in, then the opening prose.
 * Dates and place come from the prose ("in Denmark from 2-4 May 2018").
 */
import { diagnostic } from '../diagnostics.js';
import type { ConferenceModel } from '../graph/types.js';
import { lookupKey } from '../keys.js';
import { type FrontMatter, keyLine } from '../parse/frontmatter.js';
import { lineTexts, type MarkdownDoc } from '../parse/markdown.js';
import type { SourceFile } from '../parse/source.js';
import { asString } from '../parse/values.js';
import {
  type ConferenceGuess,
  canonicalConference,
  conferenceFromTitle,
  conferenceInProse,
  findDateRange,
  findLocation,
  registeredInTitle,
} from './conferences.js';
import type { ConferenceDraft, ExtractContext } from './drafts.js';
import { relativeEventYear } from './eventYear.js';
import { eventFromPath } from './pathEvidence.js';

const EVENT_LINE = /^(?:conference|event|konferenz|veranstaltung|événement|evento|イベント)\s*[:：]\s*(.+)$/i;

/** "Conference: X (Barcelona, Spain, 20-23 May 2019)" → name, place and dates. */
function eventLine(doc: MarkdownDoc): { name: string; line: number; details: string } | null {
  for (const block of doc.blocks.slice(0, 6)) {
    if (block.kind !== 'paragraph') continue;
    for (const l of lineTexts(block)) {
      const m = EVENT_LINE.exec(l.text.trim().replace(/^[\s\-*•]+/, ''));
      if (m?.[1] === undefined) continue;
      const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(m[1]);
      return { name: (paren?.[1] ?? m[1]).trim(), line: l.line, details: paren?.[2] ?? '' };
    }
  }
  return null;
}

export function findConference(
  source: SourceFile,
  fm: FrontMatter,
  doc: MarkdownDoc,
  ctx: ExtractContext,
  title: string | null,
  dateYear: number | null,
  date: string | null = null,
): ConferenceDraft | null {
  const path = source.path;
  // Prose before the first heading (and the first few paragraphs) says where and when.
  const intro = doc.blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'html')
    .slice(0, 8)
    .map((b) => b.text)
    .join('\n');
  const event = eventLine(doc);
  let range = findDateRange(intro);
  let location = asString(fm.data.location) ?? findLocation(intro, range);
  // "(Barcelona, Spain, 20-23 May 2019)" after an event's name: the dates, and the place is what remains.
  const details = [
    event?.details ?? '',
    ...[...intro.matchAll(/\(([^()]{6,120})\)/g)].map((m) => m[1] ?? ''),
  ];
  for (const detail of details) {
    const text = detail.replace(/\s+/g, ' ');
    const detailRange = findDateRange(text);
    if (detailRange === null) continue;
    range ??= detailRange;
    const place = (text.slice(0, detailRange.index) + text.slice(detailRange.index + detailRange.length))
      .replace(/\b(?:in|at)\s+/g, '')
      .replace(/^[\s,;]+|[\s,;]+$/g, '')
      .trim();
    if (location === null && /^\p{Lu}[\p{L}'’-]*(?:,?\s+\p{Lu}[\p{L}'’-]*){0,3}$/u.test(place))
      location = place;
    break;
  }

  const fromPath = eventFromPath(path, ctx.rootName ?? null, ctx.series);
  // A talk's own page names its event as `conference:` or `event:` ("event: RustConf 2024").
  const fmKey =
    asString(fm.data.conference) !== null ? 'conference' : asString(fm.data.event) !== null ? 'event' : null;
  const fmNamed = fmKey === null ? null : asString(fm.data[fmKey]);
  const named = fmNamed ?? event?.name ?? null;
  let registered: ConferenceModel | null = null;
  let guess: ConferenceGuess | null = null;
  let line = 1;
  const byName = (name: string) => {
    const key = lookupKey(name);
    return (
      ctx.conferences.find((c) => [c.slug, c.name, ...c.aliases].some((n) => lookupKey(n) === key)) ?? null
    );
  };
  if (named !== null) {
    line = event !== null && fmKey === null ? event.line : keyLine(fm, fmKey ?? 'conference');
    guess = canonicalConference(
      conferenceFromTitle(named, ctx.series) ?? { name: named, year: null },
      ctx.series,
    );
    registered = byName(named) ?? byName(guess.name);
    if (registered === null && ctx.conferences.length > 0 && fmKey !== null) {
      ctx.report(
        diagnostic(
          'CONFERENCE_UNKNOWN',
          path,
          line,
          `conference "${named}" is not in the conferences registry`,
        ),
      );
    }
  } else {
    registered = title === null ? null : registeredInTitle(title, ctx.conferences);
    if (registered === null) {
      // The title names the event, else the opening prose does ("gave this talk at X 2019").
      // The title names the event, else the folders the post is filed in, else the opening prose.
      const found =
        (title === null ? null : conferenceFromTitle(title, ctx.series)) ??
        // A dated file name alone (`meetings/2024-05-21-sync.md`) names no event: anything is filed by date.
        (fromPath.name === null || fromPath.evidence === 'datedFile'
          ? null
          : { name: fromPath.name, year: fromPath.year }) ??
        conferenceInProse(intro, ctx.series);
      guess = found === null ? null : canonicalConference(found, ctx.series);
      if (guess !== null) registered = byName(guess.name);
    }
  }
  if (registered !== null) {
    return {
      registeredSlug: registered.slug,
      name: registered.name,
      year: registered.year ?? range?.year ?? guess?.year ?? null,
      startDate: registered.startDate ?? range?.startDate ?? null,
      endDate: registered.endDate ?? range?.endDate ?? null,
      location: registered.location ?? location,
      line,
    };
  }
  if (guess === null) return null;
  // The folders' year is the event's; a post's date is when it was written.
  // "Last November" in a January post is the year before the post's.
  const year = guess.year ?? range?.year ?? fromPath.year ?? relativeEventYear(intro, date) ?? dateYear;
  // A name without its year gets the year the body gives, so editions stay apart.
  const name =
    guess.year === null && year !== null
      ? canonicalConference({ name: guess.name, year }, ctx.series).name
      : guess.name;
  return {
    registeredSlug: null,
    name,
    year,
    startDate: range?.startDate ?? null,
    endDate: range?.endDate ?? null,
    location,
    line,
  };
}
