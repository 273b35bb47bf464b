/**
 * @module extract/charClass
 * The character classes that name matching and candidate terms split text by
 * (letters and digits, white space, anything else), read by code point
 * without a regex match per word: a post's runs hold thousands of words, and a
 * match object for each was much of the garbage of extraction.
 */

/** A letter or digit (`[\p{L}\p{N}]`). */
export const WORD = 1;
/** White space (`\s`). */
export const SPACE = 2;
/** Anything else: punctuation, symbols, a lone surrogate. */
export const OTHER = 0;

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;

function classify(ch: string): number {
  return WORD_CHAR.test(ch) ? WORD : SPACE_CHAR.test(ch) ? SPACE : OTHER;
}

/** Classes of the code units below 128. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = classify(String.fromCharCode(c));
/** Classes of code points above ASCII met so far (a text uses few of them); bounded against hostile text. */
const wideClass = new Map<number, number>();
const WIDE_BOUND = 4096;

/** The class of a code point. */
export function classOf(codePoint: number): number {
  if (codePoint < 128) return ASCII_CLASS[codePoint] as number;
  let known = wideClass.get(codePoint);
  if (known === undefined) {
    known = classify(String.fromCodePoint(codePoint));
    if (wideClass.size < WIDE_BOUND) wideClass.set(codePoint, known);
  }
  return known;
}

/** The code point at `i`, as a `u` regex reads it: a surrogate pair is one, a lone surrogate itself. */
export function codePointAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit < 0xd800 ? unit : (text.codePointAt(i) as number);
}
