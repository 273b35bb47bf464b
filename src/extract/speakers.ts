/**
 * @module extract/speakers
 * Reads talk titles and speaker lines: "Keynote: Title - Speaker Name",
 * "Title by Speaker", "Title (Speaker, Company)", "Speaker: X" bullets.
 * A name is taken only when it looks like a person's name, so
 * "Kubernetes Project Update - Google" keeps its whole title.
 */
import { COMMON_WORDS, COMPANY_WORDS, FUNCTION_WORDS, NOT_NAMES, PARTICLES } from './nameWords.js';

/** Headings and speaker lines are read only up to this length: no title or name list is longer. */
const MAX_LINE = 400;
// Surnames with an inner capital: McKinney, MacLeod, DeVito, LaRue, VanDyke, DiCaprio, FitzGerald.
const SURNAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)\p{Lu}/u;
// Names in scripts without case: 2-8 characters of Han/Kana/Hangul, with or without a space.
const CJK_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{1,4}\s?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{1,4}$/u;

// The patterns of names below, made once: these run for every word of every candidate name.
const FIRST_NAME = /^\p{Lu}\p{Ll}{2,15}$/u;
const CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const NOT_IN_NAMES = /[\d@#/:|()[\]{}]/;
const SENTENCE_END = /\p{L}{4,}\.$/u;
const SPACES = /\s+/;
const NAME_PART = /^\p{Lu}[\p{L}'’.-]*$/u;
const HYPHEN_LOWER = /-\p{Ll}/u;
const ACRONYM = /^\p{Lu}{3,}$/u;
const INNER_CAPITAL = /^\p{Lu}\p{Ll}+\p{Lu}/u;

/**
 * True for one capitalised word that may be a first name where the text gives
 * no more ("facilitated by Ethan and Zack"): no acronym, no inner capital, no
 * word that names a topic, a role or a company.
 */
export function isFirstName(word: string): boolean {
  const lower = word.toLowerCase();
  return FIRST_NAME.test(word) && !NOT_NAMES.has(lower) && !COMPANY_WORDS.has(lower);
}

/** One capitalised word that is no common English word nor a topic or role word: "Doris", "Pete", not "Spring". */
export function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  return CAPITALISED_WORD.test(word) && !COMMON_WORDS.has(lower) && !NOT_NAMES.has(lower);
}

/** True for 2-4 capitalised words that read as a person's name ("Jane Doe", "Ludwig van Beethoven", "佐藤 健"). */
export function isPersonName(text: string): boolean {
  const name = text.trim();
  if (CJK_NAME.test(name)) return name.replace(/\s/g, '').length >= 2;
  if (name.length < 4 || name.length > 48 || NOT_IN_NAMES.test(name)) return false;
  // A sentence's full stop ends no name; an initial's does ("Martin Luther King Jr.").
  if (SENTENCE_END.test(name)) return false;
  const words = name.split(SPACES);
  // Particles do not count: "Felipe dos Santos de Morais" is three names and two particles.
  if (words.length < 2 || words.length > 6) return false;
  let capitalised = 0;
  // "Doris Day", "Pete Best": after a given name, a last word that is also a topic word is a surname.
  const given = isGivenName(words[0] as string);
  for (const [i, word] of words.entries()) {
    const lower = word.toLowerCase();
    if (COMPANY_WORDS.has(lower)) return false;
    if (NOT_NAMES.has(lower) && !(given && i === words.length - 1 && !FUNCTION_WORDS.has(lower)))
      return false;
    if (PARTICLES.has(word)) continue;
    if (!NAME_PART.test(word)) return false;
    // Parts of a double name are capitalised ("Jean-Luc", "Smith-Jones"); "Workshop-artiger" is a word.
    if (HYPHEN_LOWER.test(word)) return false;
    // Initials ("JJ", "TJ") are name parts; longer capitals are acronyms ("IDE", "AWS").
    if (ACRONYM.test(word)) return false;
    // An inner capital makes a product name ("VisualStudio", "GitHub") unless a surname prefix explains it.
    if (INNER_CAPITAL.test(word) && !SURNAME_PREFIX.test(word)) return false;
    capitalised += 1;
  }
  return capitalised >= 2 && capitalised <= 4;
}

/**
 * "A, B and C" / "A & B" → names that look like people. "Jane Doe, Acme Corp"
 * (two parts, no "and", no plural label) is a name and an affiliation; parenthesised
 * affiliations are dropped.
 */
export function splitSpeakers(text: string, plural = false): string[] {
  let cleaned = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\s+[@|]\s+.*$/, '');
  const joined = /\s+(?:and|&|\+|und|et|y)\s+/i.test(cleaned);
  let parts = cleaned.split(/\s*[,;/]\s*/).filter((p) => p.trim() !== '');
  if (!joined && !plural && parts.length === 2) parts = parts.slice(0, 1);
  cleaned = parts.join(',');
  const names: string[] = [];
  for (const part of cleaned.split(/,|\s+(?:and|&|\+|und|et|y)\s+/i)) {
    const candidate = part.trim().replace(/[.:]+$/, '');
    if (isPersonName(candidate)) names.push(candidate);
  }
  return names;
}

