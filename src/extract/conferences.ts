/**
 * @module extract/conferences
 * Which conference a post is about: from the registry (front-matter
 * `conference`, or a registered name or alias in the title), else inferred
 * from the title ("Lessons from X", "Notes from X 2019", "X 2018 recap");
 * with year, location and date range read from the body's prose.
 */
import { lookupKey } from '../graph/store.js';
import type { ConferenceModel } from '../graph/types.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const TO = '\\s*(?:-|–|—|to|until|through|and)\\s*';
const YEAR = '((?:19|20)\\d{2})';

function month(name: string | undefined): number {
  const key = (name ?? '').toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function iso(year: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

export interface DateRange {
  startDate: string;
  endDate: string;
  year: number;
  /** Offset of the match in the text. */
  index: number;
  length: number;
}

const PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray) => [number, number, number, number, number] | null;
}[] = [
  // 2018-05-02 to 2018-05-04
  {
    re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\s*(?:-|–|—|to|until|through)\s*((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[5]), Number(m[6])],
  },
  // 30 May - 1 June 2019
  {
    re: new RegExp(`\\b${DAY}\\s+${MONTH}${TO}${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => [Number(m[5]), month(m[2]), Number(m[1]), month(m[4]), Number(m[3])],
  },
  // 2-4 May 2018, from 20 to 23 May 2019
  {
    re: new RegExp(`\\b${DAY}${TO}${DAY}(?:\\s+of)?\\s+${MONTH},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => [Number(m[4]), month(m[3]), Number(m[1]), month(m[3]), Number(m[2])],
  },
  // May 30 - June 1, 2019
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}${TO}${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => [Number(m[5]), month(m[1]), Number(m[2]), month(m[3]), Number(m[4])],
  },
  // May 20-23, 2019
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}${TO}${DAY},?\\s+${YEAR}\\b`, 'gi'),
    read: (m) => [Number(m[4]), month(m[1]), Number(m[2]), month(m[1]), Number(m[3])],
  },
];

/** The first date range written in prose ("2-4 May 2018", "May 20-23, 2019", "2019-05-20 to 2019-05-23"). */
export function findDateRange(text: string): DateRange | null {
  let best: DateRange | null = null;
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const parts = read(m);
      if (parts === null) continue;
      const [year, m1, d1, m2, d2] = parts;
      const start = iso(year, m1, d1);
      let end = iso(year, m2, d2);
      if (start === null || end === null) continue;
      if (end < start) end = iso(year + 1, m2, d2) ?? end;
      if (best === null || m.index < best.index) {
        best = { startDate: start, endDate: end, year, index: m.index, length: m[0].length };
      }
      break;
    }
  }
  return best;
}

const PLACE_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PLACE = new RegExp(
  `\\b(?:in|at)\\s+((?:the\\s+)?${PLACE_WORD}(?:(?:,\\s*|\\s+)(?:${PLACE_WORD}|de|del|am|upon)){0,3})`,
  'gu',
);
const NOT_PLACES = new RegExp(`^(?:${MONTHS.join('|')}|the|this|that|my|our|a|an)\\b`, 'i');

/**
 * The place a conference was held: "in Denmark from 2-4 May 2018", "held in
 * Copenhagen, Denmark". Prefers the place nearest before the date range.
 */
export function findLocation(text: string, range: DateRange | null): string | null {
  const candidates: { place: string; index: number; held: boolean }[] = [];
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(text); m !== null; m = PLACE.exec(text)) {
    let place = (m[1] ?? '').replace(/^the\s+/, '').replace(/[.,]+$/, '');
    // Stop at a month: "in Barcelona May 20-23" → "Barcelona".
    place = place.replace(new RegExp(`[\\s,]+${MONTH}.*$`, 'i'), '');
    if (place === '' || NOT_PLACES.test(place)) continue;
    const held = /\b(held|hosted|took place|takes place|located|happened|happening)\s+$/i.test(
      text.slice(Math.max(0, m.index - 20), m.index),
    );
    candidates.push({ place, index: m.index, held });
  }
  if (range !== null) {
    // Within a sentence of the range, before it or right after it.
    const near = candidates.filter(
      (c) =>
        c.index < range.index + range.length + 40 &&
        c.index > range.index - 120 &&
        !/[.!?]\s/.test(text.slice(Math.min(c.index, range.index), Math.max(c.index, range.index))),
    );
    const before = near.filter((c) => c.index < range.index);
    const pick = before[before.length - 1] ?? near[0];
    if (pick !== undefined) return pick.place;
  }
  return candidates.find((c) => c.held)?.place ?? null;
}

const TITLE_PATTERNS: RegExp[] = [
  /^(?:(?:my|some|a\s+few)\s+)?(?:lessons?|notes?|takeaways?|highlights?|learnings?|thoughts?|impressions?|reflections?|summary|summaries|recap|review)\s+(?:learned\s+|learnt\s+)?(?:from|on|of|at|for|about)\s+(?:the\s+)?(.+)$/i,
  /^(?:(?:a|my)\s+)?(?:recap|review|summary|report)\s+of\s+(?:the\s+)?(.+)$/i,
  /^(?:attending|at|going\s+to|back\s+from|live\s+from)\s+(?:the\s+)?(.+)$/i,
  /^(.+?)[\s:,-]+(?:recap|notes|takeaways|highlights|summary|trip\s+report|wrap-?up|review|learnings|impressions)$/i,
];
const DAY_SUFFIX =
  /\s*(?:[-–—:,(]\s*)?(?:day\s*(?:\d+|one|two|three|four|five)|part\s*\d+|\(?\s*part\s+\w+\s*\)?)\)?\s*$/i;
const CONFERENCE_WORD =
  /(?:\p{L}+con\b|\bcon\b|\bconf\b|conference|summit|\bdays\b|meetup|forum|\bfest\b|festival|symposium|\bexpo\b|\bworld\b|devoxx|fosdem|re:?invent|google\s+(?:i\/o|next)|\bnext\s+\d{4}|\bbuild\s+\d{4}|ignite|velocity|strange\s+loop|\bcamp\b|hackathon|\bweek\b|\bsrecon\b|\blive\b\s+\d{4}|cloud\s*native\s*con|\bday\s+\d{4})/iu;

export interface ConferenceGuess {
  name: string;
  year: number | null;
}

/** A conference name inferred from a post title, or null when the title is not about one. */
export function conferenceFromTitle(title: string): ConferenceGuess | null {
  const clean = title.replace(/\s+/g, ' ').trim();
  let name: string | null = null;
  for (const pattern of TITLE_PATTERNS) {
    const m = pattern.exec(clean);
    if (m?.[1] !== undefined) {
      name = m[1];
      break;
    }
  }
  if (name === null && CONFERENCE_WORD.test(clean)) name = clean;
  if (name === null) return null;
  name = name
    .replace(DAY_SUFFIX, '')
    .replace(/\s*[-–—:|]\s*$/, '')
    .replace(/^["'“]|["'”]$/g, '')
    .trim();
  if (!CONFERENCE_WORD.test(name)) return null;
  const year = /\b((?:19|20)\d{2})\b/.exec(name)?.[1];
  return { name, year: year === undefined ? null : Number(year) };
}

/** A registered conference whose name or alias appears in the title (longest wins). */
export function registeredInTitle(
  title: string,
  conferences: readonly ConferenceModel[],
): ConferenceModel | null {
  const haystack = ` ${lookupKey(title)} `;
  let best: { c: ConferenceModel; length: number } | null = null;
  for (const c of conferences) {
    for (const name of [c.name, ...c.aliases]) {
      const key = lookupKey(name);
      if (key !== '' && haystack.includes(` ${key} `) && (best === null || key.length > best.length)) {
        best = { c, length: key.length };
      }
    }
  }
  return best?.c ?? null;
}

/** Key under which posts about the same event share one node: the name's words, year last. */
export function conferenceKey(name: string, year: number | null): string {
  const words = lookupKey(name)
    .split(' ')
    .filter((w) => !/^(19|20)\d{2}$/.test(w) && w !== 'the');
  return `${words.join(' ')}${year === null ? '' : ` ${year}`}`;
}
