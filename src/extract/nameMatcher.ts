/**
 * @module extract/nameMatcher
 * Finds known names (tools, topics) in text with one token index, not one
 * regex per name: names and text are split into the same tokens, names are
 * filed under their first token, and each text token is looked up once. This
 * keeps matching linear in the text whatever the size of the catalogue.
 */
import { isTitleCase, type TextRun } from '../parse/markdown.js';
import { LowerTable, TokenSpans } from './tokenSpans.js';

export interface NameEntry {
  /** Slug of the entity the name belongs to. */
  key: string;
  /** The name as written in the registry or catalogue. */
  name: string;
  via: 'NAME' | 'ALIAS';
  /** Only the exact cased form matches. */
  caseSensitive: boolean;
  /** An ordinary word: found in any case, but counted only with evidence (see extract/tools). */
  ambiguous: boolean;
  /** A product's name without its vendor ("Kinesis"): counted only beside a tool of this product line ("aws"). */
  line?: string;
}

export interface NameMatch {
  entry: NameEntry;
  line: number;
  /** The text as written. */
  text: string;
  /** The match opens a sentence, a paragraph or a list item. */
  sentenceStart: boolean;
  /** The match opens a paragraph, list item or heading, where notes capitalise nouns too ("* Ray on Vertex AI"). */
  blockStart: boolean;
  /** Inside a code span. */
  code: boolean;
  /** Followed by a version number ("Consul 1.6", "Helm v3"; a bare "2" only mid-sentence). */
  versioned: boolean;
  /** Written as its site's domain ("Parse.com", "Gobot.io"). */
  site: boolean;
  /** In Title Case text (a heading, an emphasised title), where every word is capitalised anyway. */
  title: boolean;
  /** Written exactly as the name ("Helm", not "helm"). */
  exactCase: boolean;
  /** Right after a capitalised word of the same phrase ("Natural Language Processing", "Now Go Build"). */
  afterCapital: boolean;
  /** Index of the run, and the match's offsets in its text. */
  runIndex: number;
  start: number;
  end: number;
  /** The address, when the match is the text of a link. */
  link: string | undefined;
  /** The token right after the match, if any ("is" in "Consul is the backend"). */
  next: string | undefined;
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

const GLUE_BEFORE = new Set(['-', '.', '/', '_', '@', '#', '$', '~', '\\']);
const GLUE_AFTER = new Set(['/', '_', '@', '\\', '=']);
const SENTENCE_END = new Set(['.', '!', '?', '•']);
const SENTENCE_CLOSE = /[.!?]\s*$/;
// Domains projects are named by ("Gobot.io", "Parse.com", "Ansible.com").
const TOP_LEVEL = new Set(['io', 'com', 'org', 'net', 'dev', 'ai', 'app', 'sh', 'rs', 'cloud']);

// What a token is: a run of letters and digits, or one other character that is not white space.
// `TokenSpans` (extract/tokenSpans), which `tokenize` is made from, reads text by code point with the
// same classes (extract/charClass); the regex is the reference its tests hold it to.
export const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  // The same split as name matching's (`TokenSpans`), with each token's text made.
  const spans = new TokenSpans(text);
  const tokens = new Array<Token>(spans.length);
  for (let k = 0; k < spans.length; k++) {
    const raw = spans.raw(k);
    const start = spans.starts[k] as number;
    tokens[k] = {
      lower: raw.toLowerCase(),
      raw,
      start,
      end: spans.ends[k] as number,
      spaced: spans.spaced(k),
    };
  }
  return tokens;
}

/**
 * Tokens of the runs of the last `match`, by position, each read again in place for a new text: a
 * talk's runs are matched against the tools and then against the topics, and each run is split
 * once; the arrays of earlier runs serve the next talk's, so splitting makes no garbage. (A WeakMap
 * of every run's tokens, kept before, cost more in garbage collection than the splitting it saved.)
 */
const spansByRun: TokenSpans[] = [];
/** Runs past this many in one call are split into tokens of their own, not kept for good. */
const KEPT_RUNS = 4096;

/** The tokens of `text`, the run at `runIndex`: those kept at that place when the text is the same. */
function spansAt(runIndex: number, text: string): TokenSpans {
  if (runIndex >= KEPT_RUNS) return new TokenSpans(text);
  let spans = spansByRun[runIndex];
  if (spans === undefined) {
    spans = new TokenSpans(text);
    spansByRun[runIndex] = spans;
  } else if (spans.text !== text) spans.read(text);
  return spans;
}