const PREFIX =
  /^(?:(?:opening|closing|morning|afternoon|day\s*\d+)\s+)?(?:keynote|talk|session|lightning\s+talk|workshop|training|panel(?:\s+discussion)?|tutorial|presentation|fireside\s+chat)\s*(?:\d+\s*)?[:–—-]\s+/i;
const NUMBERING = /^(?:\d+[.)]|#\d+|talk\s+\d+[.:]|[-*•])\s+/i;

/**
 * White space runs as one space: `replace(/\s+/g, ' ')`, which makes a new string even when every run
 * is one space already, as in most headings and lines.
 */
export function singleSpaced(text: string): string {
  return /[^\S ]|\s\s/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

export interface ParsedTitle {
  title: string;
  /** The heading without numbering and prefixes, speakers included. */
  heading: string;
  speakers: string[];
}

/**
 * A parsed heading. (A function of the module rather than a closure in `parseTalkHeading`: the bundle
 * names every closure it makes, and that function runs for every heading and list item.)
 */
function parsedTitle(heading: string, title: string, speakers: string[]): ParsedTitle {
  return { title: title.trim(), heading, speakers };
}

/** Splits a talk heading into its title and, where the pattern is clear, its speakers. */
export function parseTalkHeading(text: string): ParsedTitle {
  const unprefixed = singleSpaced(text.slice(0, MAX_LINE))
    .replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '')
    .trim()
    .replace(NUMBERING, '');
  const heading = unprefixed.replace(PREFIX, '').trim();
  // "Keynote - Werner Vogels": only a name after the kind, so the kind is the title.
  const prefix = PREFIX.exec(unprefixed)?.[0];
  if (prefix !== undefined && isPersonName(heading))
    return parsedTitle(heading, prefix.replace(/\s*(?:\d+\s*)?[:–—-]\s*$/, ''), [heading]);

  // "Title (Jane Doe, Acme)" or "Title [Jane Doe]": the first part of the brackets names the speakers.
  // Each pattern below is tried only where its fixed part is in the heading: most headings hold none of them.
  const closing = heading.charCodeAt(heading.length - 1);
  const paren = closing === 41 || closing === 93 ? /^(.*\S)\s*[([]([^()[\]]+)[)\]]$/.exec(heading) : null;
  if (paren?.[1] !== undefined && paren[2] !== undefined) {
    const speakers = splitSpeakers(paren[2].split(/\s*[,;]\s*/)[0] ?? '');
    if (speakers.length > 0) return parsedTitle(heading, paren[1], speakers);
  }
  // "Title by Jane Doe" (a one-word title is more likely "Learning by Doing"); the last "by" names the speakers.
  const by = /\sby\s/i.test(heading) ? /^(.+)\s+by\s+(.+)$/i.exec(heading) : null;
  if (by?.[1] !== undefined && by[2] !== undefined && /\s/.test(by[1].trim())) {
    const speakers = splitSpeakers(by[2]);
    if (speakers.length > 0) return parsedTitle(heading, by[1], speakers);
  }
  // "Title - Jane Doe" / "Title | Jane Doe" (the last dash) or "Jane Doe - Title" (the first).
  const dashed = /\s[-–—|]\s/.test(heading);
  const last = dashed ? /^(.+)\s+[-–—|]\s+(.+)$/.exec(heading) : null;
  if (last?.[1] !== undefined && last[2] !== undefined) {
    const right = splitSpeakers(last[2]);
    if (
      right.length > 0 &&
      right.join('').length >= last[2].replace(/\([^)]*\)|[\s,&]|and/g, '').length * 0.6
    ) {
      return parsedTitle(heading, last[1], right);
    }
  }
  const dash = dashed ? /^(.+?)\s+[-–—|]\s+(.+)$/.exec(heading) : null;
  if (dash?.[1] !== undefined && dash[2] !== undefined) {
    const left = splitSpeakers(dash[1]);
    if (
      left.length > 0 &&
      isPersonName(dash[1].split(/\s*(?:,|&| and )\s*/)[0] ?? '') &&
      /\s\p{Ll}/u.test(dash[2])
    ) {
      return parsedTitle(heading, dash[2], left);
    }
  }
  return parsedTitle(heading, heading, []);
}

