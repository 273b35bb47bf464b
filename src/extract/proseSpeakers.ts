/**
 * @module extract/proseSpeakers
 * Speakers named in the prose that opens a talk's section: the people a
 * presenting verb is said of ("Google Engineer Sugu Sougoumarane described
 * how …", "In this talk, A and B explain …") and the people a talk is given
 * by or with ("A panel discussion with A, B, and C"). Each name must pass
 * the person-name test; a role or company written before a name ("Google
 * Engineer") is left out, one in brackets after it is dropped.
 */
import { isFirstName, isPersonName } from './speakers.js';

const CAP = "\\p{Lu}[\\p{L}'’.-]*";
const WORD = `(?:${CAP}|van|von|de|der|den|da|di|du|le|la|dos|del|ter|bin|al)`;
// A name starts a word: no match from inside "McKinney" or "iOS".
const NAME = `(?<![\\p{L}'’.-])${CAP}(?:\\s+${WORD}){1,5}(?:\\s*\\([^()]{1,40}\\))?`;
const LIST = `${NAME}(?:\\s*,\\s*${NAME})*(?:\\s*,?\\s+(?:and|&)\\s+${NAME})?`;
const VERBS =
  'describes?|described|explains?|explained|presents?|presented|talks?\\s+about|talked\\s+about|shares?|shared|shows?|showed|discuss(?:es)?|discussed|demonstrates?|demonstrated|demos|demoed|introduces?|introduced|gives?|gave|spoke|speaks|walks?\\s+(?:us\\s+)?through|walked\\s+(?:us\\s+)?through|argues?|argued|covers?|covered|explores?|explored|reviews?|reviewed';
const SUBJECT = new RegExp(`(${LIST})\\s+(?:also\\s+|then\\s+|briefly\\s+)?(?:${VERBS})\\b`, 'gu');
const HAS_VERB = new RegExp(`\\s(?:${VERBS})\\b`, 'iu');
const GIVEN =
  'talk|session|presentation|keynote|panel(?:\\s+discussion)?|workshop|training|tutorial|fireside\\s+chat|interview|facilitated|presented|given|delivered|led|hosted|moderated';
const HAS_GIVEN = new RegExp(`\\b(?:${GIVEN})\\s+(?:by|with)\\s`, 'iu');
const OBJECT = new RegExp(`\\b(?:${GIVEN})\\s+(?:by|with)\\s+(${LIST})`, 'giu');
// "Die Keynote hielt Dr. Petra Lange": German puts the verb before its subject.
const HAS_HELD = /\b(?:hielt|hielten|präsentierte|präsentierten)\s/u;
const HELD = new RegExp(
  `\\b(?:hielt|hielten|präsentierte|präsentierten)\\s+(?:(?:Dr|Prof)\\.\\s+)?(${LIST})`,
  'gu',
);
// "facilitated by Ethan and Zack": first names alone, two or more, only after a participle and "by".
const FIRST = '\\p{Lu}\\p{Ll}{2,15}';
const BY_FIRST_NAMES = new RegExp(
  `\\b(?:facilitated|presented|given|delivered|led|hosted|moderated|run|taught)\\s+by\\s+(${FIRST}(?:\\s*,\\s*${FIRST})*\\s*,?\\s+(?:and|&|und|y)\\s+${FIRST})\\b`,
  'gu',
);

/** The longest run of a name's last words that is a person's name: "Google Engineer Sugu Sougoumarane" → "Sugu Sougoumarane". */
function personOf(text: string): string | null {
  const words = text
    .replace(/\([^()]*\)/g, ' ')
    .trim()
    .split(/\s+/);
  for (let from = 0; from <= words.length - 2; from++) {
    const candidate = words.slice(from).join(' ');
    if (isPersonName(candidate)) return candidate;
  }
  return null;
}

function namesOf(list: string): string[] {
  const parts = list
    .split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/)
    .map((p) =>
      p
        .replace(/\([^()]*\)/g, ' ')
        .replace(/\.$/, '')
        .trim(),
    )
    .filter((p) => p !== '');
  // Only the first name may carry a role before it; a later part that is no name ends the list.
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    const name = i === 0 ? personOf(part) : isPersonName(part) ? part : null;
    if (name === null) break;
    out.push(name);
  }
  return out;
}

/** People a paragraph of prose says gave a talk, in the order written. */
export function proseSpeakers(text: string): string[] {
  // Prose is read only to a paragraph's length: a whole essay names too many people.
  if (text.length > 800) return [];
  const flat = text.replace(/\s+/g, ' ');
  const found: string[] = [];
  // Most prose has no presenting verb and no "talk by": then no list of names is tried at all.
  const checks = [
    [HAS_VERB, SUBJECT],
    [HAS_GIVEN, OBJECT],
    [HAS_HELD, HELD],
  ] as const;
  for (const [has, re] of checks) {
    if (!has.test(flat)) continue;
    re.lastIndex = 0;
    for (const m of flat.matchAll(re)) if (m[1] !== undefined) found.push(...namesOf(m[1]));
  }
  if (found.length === 0)
    for (const m of flat.matchAll(BY_FIRST_NAMES)) {
      const names = (m[1] ?? '').split(/\s*,\s*|\s+(?:and|&|und|y)\s+/).map((n) => n.trim());
      if (names.every(isFirstName)) found.push(...names);
    }
  return [...new Set(found)];
}

const titleWords = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4),
  );

/**
 * A link named after the talk that opens with a person's name ("[Chandler
 * Carruth 2025 rustconf memory safety everywhere](slides)") names its speaker:
 * the words after the name must repeat at least two of the title's, and the
 * name's own words must be absent from the title.
 */
export function linkTextSpeaker(linkText: string, title: string): string | null {
  const words = linkText.trim().split(/\s+/);
  const wanted = titleWords(title);
  // Link text that is the title itself ("[Rusty Ownership Tricks](video)") names no one: the name's words
  // must be none of the title's.
  const inTitle = new Set(title.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  for (let n = Math.min(4, words.length - 1); n >= 2; n--) {
    const name = words.slice(0, n).join(' ');
    if (
      name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .some((w) => w !== '' && inTitle.has(w))
    )
      continue;
    if (!isPersonName(name)) continue;
    const shared = [...titleWords(words.slice(n).join(' '))].filter((w) => wanted.has(w));
    return shared.length >= 2 ? name : null;
  }
  return null;
}