/** Texts whose answer `namesAny` keeps before it starts again: a few MB at most. */
const ALONE_BOUND = 20_000;

/** The names that open with one token: those of one token, and longer ones by their second token. */
interface Opening {
  single: CompiledName[] | undefined;
  pairs: Map<string, CompiledName[]> | undefined;
  /** `pairs`, looked up by the next token (filled once every name is filed). */
  pairTable: LowerTable<CompiledName[]> | undefined;
}

export class NameMatcher {
  /**
   * Names filed under their first token, or their first two for longer names ("cloud build"): one
   * lookup per token of text, and most tokens open no name.
   */
  private readonly byFirst = new Map<string, Opening>();
  /** `byFirst`, looked up by a text's token. */
  private readonly firstTable: LowerTable<Opening>;
  readonly size: number;

  constructor(entries: Iterable<NameEntry>) {
    let size = 0;
    for (const entry of entries) {
      const tokens = tokenize(entry.name);
      const first = tokens[0];
      if (first === undefined) continue;
      let opening = this.byFirst.get(first.lower);
      if (opening === undefined) {
        opening = { single: undefined, pairs: undefined, pairTable: undefined };
        this.byFirst.set(first.lower, opening);
      }
      const compiled = { entry, tokens };
      const second = tokens[1];
      if (second === undefined) {
        opening.single ??= [];
        opening.single.push(compiled);
      } else {
        opening.pairs ??= new Map();
        const list = opening.pairs.get(second.lower);
        if (list === undefined) opening.pairs.set(second.lower, [compiled]);
        else list.push(compiled);
      }
      size += 1;
    }
    // Longest names first, so "Cloud Build Triggers" wins over "Cloud Build".
    const byLength = (a: CompiledName, b: CompiledName) => b.tokens.length - a.tokens.length;
    for (const opening of this.byFirst.values()) {
      opening.single?.sort(byLength);
      for (const list of opening.pairs?.values() ?? []) list.sort(byLength);
    }
    for (const opening of this.byFirst.values())
      if (opening.pairs !== undefined) opening.pairTable = new LowerTable(opening.pairs);
    this.firstTable = new LowerTable(this.byFirst);
    this.size = size;
  }

  /** Whether text on its own holds a name, by text: candidate terms repeat across talks and posts. */
  private readonly alone = new Map<string, boolean>();

  /**
   * Whether `match` finds any name in one run of this text. Only the text decides that (a run's
   * other fields shape the matches, never whether there are any), so answers are kept, up to a bound.
   */
  namesAny(text: string): boolean {
    let known = this.alone.get(text);
    if (known === undefined) {
      known = this.match([{ text, line: 0, code: false }]).length > 0;
      if (this.alone.size >= ALONE_BOUND) this.alone.clear();
      this.alone.set(text, known);
    }
    return known;
  }

