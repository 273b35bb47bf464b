/**
 * @module graph/searchTokens
 * How search splits text into words: MiniSearch's default, text cut at runs
 * of line breaks, spaces and punctuation (`SEPARATORS`). The index splits
 * every field of every document twice while it is built (once to count
 * postings, once to place them), and a regular expression with Unicode
 * classes was a fifth of that build. Text of ASCII characters alone (most
 * notes) is cut by a scan against a table of the same separators; other
 * text by the expression itself, so the words are always the same.
 */

/** The separators of MiniSearch's default tokenizer. */
export const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

/** Which ASCII characters are separators, read from `SEPARATORS` so the two cannot disagree. */
const ASCII_SEPARATOR = Uint8Array.from({ length: 128 }, (_, c) =>
  SEPARATORS.test(String.fromCharCode(c)) ? 1 : 0,
);

const NOT_ASCII = /[^\0-\x7f]/;

/** `text.split(SEPARATORS)`: the same words, empty ones at either end included. */
export function tokenize(text: string): string[] {
  if (NOT_ASCII.test(text)) return text.split(SEPARATORS);
  const words: string[] = [];
  let start = 0;
  let at = 0;
  while (at < text.length) {
    if (ASCII_SEPARATOR[text.charCodeAt(at)] === 1) {
      words.push(text.slice(start, at));
      do at++;
      while (at < text.length && ASCII_SEPARATOR[text.charCodeAt(at)] === 1);
      start = at;
    } else at++;
  }
  words.push(text.slice(start));
  return words;
}
