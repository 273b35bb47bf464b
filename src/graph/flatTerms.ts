/**
 * @module graph/flatTerms
 * The term table of a search index once it is built: every term in one
 * string, sorted, with a few typed arrays beside it, where MiniSearch keeps a
 * radix tree of `Map`s (tens of MB at 10,000 posts, for about 80,000 terms).
 * It answers what MiniSearch asks of its tree while searching (a term, the
 * terms with a prefix, the terms within an edit distance) with the same terms
 * in the same order, so scores are summed in the same order and come out the
 * same to the last bit:
 * - the tree lists its terms in an order of its own (the order its branches
 *   were made in, newest first), kept here as each term's rank;
 * - a prefix's terms come in that order, and the terms within an edit
 *   distance in the reverse of it, as the tree's walks yield them;
 * - edit distances are computed as the tree computes them, one character of
 *   a term at a time, with the same bounded matrix.
 */

/** What a term holds: its postings in each field, by the field's id. */
export interface TermFields<P> {
  get(fieldId: number): P | undefined;
}

export class FlatTerms<P> {
  /**
   * @param text every term, sorted by UTF-16 code units, end to end
   * @param starts where each term starts in `text`, and after the last, where it ends
   * @param ranks each term's position in the order the tree listed them
   * @param fieldsOf what the term at a sorted position holds
   */
  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
    private readonly ranks: Uint32Array,
    private readonly fieldsOf: (at: number) => TermFields<P>,
  ) {}

  get size(): number {
    return this.ranks.length;
  }

  private term(at: number): string {
    return this.text.slice(this.starts[at], this.starts[at + 1]);
  }

  /** The term at `at` against `key`, by code units: negative, 0 or positive. */
  private compare(at: number, key: string): number {
    const start = this.starts[at] as number;
    const length = (this.starts[at + 1] as number) - start;
    const shorter = Math.min(length, key.length);
    for (let i = 0; i < shorter; i++) {
      const diff = this.text.charCodeAt(start + i) - key.charCodeAt(i);
      if (diff !== 0) return diff;
    }
    return length - key.length;
  }

  /** The first sorted position whose term is not below `key`. */
  private lowerBound(key: string, from = 0): number {
    let lo = from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when the term at `at` starts with `prefix`. */
  private startsWith(at: number, prefix: string): boolean {
    const start = this.starts[at] as number;
    if ((this.starts[at + 1] as number) - start < prefix.length) return false;
    return this.text.startsWith(prefix, start);
  }

  /** The first sorted position from `from` on whose term does not start with `prefix`. */
  private pastPrefix(prefix: string, from: number): number {
    let lo = from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.startsWith(mid, prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(term: string): number {
    const at = this.lowerBound(term);
    return at < this.size && this.compare(at, term) === 0 ? at : -1;
  }

  has(term: string): boolean {
    return this.find(term) !== -1;
  }

  get(term: string): TermFields<P> | undefined {
    const at = this.find(term);
    return at === -1 ? undefined : this.fieldsOf(at);
  }

  /** The terms starting with `prefix` (itself included), in the tree's order. */
  atPrefix(prefix: string): [string, TermFields<P>][] {
    const from = this.lowerBound(prefix);
    const found: number[] = [];
    for (let at = from; at < this.size && this.startsWith(at, prefix); at++) found.push(at);
    found.sort((a, b) => (this.ranks[a] as number) - (this.ranks[b] as number));
    return found.map((at) => [this.term(at), this.fieldsOf(at)]);
  }

  /**
   * The terms within `maxDistance` edits of `query`, with their distance, in
   * the order the tree's fuzzy walk yields them (the reverse of its listing
   * order). Each term's matrix rows are computed as the walk computes them
   * along the tree's edges, character by character, and the rows of a prefix
   * the term shares with the one before it are reused, as the walk reuses them.
   */
  fuzzyGet(query: string, maxDistance: number): Map<string, [TermFields<P>, number]> {
    const n = query.length + 1;
    const m = n + maxDistance;
    // The tree walk's matrix, kept byte for byte: rows past its end are never read back.
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
    for (let j = 0; j < n; ++j) matrix[j] = j;
    for (let i = 1; i < m; ++i) matrix[i * n] = i;
    const found: [number, number][] = [];
    let previous = '';
    let valid = 0;
    let at = 0;
    while (at < this.size) {
      const term = this.term(at);
      let shared = 0;
      const most = Math.min(valid, term.length, previous.length);
      while (shared < most && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      // The row whose prefix no longer fits, or -1 when the whole term was walked.
      let cut = -1;
      for (let i = shared + 1; i <= term.length; i++) {
        // The walk's matrix has no room for this row: nothing below it is ever found.
        if (i >= m) {
          cut = i;
          break;
        }
        const char = term[i - 1];
        const row = n * i;
        const prev = row - n;
        let minDistance = matrix[row] as number;
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; ++j) {
          const rpl = (matrix[prev + j] as number) + (char !== query[j] ? 1 : 0);
          const del = (matrix[prev + j + 1] as number) + 1;
          const ins = (matrix[row + j] as number) + 1;
          // Compared before it is stored, as the walk compares it: a byte keeps only its low 8 bits.
          const dist = Math.min(rpl, del, ins);
          matrix[row + j + 1] = dist;
          if (dist < minDistance) minDistance = dist;
        }
        if (minDistance > maxDistance) {
          cut = i;
          break;
        }
      }
      previous = term;
      if (cut === -1) {
        valid = term.length;
        const distance = matrix[n * term.length + n - 1] as number;
        if (distance <= maxDistance) found.push([at, distance]);
        at++;
      } else {
        // Every term sharing the prefix that failed fails with it.
        valid = cut - 1;
        at = this.pastPrefix(term.slice(0, cut), at + 1);
      }
    }
    found.sort((a, b) => (this.ranks[b[0]] as number) - (this.ranks[a[0]] as number));
    return new Map(found.map(([at, distance]) => [this.term(at), [this.fieldsOf(at), distance]]));
  }

  /** Every term and what it holds, in the tree's order. */
  *[Symbol.iterator](): IterableIterator<[string, TermFields<P>]> {
    const order = Array.from(this.ranks.keys()).sort(
      (a, b) => (this.ranks[a] as number) - (this.ranks[b] as number),
    );
    for (const at of order) yield [this.term(at), this.fieldsOf(at)];
  }
}
