/**
 * @module extract/toolEvidence
 * The evidence a weak tool name needs beyond itself, read from the text
 * around one match: its case and place in the sentence, a list of tools it
 * stands in, brackets around it, and other weak names of its field. The
 * table in extract/tools says how each verdict counts.
 */
import type { ToolModel } from '../graph/types.js';
import type { TextRun } from '../parse/markdown.js';
import type { NameEntry, NameMatch } from './nameMatcher.js';
import { isPersonName } from './speakers.js';

// What may stand between two items of a list of tools: "docker, spark and AWS", "Rust & Nim", "tox + venv".
const LIST_SEPARATOR = /^\s*(?:[,;/&+|]|\band\b|\bor\b|\by\b|\bund\b|\bet\b|,\s*(?:and|or)\b)\s*$/i;

// After a name that opens a line as its subject: a verb of description or punctuation, not an object.
const SUBJECT_NEXT =
  /^(?:is|was|are|were|has|had|have|provides?|lets|allows|supports|uses|can|could|will|does|did|gives|makes|runs|handles|offers|[-–—:(,])$/i;
// Text in another script around a Latin word ("Rust で"): the word is a name, whatever its case.
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

export type Verdict = 'mention' | 'supported' | 'ecosystem' | 'titled' | 'no';

// Vendors whose name opens their products' names.
export const VENDOR =
  /^(?:Amazon|AWS|Apache|Azure|Microsoft|Google|GCP|HashiCorp|Eclipse|Red Hat|IBM|Oracle|Cloudflare|JetBrains|Adobe|Atlassian|Mozilla)\s+\S/;

/** A match that counts only once the rest of the talk supports it. */
export interface Deferred {
  match: NameMatch;
  verdict: Verdict;
}

// "Keith Rarick (Heroku)", "Bruce Wong (Twilio, Inc.)": a company after a person's name is their employer.
const BEFORE_AFFILIATION = /\p{Lu}[\p{L}.'’-]+\s+\p{Lu}[\p{L}'’-]+\s*\(\s*$/u;

// The two or three capitalised words before an opening bracket, to be tried as a person's name.
const BEFORE_PERSON = /((?:\p{Lu}[\p{L}.'’-]*\s+){1,2}\p{Lu}[\p{L}'’-]+)\s*\(\s*$/u;

/** A name that needs more than itself to count: an ordinary word, or a product named without its vendor. */
export function weak(entry: NameEntry): boolean {
  return entry.ambiguous || entry.line !== undefined;
}

/** How an ordinary-word match counts, from the evidence around it (see the table in extract/tools). */
export function ambiguousVerdict(match: NameMatch, listed: boolean): Verdict {
  if (match.code || match.versioned || match.site || listed) return 'mention';
  if (!/^\p{Lu}/u.test(match.text) || match.afterCapital) return 'no';
  if (match.title) return 'titled';
  if (match.blockStart) {
    const next = match.next ?? '';
    return SUBJECT_NEXT.test(next) || NON_LATIN.test(next) ? 'supported' : 'ecosystem';
  }
  return match.sentenceStart ? 'no' : 'supported';
}

/** Matches that sit in a list with a tool that is no ordinary word. */
export function listedMatches(runs: readonly TextRun[], matches: readonly NameMatch[]): Set<NameMatch> {
  const listed = new Set<NameMatch>();
  let group: NameMatch[] = [];
  for (const match of matches) {
    const previous = group[group.length - 1];
    if (
      previous === undefined ||
      previous.runIndex !== match.runIndex ||
      !LIST_SEPARATOR.test(runs[match.runIndex]?.text.slice(previous.end, match.start) ?? '')
    ) {
      closeGroup(group, listed);
      group = [];
    }
    group.push(match);
  }
  closeGroup(group, listed);
  return listed;
}

/** A group of matches is listed when one of them is no ordinary word (or is code). */
function closeGroup(group: readonly NameMatch[], listed: Set<NameMatch>): void {
  if (group.some((m) => !weak(m.entry) || m.code)) for (const m of group) listed.add(m);
}

/**
 * "Wes McKinney (pandas)": a word alone in brackets right after a person's name names the project they are
 * known for. Anywhere else a bracketed word is an aside ("Coffee (espresso)", "(black) and white").
 */
export function enclosed(runs: readonly TextRun[], match: NameMatch): boolean {
  const text = runs[match.runIndex]?.text ?? '';
  if (charBefore(text, match.start) !== '(' || charAfter(text, match.end) !== ')') return false;
  const before = BEFORE_PERSON.exec(text.slice(Math.max(0, match.start - 80), match.start))?.[1];
  return before !== undefined && isPersonName(before);
}

/** The first character before `at` that is not white space ('' at the start). */
function charBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 ? (text[i] as string) : '';
}

/** The first character from `at` on that is not white space ('' at the end). */
function charAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i < text.length ? (text[i] as string) : '';
}

/** "Keith Rarick (Heroku)": the company a speaker works for, not a tool the talk is about. */
export function affiliation(runs: readonly TextRun[], match: NameMatch): boolean {
  const text = runs[match.runIndex]?.text ?? '';
  // "John Hunter (matplotlib)" names the project a person is known for: companies are capitalised.
  // Most matches stand in no brackets: two character looks settle them before any pattern runs.
  if (charBefore(text, match.start) !== '(') return false;
  const after = charAfter(text, match.end);
  return (
    (after === ')' || after === ',') &&
    /^\p{Lu}/u.test(match.text) &&
    BEFORE_AFFILIATION.test(text.slice(Math.max(0, match.start - 80), match.start))
  );
}

/**
 * Two different ordinary words of one field support each other ("Kinesis - more than a stream",
 * "* Kafka"): one such word alone is no support ("The Consul of Rome ... a Consul who overstayed").
 * Returns, for a talk's weak matches, whether each may count by a partner, worked out in one pass.
 */
export function partners(
  deferred: readonly Deferred[],
  tools: ReadonlyMap<string, ToolModel>,
): (d: Deferred) => boolean {
  // The tools of each topic among the words that may be partners, worked out on the first question:
  // most weak words are settled by the talk's other tools and never ask it.
  let byTopic: Map<string, Set<string>> | null = null;
  const topicMap = (): Map<string, Set<string>> => {
    if (byTopic !== null) return byTopic;
    byTopic = new Map();
    for (const d of deferred) {
      const { entry } = d.match;
      if (entry.line !== undefined || (d.verdict !== 'supported' && d.verdict !== 'ecosystem')) continue;
      for (const topic of tools.get(entry.key)?.topics ?? []) {
        const keys = byTopic.get(topic) ?? new Set<string>();
        keys.add(entry.key);
        byTopic.set(topic, keys);
      }
    }
    return byTopic;
  };
  return (d) => {
    const { entry } = d.match;
    if (d.verdict !== 'supported' || entry.line !== undefined) return false;
    const map = topicMap();
    return (tools.get(entry.key)?.topics ?? []).some((t) => {
      const keys = map.get(t);
      return keys !== undefined && (keys.size > 1 || !keys.has(entry.key));
    });
  };
}