const SPEAKER_LINE =
  /^(?:speakers?|presenters?|presented\s+by|speaker\(s\)|panelists?|hosts?|sprecher(?:in)?|referent(?:in)?|vortragende[rn]?|orateur|intervenant|ponente|登壇者|講演者|スピーカー|発表者)\s*[:：–-]?\s+(.+)$/i;
const BY_LINE = /^(?:by|von|par|por)\s+(.+)$/i;

/** Speakers named by a line such as "Speaker: Jane Doe (Acme)" or "Presented by A and B". */
export function speakersFromLine(text: string): string[] | null {
  // A speaker line is short; long paragraphs are prose (and would cost the patterns below dearly).
  if (text.length > MAX_LINE) return null;
  const trimmed = text.trim().replace(/^[\s\-*•]+/, '');
  const m = SPEAKER_LINE.exec(trimmed) ?? BY_LINE.exec(trimmed);
  if (m?.[1] === undefined) return null;
  // "Speakers: A, B" names two people; "Speaker: A, Acme" a person and a company.
  const plural = /^(?:speakers|presenters|panelists|hosts|referenten|登壇者)/i.test(trimmed);
  const names = splitSpeakers(m[1], plural);
  return names.length > 0 ? names : null;
}

export interface NamedSpeaker {
  name: string;
  /** Role or company written with the name ("VP Engineering, Acme", "ThoughtWorks"); null when none. */
  affiliation: string | null;
}

/**
 * A line that is only a person's name, with at most an affiliation or a handle:
 * "Rebecca Parsons (ThoughtWorks)", "Adrian Cockcroft - VP Cloud Architecture, AWS",
 * "Joannis Orlandos", "Andrew Godwin @andrewgodwin". Null for anything else.
 */
export function nameLine(text: string): NamedSpeaker | null {
  if (text.length > 160) return null;
  const line = text
    .trim()
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\s+@[\w.-]+\s*$/, '')
    .trim();
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/.exec(line);
  if (paren?.[1] !== undefined && isPersonName(paren[1]))
    return { name: paren[1], affiliation: paren[2]?.trim() ?? null };
  const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(line);
  if (dash?.[1] !== undefined && isPersonName(dash[1]))
    return { name: dash[1], affiliation: dash[2]?.trim() ?? null };
  const comma = /^([^,]+),\s+(.+)$/.exec(line);
  if (
    comma?.[1] !== undefined &&
    isPersonName(comma[1]) &&
    comma[2] !== undefined &&
    !/\s(?:and|&)\s/.test(comma[2])
  )
    return { name: comma[1], affiliation: comma[2].trim() };
  return isPersonName(line) ? { name: line, affiliation: null } : null;
}

/**
 * A paragraph that only names people, one or more per line: "Adrian Cockcroft -
 * VP, AWS" over "Ana Medina - Chaos Engineer, Gremlin", or "Jos Boumans (Krux),
 * Bruce Wong (Twilio)". Null when any line is something else.
 */
export function namedSpeakers(lineTexts: readonly string[]): NamedSpeaker[] | null {
  const lines = lineTexts.map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0 || lines.length > 6) return null;
  const named: NamedSpeaker[] = [];
  for (const line of lines) {
    const one = nameLine(line) ?? null;
    const list = one === null ? (affiliatedList(line) ?? nameList(line)) : [one];
    if (list === null) return null;
    named.push(...list);
  }
  return named;
}

/** "*Marcus Bell & Hana Kowalski*", "A, B and C": a line of two or more people's names and nothing else. */
function nameList(line: string): NamedSpeaker[] | null {
  if (line.length > MAX_LINE) return null;
  const bare = line.replace(/^[*_]+|[*_]+$/g, '').trim();
  const parts = bare.split(/\s*(?:,|;|&|\band\b|\bund\b)\s*/).filter((p) => p !== '');
  if (parts.length < 2 || !parts.every((p) => /^\p{Lu}/u.test(p) && isPersonName(p))) return null;
  return parts.map((name) => ({ name, affiliation: null }));
}

/** "A (Acme), B (Initech)" / "A (Acme) and B (Initech)": only when every part is a name with its affiliation. */
function affiliatedList(line: string): NamedSpeaker[] | null {
  if (line.length > MAX_LINE) return null;
  const bare = line.replace(/^[*_]+|[*_]+$/g, '').trim();
  const parts = bare.split(/(?<=\))\s*(?:,|;|&|\band\b|\bund\b|\by\b)\s*/);
  if (parts.length < 2) return null;
  const named: NamedSpeaker[] = [];
  for (const part of parts) {
    const one = nameLine(part);
    if (one === null || one.affiliation === null) return null;
    named.push(one);
  }
  return named;
}
