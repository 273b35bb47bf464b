/**
 * @module graph/searchExcerpt
 * The snippet of a search hit: a short excerpt of the matched text around
 * its first matched term, with the terms marked.
 */

export const SNIPPET_MAX = 160;
export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';
const SEPARATOR = /^[\n\r\p{Z}\p{P}]$/u;

/** Occurrences of indexed terms in a text, as whole tokens: [start, end) pairs, sorted, not overlapping. */
function occurrences(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  // Case mapping that changes lengths would shift offsets: give up highlighting rather than mark wrong text.
  if (lower.length !== text.length) return [];
  const isBoundary = (i: number): boolean => i < 0 || i >= text.length || SEPARATOR.test(text.charAt(i));
  const found: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      if (isBoundary(at - 1) && isBoundary(at + term.length)) found.push([at, at + term.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const result: [number, number][] = [];
  for (const span of found) {
    const last = result[result.length - 1];
    if (last === undefined || span[0] >= last[1]) result.push(span);
  }
  return result;
}

/**
 * At most SNIPPET_MAX characters of `text` around the first occurrence of
 * one of `terms`, with occurrences wrapped in «» while they fit.
 */
export function excerpt(text: string, terms: readonly string[]): string {
  const spans = occurrences(text, terms);
  const anchor = spans[0];
  // Room for two ellipses and one pair of highlight marks.
  const budget = SNIPPET_MAX - 2 - (anchor === undefined ? 0 : 2);
  let start = 0;
  let end = text.length;
  if (text.length > budget) {
    if (anchor !== undefined && anchor[0] > 40) {
      start = anchor[0] - 40;
      const space = text.indexOf(' ', start);
      if (space !== -1 && space < anchor[0] && space - start <= 15) start = space + 1;
    }
    end = Math.min(text.length, start + budget);
    if (anchor !== undefined && end < anchor[1]) end = anchor[1];
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start && end - space <= 20 && (anchor === undefined || space >= anchor[1])) end = space;
    }
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  let length = prefix.length + (end - start) + suffix.length;
  let out = '';
  let cursor = start;
  for (const [s, e] of spans) {
    if (s < start || e > end) continue;
    if (length + 2 > SNIPPET_MAX) break;
    out += `${text.slice(cursor, s)}${HIGHLIGHT_OPEN}${text.slice(s, e)}${HIGHLIGHT_CLOSE}`;
    cursor = e;
    length += 2;
  }
  out += text.slice(cursor, end);
  const snippet = `${prefix}${out.trim()}${suffix}`;
  // A single token longer than the budget (a long URL, say): cut it plainly.
  return snippet.length <= SNIPPET_MAX ? snippet : `${text.slice(0, SNIPPET_MAX - 1)}…`;
}
