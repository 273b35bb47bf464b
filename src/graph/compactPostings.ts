/**
 * @module graph/compactPostings
 * Keeps a MiniSearch index's postings compact. MiniSearch keeps, for each
 * term and field, a `Map` from document to term frequency: about 80 bytes a
 * posting, and a graph of 10,000 posts has millions of postings, so the
 * search index outweighed the graph itself. Here, while documents are added,
 * each term's postings in a field go into a plain array of numbers (one a
 * posting); once every document is in, all of them are packed into one
 * shared pair of typed arrays (4 bytes of document id and 2 or 4 of
 * frequency a posting), read through small read-only views. The graph never
 * changes after it is built, so nothing is added to the index later.
 *
 * Searching reads a posting list only through `size`, `keys()` and `get()`,
 * in the order the documents were added; the views answer those the same
 * way, so scores and their order are unchanged. The index's inner layout is
 * not MiniSearch's public API: when it is not the one expected, the index is
 * built as MiniSearch builds it.
 */
/** The read-only posting list that stands for MiniSearch's Map: the slice [start, start + size) of the shared arrays. */
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

/**
 * Postings while documents are added, one number each: the document id
 * times FREQUENCY_SPAN plus the frequency. Documents come in id order, so a
 * term seen again in the same document only raises the last frequency.
 */
class GrowingPostings {
  readonly packed: number[] = [];

  add(id: number): void {
    const last = this.packed.length - 1;
    const value = this.packed[last];
    if (value !== undefined && Math.floor(value / FREQUENCY_SPAN) === id) this.packed[last] = value + 1;
    else this.packed.push(id * FREQUENCY_SPAN + 1);
  }
}

/** Above any frequency a field can reach (files are far smaller), with ids up to 2^32 still exact. */
const FREQUENCY_SPAN = 2 ** 21;

/** The parts of a MiniSearch instance this module reads and replaces. */
interface IndexInternals {
  _index?: Iterable<[string, Map<number, unknown>]> & { fetch?: unknown };
  addTerm?: unknown;
}

/**
 * Adds documents to a MiniSearch index with `add` and packs the postings for
 * good; returns how many postings were packed (0 when the index does not
 * have the layout this expects, and was then built as MiniSearch builds it).
 */
export function buildCompact(index: object, add: () => void): number {
  const internals = index as IndexInternals;
  const terms = internals._index;
  if (terms === undefined || typeof terms.fetch !== 'function' || typeof internals.addTerm !== 'function') {
    add();
    return 0;
  }
  const fetch = (
    terms.fetch as (term: string, make: () => Map<number, unknown>) => Map<number, unknown>
  ).bind(terms);
  const newFields = () => new Map<number, unknown>();
  const ownAddTerm = (fieldId: number, documentId: number, term: string): void => {
    const fields = fetch(term, newFields);
    let postings = fields.get(fieldId) as GrowingPostings | undefined;
    if (postings === undefined) {
      postings = new GrowingPostings();
      fields.set(fieldId, postings);
    }
    postings.add(documentId);
  };
  Object.defineProperty(index, 'addTerm', { value: ownAddTerm, configurable: true, writable: true });
  try {
    add();
  } finally {
    // Back to MiniSearch's own method (on its prototype).
    delete (index as { addTerm?: unknown }).addTerm;
  }
  return pack(terms);
}

/** Packs every growing posting list into the shared arrays and puts a view in its place. */
function pack(terms: Iterable<[string, Map<number, unknown>]>): number {
  // Two passes: the first sizes the shared arrays, the second fills them and swaps each list for its view.
  let total = 0;
  let maxFreq = 0;
  for (const [, fields] of terms) {
    for (const postings of fields.values()) {
      if (!(postings instanceof GrowingPostings)) continue;
      total += postings.packed.length;
      for (const value of postings.packed) maxFreq = Math.max(maxFreq, value % FREQUENCY_SPAN);
    }
  }
  const ids = new Uint32Array(total);
  const freqs = maxFreq <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  let at = 0;
  for (const [, fields] of terms) {
    for (const [field, postings] of fields) {
      if (!(postings instanceof GrowingPostings)) continue;
      const start = at;
      for (const value of postings.packed) {
        ids[at] = Math.floor(value / FREQUENCY_SPAN);
        freqs[at] = value % FREQUENCY_SPAN;
        at++;
      }
      fields.set(field, new PostingView(ids, freqs, start, postings.packed.length));
    }
  }
  return total;
}
