/**
 * @module extract/conferences
 * Which conference a post is about: from the registry (front-matter
 * `conference`, or a registered name or alias in the title), else inferred
 * from the title ("Lessons from X", "Notes from X 2019", "X 2018 recap");
 * with year, location and date range read from the body's prose.
 */
import type { ConferenceModel } from '../graph/types.js';
import { lookupKey } from '../keys.js';
import type { ConferenceSeries } from '../registry/catalogue.js';

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
// English and German month names (Mai, Juni, Juli, Oktober, Dezember, März).
const MONTH =
  '(jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|jun[ei]?|jul[yi]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|\\.)?';
const TO = '\\s*(?:-|–|—|to|until|through|and|bis)\\s*';
const GERMAN_MONTHS: Record<string, number> = { mär: 3, mai: 5, okt: 10, dez: 12 };
const YEAR = '((?:19|20)\\d{2})';

function month(name: string | undefined): number {
  const key = (name ?? '').toLowerCase().slice(0, 3);
  return GERMAN_MONTHS[key] ?? MONTHS.findIndex((m) => m.startsWith(key)) + 1;
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
  // 2019年7月22日〜23日, 2019年7月30日〜8月1日
  {
    re: /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*[〜~～\-–から]+\s*(?:(\d{1,2})月)?(\d{1,2})日/g,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? m[2]), Number(m[5])],
  },
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

const PLACE_WORD = "\\p{Lu}[\\p{L}'’-]*";
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

// Words that say "a report about": English, German, French, Spanish, Japanese.
const REPORT =
  '(?:recap|notes|takeaways|highlights|summary|trip\\s+report|wrap-?up|review|learnings|impressions|report|rückblick|nachlese|bericht|zusammenfassung|notizen|compte[-\\s]rendu|résumé|retour|resumen|notas|参加レポート|参加報告|レポート|まとめ|参加記)';
const TITLE_PATTERNS: RegExp[] = [
  /^(?:(?:my|some|a\s+few)\s+)?(?:lessons?|notes?|takeaways?|highlights?|learnings?|thoughts?|impressions?|reflections?|summary|summaries|recap|review)\s+(?:learned\s+|learnt\s+)?(?:from|on|of|at|for|about)\s+(?:the\s+)?(.+)$/i,
  /^(?:(?:a|my)\s+)?(?:recap|review|summary|report)\s+of\s+(?:the\s+)?(.+)$/i,
  /^(?:attending|at|going\s+to|back\s+from|live\s+from)\s+(?:the\s+)?(.+)$/i,
  new RegExp(`^(.+?)[\\s:,\\-–—]*(?:(?:keynotes?|talks?|sessions?|day\\s*\\d+)\\s+)?${REPORT}$`, 'iu'),
];
const DAY_SUFFIX =
  /\s*(?:[-–—:,(]\s*)?(?:(?:day|tag|jour|día|dia)\s*(?:\d+|one|two|three|four|five)|\d+\s*日目|part\s*\d+|teil\s*\d+|\(?\s*part\s+\w+\s*\)?)\)?\s*$/iu;
const CONFERENCE_WORD =
  /(?:\p{L}con(?:\d{2})?\b|\bcon\b|conf\b|conference|konferenz|summit|days\b|meetup|forum|\bfest\b|festival|symposium|\bexpo\b|\bworld\b|devoxx|fosdem|re:?invent|google\s+(?:i\/o|next)|\bnext\s+\d{4}|\bbuild\s+\d{4}|ignite|velocity|strange\s+loop|\bcamp\b|hackathon|\bweek\b|\blive\b\s+\d{4}|\bday\s+\d{4})/iu;
const YEAR_IN_NAME = /\b((?:19|20)\d{2})\b/;
// "SREcon19", "KubeCon18": a two-digit year glued to the name.
const SHORT_YEAR = /\p{L}(\d{2})\b/u;

export interface ConferenceGuess {
  name: string;
  year: number | null;
}

