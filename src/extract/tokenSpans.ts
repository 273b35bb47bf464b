/**
 * @module extract/tokenSpans
 * The tokens of a text for name matching, kept as offsets into the text
 * rather than as an object and two strings each: most tokens of prose open
 * no known name, and name matching asks a token for its text only around
 * the few that do. Each token also carries a number made from its lower-case
 * letters, so that a matcher can pass over a word that opens no name
 * without making its text at all.
 *
 * A token is a run of letters and digits, or one other character that is
 * not white space (`TOKEN` in extract/nameMatcher is the reference);
 * `tokenize` there makes each token's text from these spans.
 */
import { classOf, codePointAt, SPACE, WORD } from './charClass.js';

/** The hash of a token holding a character beyond ASCII: such tokens are always looked up by text. */
export const WIDE = -1;

/** Next step of a hash over lower-case ASCII code units (31 bits, never `WIDE`). */
function step(hash: number, unit: number): number {
  return (Math.imul(hash, 31) + unit) & 0x7fffffff;
}

/** The hash of a text that is already lower case, as `TokenSpans` hashes a token written as it; `WIDE` beyond ASCII. */
export function lowerHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 128) return WIDE;
    hash = step(hash, unit >= 65 && unit <= 90 ? unit + 32 : unit);
  }
  return hash;
}

export class TokenSpans {
  /** Token k runs from `starts[k]` to `ends[k]` in `text`, for k below `length`; entries beyond are stale. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** `lowerHash` of each token's lower-case form, or `WIDE`. */
  readonly hashes: number[] = [];
  text = '';
  length = 0;

  constructor(text?: string) {
    if (text !== undefined) this.read(text);
  }

  /** Splits `text`, in place of the text read before: the arrays are kept, so reading again makes no garbage. */
  read(text: string): void {
    this.text = text;
    const { starts, ends, hashes } = this;
    const length = text.length;
    let count = 0;
    let i = 0;
    while (i < length) {
      const cp = codePointAt(text, i);
      const kind = classOf(cp);
      const start = i;
      i += cp > 0xffff ? 2 : 1;
      if (kind === SPACE) continue;
      let hash = cp >= 128 ? WIDE : step(0, cp >= 65 && cp <= 90 ? cp + 32 : cp);
      if (kind === WORD) {
        while (i < length) {
          const c = codePointAt(text, i);
          if (classOf(c) !== WORD) break;
          if (hash !== WIDE) hash = c >= 128 ? WIDE : step(hash, c >= 65 && c <= 90 ? c + 32 : c);
          i += c > 0xffff ? 2 : 1;
        }
      }
      if (count < starts.length) {
        starts[count] = start;
        ends[count] = i;
        hashes[count] = hash;
      } else {
        starts.push(start);
        ends.push(i);
        hashes.push(hash);
      }
      count += 1;
    }
    this.length = count;
  }

  /** The token as written. */
  raw(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  lower(k: number): string {
    return this.raw(k).toLowerCase();
  }

  /** Whether token `k` is written exactly as `text`, without making the token's text. */
  is(k: number, text: string): boolean {
    const start = this.starts[k] as number;
    return (this.ends[k] as number) - start === text.length && this.text.startsWith(text, start);
  }

  /** Whether token `k` in lower case is `lower`, without making the token's text when it is ASCII. */
  lowerIs(k: number, lower: string): boolean {
    if (this.hashes[k] === WIDE) return this.lower(k) === lower;
    const start = this.starts[k] as number;
    if ((this.ends[k] as number) - start !== lower.length) return false;
    for (let j = 0; j < lower.length; j++) {
      const unit = this.text.charCodeAt(start + j);
      if ((unit >= 65 && unit <= 90 ? unit + 32 : unit) !== lower.charCodeAt(j)) return false;
    }
    return true;
  }

  /** White space (or the start of the text) separates token `k` from the one before. */
  spaced(k: number): boolean {
    return k === 0 || this.starts[k] !== this.ends[k - 1];
  }
}

/**
 * Values filed under lower-case words, looked up by a token of a `TokenSpans` without making the
 * token's text: an ASCII token is found by its hash, checked letter by letter against the words
 * filed under it; a token beyond ASCII is looked up by its lower-case text. A bit array with a bit
 * for each hash (64 bits a word, so few words that open no entry find their bit set) answers most
 * words, which open no entry, faster than a map would.
 */
export class LowerTable<T> {
  private readonly byHash = new Map<number, { word: string; value: T }[]>();
  private readonly bits: Uint32Array;
  /** Mask of a hash's bit number. */
  private readonly mask: number;

  /** `byWord` files each value under a lower-case word. */
  constructor(private readonly byWord: ReadonlyMap<string, T>) {
    let size = 64;
    while (size < byWord.size * 64 && size < 1 << 24) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
    for (const [word, value] of byWord) {
      const hash = lowerHash(word);
      // A word beyond ASCII is only ever the lower-case form of a token beyond ASCII.
      if (hash === WIDE) continue;
      const list = this.byHash.get(hash);
      if (list === undefined) this.byHash.set(hash, [{ word, value }]);
      else list.push({ word, value });
      const bit = hash & this.mask;
      this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
  }

  /** The value filed under token `k`'s lower-case form. */
  get(spans: TokenSpans, k: number): T | undefined {
    const hash = spans.hashes[k] as number;
    if (hash === WIDE) return this.byWord.get(spans.lower(k));
    const bit = hash & this.mask;
    if (((this.bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return undefined;
    for (const entry of this.byHash.get(hash) ?? []) if (spans.lowerIs(k, entry.word)) return entry.value;
    return undefined;
  }
}