  /** All names found in the runs, in order. A run is matched on its own: names never span runs. */
  match(runs: readonly TextRun[]): NameMatch[] {
    const found: NameMatch[] = [];
    for (let runIndex = 0; runIndex < runs.length; runIndex++) {
      const run = runs[runIndex] as TextRun;
      if (run.label === true) continue;
      const spans = spansAt(runIndex, run.text);
      const count = spans.length;
      // Worked out only for runs that hold a match: most runs hold none.
      let titleCase: boolean | undefined;
      let runStart: boolean | undefined;
      // Last token of the previous match: "Kubernetes Helm" is two names, not one capitalised phrase.
      let lastMatched = -2;
      for (let i = 0; i < count; i++) {
        const opening = this.firstTable.get(spans, i);
        if (opening === undefined) continue;
        const pair =
          i + 1 >= count || opening.pairTable === undefined ? undefined : opening.pairTable.get(spans, i + 1);
        const single = opening.single;
        if (pair === undefined && single === undefined) continue;
        // Two-token names ("Cloud Build") before one-token names ("Cloud").
        const candidates =
          pair === undefined
            ? (single as CompiledName[])
            : single === undefined
              ? pair
              : [...pair, ...single];
        const spaced = spans.spaced(i);
        const previous = i > 0 ? spans.raw(i - 1) : undefined;
        if (previous !== undefined && !spaced && GLUE_BEFORE.has(previous)) continue;
        if (previous !== undefined && !spaced && /[\p{L}\p{N}]/u.test(previous)) continue;
        for (const candidate of candidates) {
          const n = candidate.tokens.length;
          const exactCase = tokensMatch(spans, i, candidate);
          if (exactCase === null) continue;
          const next = i + n < count ? i + n : -1;
          const afterNext = i + n + 1 < count ? i + n + 1 : -1;
          let site = false;
          if (next !== -1 && !spans.spaced(next)) {
            if (GLUE_AFTER.has(spans.raw(next))) continue;
            if (
              spans.is(next, '.') &&
              afterNext !== -1 &&
              !spans.spaced(afterNext) &&
              /^\p{L}/u.test(spans.raw(afterNext))
            ) {
              // "Parse.com" names the tool by its site; "config.yaml" and "os.path" are other words.
              const beyond = i + n + 2;
              site =
                TOP_LEVEL.has(spans.lower(afterNext)) &&
                (beyond >= count || spans.spaced(beyond) || !spans.is(beyond, '.'));
              if (!site) continue;
            }
          }
          runStart ??=
            runIndex === 0 || run.start === true || SENTENCE_CLOSE.test(runs[runIndex - 1]?.text ?? '');
          const sentenceStart = opensSentence(spans, i, runStart);
          // Only ordinary words ask whether capitals mean anything in this run.
          if (candidate.entry.ambiguous && titleCase === undefined) titleCase = titleLike(run.text);
          const start = spans.starts[i] as number;
          const end = spans.ends[i + n - 1] as number;
          found.push({
            entry: candidate.entry,
            line: run.line,
            text: run.text.slice(start, end),
            sentenceStart,
            blockStart: i === 0 && (runIndex === 0 || run.start === true),
            code: run.code,
            versioned: versionFollows(spans, i + n, sentenceStart),
            site,
            // Only ordinary words ask whether capitals mean anything here.
            title: run.title === true || titleCase === true,
            exactCase,
            afterCapital:
              previous !== undefined &&
              spaced &&
              /^\p{Lu}/u.test(previous) &&
              lastMatched !== i - 1 &&
              !opensSentence(spans, i - 1, runStart),
            runIndex,
            start,
            end,
            // Every match has every field, so readers see one object shape.
            link: run.link,
            next: next === -1 ? undefined : spans.raw(next),
          });
          i += n - 1;
          lastMatched = i;
          break;
        }
      }
    }
    return found;
  }
}

/** Whether the name matches at `at`: null if not, else whether every token is cased as written. */
function tokensMatch(spans: TokenSpans, at: number, candidate: CompiledName): boolean | null {
  const caseSensitive = candidate.entry.caseSensitive;
  let exact = true;
  for (let k = 0; k < candidate.tokens.length; k++) {
    const want = candidate.tokens[k] as Token;
    const got = at + k;
    if (got >= spans.length) return null;
    if (!spans.is(got, want.raw)) {
      if (caseSensitive || !spans.lowerIs(got, want.lower)) return null;
      exact = false;
    }
    if (k > 0 && spans.spaced(got) !== want.spaced) return null;
  }
  return exact;
}

/** Token `k` opens a sentence: the run's first token when the run does, or a token after `.`, `!`, `?`. */
function opensSentence(spans: TokenSpans, k: number, runStart: boolean): boolean {
  return k === 0 ? runStart : SENTENCE_END.has(spans.raw(k - 1));
}

/**
 * "Consul 1.6", "Helm v3", "Python 3.12": a version number says software, not a word. A bare
 * integer ("Pandas 2") counts only mid-sentence: "Keep 2 copies" opens a sentence.
 */
function versionFollows(spans: TokenSpans, at: number, sentenceStart: boolean): boolean {
  if (at >= spans.length || !spans.spaced(at)) return false;
  const next = spans.raw(at);
  if (/^v\d/i.test(next)) return true;
  if (!/^\d/.test(next)) return false;
  const dotted =
    at + 2 < spans.length &&
    spans.is(at + 1, '.') &&
    !spans.spaced(at + 1) &&
    !spans.spaced(at + 2) &&
    /^(\d|x$)/i.test(spans.raw(at + 2));
  return dotted || !sentenceStart;
}

/**
 * A short run in Title Case ("High Performance Pandas 2: Time Series"), not a sentence: German
 * prose capitalises its nouns and would look like a title otherwise.
 */
function titleLike(text: string): boolean {
  return !/[.!?]\s/.test(text) && text.split(/\s+/).length <= 14 && isTitleCase(text);
}
