/**
 * @module extract/nameMatcher
 * Finds known names (tools, topics) in text with one token index, not one
 * regex per name: names and text are split into the same tokens, names are
 * filed under their first token, and each text token is looked up once. This
 * keeps matching linear in the text whatever the size of the catalogue.
 */
import type { TextRun } from '../parse/markdown.js';

export interface NameEntry {
  /** Slug of the entity the name belongs to. */
  key: string;
  /** The name as written in the registry or catalogue. */
  name: string;
  via: 'NAME' | 'ALIAS';
  /** Only the exact cased form matches. */
  caseSensitive: boolean;
  /** An ordinary word: matched cased, never at a sentence start, and only with supporting context. */
  ambiguous: boolean;
}

export interface NameMatch {
  entry: NameEntry;
  line: number;
  /** The text as written. */
  text: string;
  /** The match opens a sentence, a paragraph or a list item. */
  sentenceStart: boolean;
  /** Inside a code span. */
  code: boolean;
  /** Followed by a version number. */
  versioned: boolean;
  /** In a Title Case heading, where every word is capitalised anyway. */
  title: boolean;
}

interface Token {
  lower: string;
  raw: string;
  start: number;
  end: number;
  /** White space separates this token from the previous one. */
  spaced: boolean;
}

interface CompiledName {
  entry: NameEntry;
  tokens: Token[];
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const GLUE_BEFORE = new Set(['-', '.', '/', '_', '@', '#', '$', '~', '\\']);
const GLUE_AFTER = new Set(['/', '_', '@', '\\', '=']);
const SENTENCE_END = new Set(['.', '!', '?', '•']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = -1;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const raw = m[0];
    tokens.push({ lower: raw.toLowerCase(), raw, start, end: start + raw.length, spaced: start !== last });
    last = start + raw.length;
  }
  return tokens;
}

function pairKey(first: Token, second: Token): string {
  return `${first.lower}\u0000${second.lower}`;
}

export class NameMatcher {
  /** Names filed under their first token, or their first two for longer names ("cloud build"). */
  private readonly byKey = new Map<string, CompiledName[]>();
  readonly size: number;

  constructor(entries: Iterable<NameEntry>) {
    let size = 0;
    for (const entry of entries) {
      const tokens = tokenize(entry.name);
      const first = tokens[0];
      if (first === undefined) continue;
      const key = tokens.length > 1 ? pairKey(first, tokens[1] as Token) : first.lower;
      const list = this.byKey.get(key);
      const compiled = { entry, tokens };
      if (list === undefined) this.byKey.set(key, [compiled]);
      else list.push(compiled);
      size += 1;
    }
    // Longest names first, so "Cloud Build Triggers" wins over "Cloud Build".
    for (const list of this.byKey.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.size = size;
  }

  /** All names found in the runs, in order. A run is matched on its own: names never span runs. */
  match(runs: readonly TextRun[]): NameMatch[] {
    const found: NameMatch[] = [];
    runs.forEach((run, runIndex) => {
      if (run.label === true) return;
      const tokens = tokenize(run.text);
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] as Token;
        const next0 = tokens[i + 1];
        const pair = next0 === undefined ? undefined : this.byKey.get(pairKey(token, next0));
        const single = this.byKey.get(token.lower);
        if (pair === undefined && single === undefined) continue;
        // Two-token names ("Cloud Build") before one-token names ("Cloud").
        const candidates =
          pair === undefined
            ? (single as CompiledName[])
            : single === undefined
              ? pair
              : [...pair, ...single];
        const previous = tokens[i - 1];
        if (previous !== undefined && !token.spaced && GLUE_BEFORE.has(previous.raw)) continue;
        if (previous !== undefined && !token.spaced && /[\p{L}\p{N}]/u.test(previous.raw)) continue;
        for (const candidate of candidates) {
          const n = candidate.tokens.length;
          if (!this.tokensMatch(tokens, i, candidate, run.code)) continue;
          const next = tokens[i + n];
          const afterNext = tokens[i + n + 1];
          if (next !== undefined && !next.spaced) {
            if (GLUE_AFTER.has(next.raw)) continue;
            if (
              next.raw === '.' &&
              afterNext !== undefined &&
              !afterNext.spaced &&
              /^\p{L}/u.test(afterNext.raw)
            )
              continue;
          }
          const sentenceStart =
            (i === 0 && (runIndex === 0 || /[.!?]\s*$/.test(runs[runIndex - 1]?.text ?? ''))) ||
            (previous !== undefined && SENTENCE_END.has(previous.raw));
          const last = candidate.tokens.length > 0 ? (tokens[i + n - 1] as Token) : token;
          found.push({
            entry: candidate.entry,
            line: run.line,
            text: run.text.slice(token.start, last.end),
            sentenceStart,
            code: run.code,
            // "Consul 1.6", "Helm v3": a version number says software, not a word.
            versioned: next?.spaced === true && /^v?\d/i.test(next.raw),
            title: run.title === true,
          });
          i += n - 1;
          break;
        }
      }
    });
    return found;
  }

  private tokensMatch(tokens: Token[], at: number, candidate: CompiledName, code: boolean): boolean {
    const exact = candidate.entry.caseSensitive || (candidate.entry.ambiguous && !code);
    for (let k = 0; k < candidate.tokens.length; k++) {
      const want = candidate.tokens[k] as Token;
      const got = tokens[at + k];
      if (got === undefined) return false;
      if (exact ? got.raw !== want.raw : got.lower !== want.lower) return false;
      if (k > 0 && got.spaced !== want.spaced) return false;
    }
    return true;
  }
}