function yearOf(name: string): number | null {
  const full = YEAR_IN_NAME.exec(name)?.[1];
  if (full !== undefined) return Number(full);
  const short = SHORT_YEAR.exec(name)?.[1];
  return short === undefined ? null : 2000 + Number(short);
}

/** A conference name inferred from a post title, or null when the title is not about one. */
export function conferenceFromTitle(title: string, series: SeriesIndex = NO_SERIES): ConferenceGuess | null {
  // No conference name is longer; the cap keeps the title patterns cheap on junk.
  const clean = title.slice(0, 300).replace(/\s+/g, ' ').trim();
  let name: string | null = null;
  for (const pattern of TITLE_PATTERNS) {
    const m = pattern.exec(clean);
    if (m?.[1] !== undefined) {
      name = m[1];
      break;
    }
  }
  if (name === null && CONFERENCE_WORD.test(clean)) name = clean;
  // "GothamGo: gophers in the big apple": a known series' name is enough, without a conference word.
  if (name === null) {
    const known = knownSeriesSpan(clean, series);
    if (known === null) return null;
    name = known;
  }
  // "KubeCon Barcelona 2019: the keynotes I liked" → the part naming the event.
  const colon = /^(.+?)\s*[:|–—]\s+(.+)$/.exec(name);
  if (colon?.[1] !== undefined && CONFERENCE_WORD.test(colon[1]) && yearOf(colon[1]) !== null)
    name = colon[1];
  name = name
    .replace(/\s+(?:lightning\s+talks|keynotes?|talks|sessions|workshops?)$/i, '')
    .replace(DAY_SUFFIX, '')
    .replace(/\s*[-–—:|]\s*$/, '')
    .replace(/^["'“]|["'”]$/g, '')
    .trim();
  name = eventSpan(name, series) ?? name;
  // "Rust conference - remote - 2025": the year may stand apart from the name.
  const year = yearOf(name) ?? yearOf(clean);
  // A named event with a year ("Monitorama PDX 2019") is a conference even without a conference word.
  const named =
    year !== null &&
    /\p{Lu}/u.test(name.replace(YEAR_IN_NAME, '')) &&
    name.replace(YEAR_IN_NAME, '').trim().length >= 3;
  if (!CONFERENCE_WORD.test(name) && !named && !series.has(seriesKey(name))) return null;
  return { name, year };
}

// Words after an event's name that describe the post, not the event ("GopherCon 2015 Roundup").
const AFTER_NAME =
  /^(?:roundup|round-up|recap|notes|review|highlights|summary|report|wrap|takeaways|learnings|impressions|videos?|talks?|keynotes?|sessions?|slides|day|days|part|edition|live|blog|post)$/i;
const NAME_TOKEN = /^(?:\p{Lu}|\p{N}|[+&]$|[a-z]+\p{Lu})/u;

/**
 * The words of a title that name the event: the run of capitalised words and
 * years around a conference word or a known series ("Go talks at FOSDEM 2014"
 * → "FOSDEM 2014"; "Pycon Colombia 2020 - Las charlas" → "Pycon Colombia 2020").
 * Null when no part of the text holds such a word.
 */
export function eventSpan(text: string, series: SeriesIndex = NO_SERIES): string | null {
  const parts = text.split(/\s+[-–—|]\s+|:\s+|,\s+|\s+[(/]/);
  for (const part of parts) {
    const tokens = part
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    let start = -1;
    let end = -1;
    for (let i = 0; i < tokens.length && start < 0; i++) {
      // A known series' name of up to four words starting here, longest first.
      for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
        if (series.has(seriesKey(tokens.slice(i, i + n).join(' ')))) {
          start = i;
          end = i + n - 1;
          break;
        }
      }
      if (start < 0 && CONFERENCE_WORD.test(tokens[i] as string)) {
        start = i;
        end = i;
      }
    }
    if (start < 0) continue;
    while (start > 0 && NAME_TOKEN.test(tokens[start - 1] as string)) start -= 1;
    while (
      end + 1 < tokens.length &&
      NAME_TOKEN.test(tokens[end + 1] as string) &&
      !AFTER_NAME.test(tokens[end + 1] as string)
    )
      end += 1;
    return tokens
      .slice(start, end + 1)
      .join(' ')
      .replace(/[.,;:!?]+$/, '');
  }
  return null;
}

/** The words of the text that name a known series, or null (conference words alone do not count). */
function knownSeriesSpan(text: string, series: SeriesIndex): string | null {
  if (series.size === 0) return null;
  const span = eventSpan(text, series);
  return span !== null && series.has(seriesKey(span)) ? span : null;
}

const PROSE_MENTION =
  /\b(?:at|from|during|attended|attending|of)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}/'’:.-]*\s+(?:[+&]\s+)?){1,6}(?:19|20)\d{2})\b/gu;

/** A conference named in prose: "gave this talk at KubeCon + CloudNativeCon North America 2019". */
export function conferenceInProse(text: string, series: SeriesIndex): ConferenceGuess | null {
  for (const m of text.matchAll(PROSE_MENTION)) {
    const candidate = m[1]?.trim();
    if (candidate === undefined) continue;
    const guess = conferenceFromTitle(candidate);
    if (guess !== null && (CONFERENCE_WORD.test(guess.name) || series.has(seriesKey(guess.name))))
      return guess;
  }
  return null;
}

/** Name key for conferences: words only, so "KubeCon + CloudNativeCon" and "Kubecon/CloudNativeCon" agree. */
function seriesKey(name: string): string {
  return lookupKey(name)
    .replace(/[+#]/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== 'and' && w !== 'the' && !/^(?:19|20)\d{2}$/.test(w))
    .join(' ');
}

/** Series names keyed by `seriesKey`: every way people write a known series, to its catalogue name. */
export type SeriesIndex = ReadonlyMap<string, string>;

/** The lookup of well-known conference series (the catalogue's conferences.json), made once per index. */
export function seriesIndex(list: readonly ConferenceSeries[]): SeriesIndex {
  const index = new Map<string, string>();
  for (const series of list) {
    const first = series.name.split(/\s+/)[0] ?? series.name;
    for (const name of [
      series.name,
      ...(series.aliases ?? []),
      ...(series.cities ?? []).map((c) => `${first} ${c}`),
    ]) {
      const key = seriesKey(name);
      if (key !== '' && !index.has(key)) index.set(key, series.name);
    }
  }
  return index;
}

const NO_SERIES: SeriesIndex = new Map();
// Each series index's names without spaces, made once per index.
const squashedIndexes = new WeakMap<SeriesIndex, Map<string, string>>();

/**
 * A known series named by a run of up to four words written without spaces or
 * punctuation, as folder names do ("pyconau", "google_io", "OSCONEU",
 * "AWS-reinvent"). Longest run first.
 */
export function seriesInWords(words: readonly string[], series: SeriesIndex): string | null {
  let squashedIndex = squashedIndexes.get(series);
  if (squashedIndex === undefined) {
    squashedIndex = new Map();
    for (const [key, name] of series) {
      const squashed = key.replace(/\s+/g, '');
      if (squashed.length >= 3 && !squashedIndex.has(squashed)) squashedIndex.set(squashed, name);
    }
    squashedIndexes.set(series, squashedIndex);
  }
  const lower = words.map((w) => lookupKey(w).replace(/\s+/g, ''));
  for (let n = Math.min(4, lower.length); n >= 1; n--) {
    for (let i = 0; i + n <= lower.length; i++) {
      const hit = squashedIndex.get(lower.slice(i, i + n).join(''));
      if (hit !== undefined) return hit;
    }
  }
  return null;
}

/**
 * The canonical name of a known series' edition ("KubeCon EU 2019" →
 * "KubeCon + CloudNativeCon Europe 2019"); names of unknown events stay as written.
 */
export function canonicalConference(guess: ConferenceGuess, known: SeriesIndex): ConferenceGuess {
  const series = known.get(seriesKey(guess.name));
  if (series === undefined) return guess;
  return { name: guess.year === null ? series : `${series} ${guess.year}`, year: guess.year };
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
