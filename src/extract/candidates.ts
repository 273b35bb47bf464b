/**
 * @module extract/candidates
 * Terms that look like tool names but match no known tool: code-styled
 * identifiers (`kubectl`), inner-capital names (gVisor, OpenFaaS, eBPF) and
 * capitalised words in mid-sentence. They feed `talkgraph suggest-tools`;
 * recurrence across talks (counted when the graph is built) separates names
 * from ordinary capitalised words.
 */
import type { TextRun } from '../parse/markdown.js';
import { classOf, codePointAt, WORD } from './charClass.js';

export interface CandidateTerm {
  term: string;
  line: number;
  /** Written in a code span. */
  code: boolean;
}

const INNER_CAPITAL =
  /^(?:\p{Lu}[\p{Ll}\p{N}]+(?:\p{Lu}[\p{Ll}\p{N}]*)+|\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{Lu}{2,}\p{Ll}+[\p{L}\p{N}]*)$/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}]{2,}$/u;
const CODE_IDENTIFIER = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
// A word (`[\p{L}\p{N}][\p{L}\p{N}_-]*`): read by code point, without a match object per word.
const UNDERSCORE = 95;
const HYPHEN = 45;

/** Offset of the first letter or digit at or after `from`; the text's length when there is none. */
function nextWord(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (classOf(cp) === WORD) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return text.length;
}

/** End of the word opening at `start`: letters, digits, "_" and "-". */
function endOfWord(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (cp !== UNDERSCORE && cp !== HYPHEN && classOf(cp) !== WORD) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

// Capitalised words that are not names: months, days, pronouns and words that open headings.
const COMMON = new Set(
  `I A An The This That These Those It Its We Our You Your They Their He She His Her My Me Us Them
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Day Days Talk Talks Keynote Keynotes
  Video Link Links Blog Post Slides Summary Notes Intro Introduction Conclusion Website Github Another
  Speaker Speakers Panel Session Track Demo Update Project Projects Cloud Native Container Containers
  Open Source Community Security Developer Experience Applications Application Production Europe America
  Asia North South East West Google Microsoft Amazon Red Hat IBM Apple Facebook Meta Twitter CEO CTO API APIs
  What How Why When Where Who Which And But Or If So Also Then Just Some Many Most More All Both Each Every One Two
  Three First Second Third Next Last New Old Great Good Best Big Small Key Main Part Q&A Thanks Thank Yes No Not`.split(
    /\s+/,
  ),
);

/** Whether `text` from `start` to `end` is ASCII without a capital letter. */
function lowerAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

function opensWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/**
 * Whether the text between the previous word (ending at `previousEnd`, -1 for none) and the word at
 * `start` opens a sentence (".", "!", "?" or ":" then space) or continues a capitalised phrase (only
 * space after a capitalised word): in both, a capitalised word says nothing about names.
 */
function opensSentenceOrPhrase(
  text: string,
  previousEnd: number,
  start: number,
  afterCapital: boolean,
): boolean {
  if (previousEnd === -1) return true;
  const before = text.slice(previousEnd, start);
  return /[.!?:]\s*$/.test(before) || (afterCapital && /^\s+$/.test(before));
}

/**
 * Candidate terms of a talk's runs. `known` holds words already accounted for
 * (the words of the post's conference name and place); words of multi-word
 * capitalised phrases ("San Diego", "Fluent Bit") are not names of their own.
 */
export function candidateTerms(
  runs: readonly TextRun[],
  known: ReadonlySet<string> = new Set(),
): CandidateTerm[] {
  const out: CandidateTerm[] = [];
  for (const run of runs) {
    if (run.code) {
      const term = run.text.trim();
      if (CODE_IDENTIFIER.test(term) && term.length >= 3 && term.length <= 30)
        out.push({ term, line: run.line, code: true });
      continue;
    }
    const text = run.text;
    let previousEnd = -1;
    let previousCapitalised = false;
    for (let at = nextWord(text, 0); at < text.length; at = nextWord(text, previousEnd)) {
      const wordEnd = endOfWord(text, at);
      const end = previousEnd;
      const afterCapital = previousCapitalised;
      previousEnd = wordEnd;
      // Both kinds of name hold a capital: most words are plain lower-case ASCII, passed over unread.
      if (lowerAscii(text, at, wordEnd)) {
        previousCapitalised = false;
        continue;
      }
      const word = text.slice(at, wordEnd);
      const capital = opensWithCapital(word);
      previousCapitalised = capital;
      if (word.length < 3 || word.length > 30) continue;
      // Most words are in lower case and can be neither kind of name: the cheap tests go first.
      const inner = INNER_CAPITAL.test(word);
      if (!inner && !(capital && CAPITALISED.test(word))) continue;
      if (COMMON.has(word) || known.has(word.toLowerCase())) continue;
      if (inner || !opensSentenceOrPhrase(text, end, at, afterCapital)) {
        out.push({ term: word, line: run.line, code: false });
      }
    }
  }
  return out;
}
