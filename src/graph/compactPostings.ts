/**
 * @module graph/compactPostings
 * Packs a built MiniSearch index's postings into typed arrays. MiniSearch
 * keeps, for each term and field, a `Map` from document to term frequency:
 * about 80 bytes a posting, and a graph of 10,000 posts has millions of
 * postings, so the search index outweighed the graph itself. The graph never
 * changes after it is built, so nothing is added to the index later: each of
 * those maps becomes a read-only view over one shared pair of arrays (4 bytes
 * of document id and 2 or 4 of frequency a posting).
 *
 * Searching reads a posting list only through `size`, `keys()` and `get()`,
 * in the order the documents were added; the views answer those the same
 * way, so scores and their order are unchanged. The index's inner layout is
 * not MiniSearch's public API: when it is not the one expected, the index is
 * left as it is.
 */

/** A term's documents in one field and how often the term occurs in each. */
type Postings = Map<number, number>;
/** A term's posting lists by field id. */
type FieldPostings = Map<number, Postings>;

/** The read-only posting list that replaces a Map: the slice [start, start + size) of the shared arrays. */
class PostingView {
  /** Index of the key `keys()` handed out last, so `get` of that key needs no search. */
  private cursor = -1;

  constructor(
    private readonly ids: Uint32Array,
    private readonly freqs: Uint16Array | Uint32Array,
    private readonly start: number,
    readonly size: number,
  ) {}

  keys(): IterableIterator<number> {
    const view = this;
    const end = this.start + this.size;
    let i = this.start;
    return {
      [Symbol.iterator]() {
        return this;
      },
      next(): IteratorResult<number> {
        if (i >= end) return { done: true, value: undefined };
        view.cursor = i;
        return { done: false, value: view.ids[i++] as number };
      },
    };
  }

  get(id: number): number | undefined {
    if (this.ids[this.cursor] === id && this.cursor >= this.start) return this.freqs[this.cursor];
    // Ids ascend within a list: binary search.
    let lo = this.start;
    let hi = this.start + this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.ids[mid] as number;
      if (at === id) return this.freqs[mid];
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
}

/** The parts of a MiniSearch instance this module reads: its term index (a radix tree iterable as entries). */
interface IndexInternals {
  _index?: Iterable<[string, FieldPostings]>;
}

function isFieldPostings(value: unknown): value is FieldPostings {
  return value instanceof Map;
}

/** Ascending ids, as documents are added in order; a list that is not is left as a Map. */
function ascending(postings: Postings): boolean {
  let last = -1;
  for (const id of postings.keys()) {
    if (typeof id !== 'number' || id <= last || id > 0xffffffff) return false;
    last = id;
  }
  return true;
}

/**
 * Replaces every posting list of a built, never-again-modified MiniSearch
 * index with a compact view; returns how many postings were packed (0 when
 * the index does not have the layout this expects).
 */
export function compactPostings(index: object): number {
  const terms = (index as IndexInternals)._index;
  if (terms === undefined || typeof terms[Symbol.iterator] !== 'function') return 0;
  // Two passes: the first sizes the shared arrays, the second fills them and swaps each Map for its view.
  let total = 0;
  let maxFreq = 0;
  for (const [, fields] of terms) {
    if (!isFieldPostings(fields)) return 0;
    for (const postings of fields.values()) {
      if (!(postings instanceof Map) || !ascending(postings)) continue;
      total += postings.size;
      for (const freq of postings.values()) if (freq > maxFreq) maxFreq = freq;
    }
  }
  const ids = new Uint32Array(total);
  const freqs = maxFreq <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  let at = 0;
  for (const [, fields] of terms) {
    for (const [field, postings] of fields) {
      if (!(postings instanceof Map) || !ascending(postings)) continue;
      const start = at;
      for (const [id, freq] of postings) {
        ids[at] = id;
        freqs[at] = freq;
        at++;
      }
      // Searching needs only what the view answers; the type says Map for MiniSearch's sake.
      fields.set(field, new PostingView(ids, freqs, start, postings.size) as unknown as Postings);
    }
  }
  return total;
}
