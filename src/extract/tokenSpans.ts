/**
 * @module extract/tokenSpans
 * The tokens of a text for name matching, kept as offsets into the text
 * rather than as an object and two strings each: most tokens of prose open
 * no known name, and name matching asks a token for its text only around
 * the few that do. Each token also carries a number made from its lower-case
 * letters, so that a matcher can pass over a word that opens no name
 * without making its text at all.
 *
 * Tokens are those of `tokenize` (extract/nameMatcher): a run of letters
 * and digits, or one other character that is not white space.
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
  /** Token k runs from `starts[k]` to `ends[k]` in `text`. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** `lowerHash` of each token's lower-case form, or `WIDE`. */
  readonly hashes: number[] = [];

  constructor(readonly text: string) {
    const length = text.length;
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
      this.starts.push(start);
      this.ends.push(i);
      this.hashes.push(hash);
    }
  }

  get length(): number {
    return this.starts.length;
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

  /** White space (or the start of the text) separates token `k` from the one before. */
  spaced(k: number): boolean {
    return k === 0 || this.starts[k] !== this.ends[k - 1];
  }
}
