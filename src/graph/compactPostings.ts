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
 * way, so scores and their order are unchanged. The per-document tables
 * (ids, field lengths) are flat too: documents are numbered 0, 1, 2, … in
 * the order they are added. The index's inner layout is
 * not MiniSearch's public API: when it is not the one expected, the index is
 * built as MiniSearch builds it.
 */
/** The read-only posting list that stands for MiniSearch's Map: the slice [start, start + size) of the shared arrays. */
class PostingView {
  /** Index of the key `keys()` handed out last, so `get` of that key needs no search. */
  private cursor = -1;

  /** Postings written so far by `fill`, while the index is built. */
  private filled = 0;

  constructor(
    private readonly ids: Uint32Array,
    private readonly freqs: Uint16Array | Uint32Array,
    private readonly start: number,
    readonly size: number,
  ) {}

  /** Records one occurrence of the term in a document; documents come in id order. */
  fill(id: number): void {
    const last = this.start + this.filled - 1;
    if (this.filled > 0 && this.ids[last] === id) (this.freqs[last] as number)++;
    else {
      const at = this.start + this.filled++;
      this.ids[at] = id;
      this.freqs[at] = 1;
    }
  }

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

/** A posting list while documents are counted: how many it will hold, and its largest frequency. */
class Tally {
  count = 0;
  maxFreq = 0;
  /** The document counted last and how often the term occurred in it so far. */
  last = -1;
  freq = 0;

  add(id: number): void {
    if (id === this.last) this.freq++;
    else {
      this.count++;
      this.last = id;
      this.freq = 1;
    }
    if (this.freq > this.maxFreq) this.maxFreq = this.freq;
  }
}

type Doc = Record<string, unknown>;

/** The parts of a MiniSearch instance this module reads and replaces. */
interface IndexInternals {
  _index?: Iterable<[string, Map<number, unknown>]> & { fetch?: unknown; get?: unknown };
  _idToShortId?: Map<unknown, number>;
  _fieldIds?: Record<string, number>;
  _options?: {
    fields: string[];
    idField: string;
    extractField: (doc: Doc, field: string) => unknown;
    stringifyField: (value: unknown, field: string) => string;
    tokenize: (text: string, field: string) => string[];
    processTerm: (term: string, field: string) => string | string[] | null | undefined | false;
  };
  addTerm?: unknown;
}

/** Every term of a document as MiniSearch's `add` reads it, with its field's id. */
function eachTerm(
  internals: Required<IndexInternals>,
  doc: Doc,
  visit: (fieldId: number, term: string) => void,
) {
  const { fields, extractField, stringifyField, tokenize, processTerm } = internals._options;
  for (const field of fields) {
    const value = extractField(doc, field);
    if (value == null) continue;
    const fieldId = internals._fieldIds[field] as number;
    for (const token of tokenize(stringifyField(value, field), field)) {
      const processed = processTerm(token, field);
      if (Array.isArray(processed)) for (const term of processed) visit(fieldId, term);
      else if (processed) visit(fieldId, processed);
    }
  }
}

/**
 * Adds documents to a MiniSearch index with their postings packed for good,
 * in two passes over `documents`: MiniSearch adds each document while its
 * postings are only counted, then each term is read again into its place in
 * the shared arrays, so no posting is ever held in a Map or a growing array.
 * Returns how many postings were packed (0 when the index does not have the
 * layout this expects, and was then built as MiniSearch builds it).
 */
export function buildCompact(index: object, documents: () => Iterable<Doc>): number {
  const internals = index as IndexInternals;
  const terms = internals._index;
  if (
    terms === undefined ||
    typeof terms.fetch !== 'function' ||
    typeof terms.get !== 'function' ||
    typeof internals.addTerm !== 'function' ||
    !(internals._idToShortId instanceof Map) ||
    internals._idToShortId.size > 0 ||
    internals._fieldIds === undefined ||
    internals._options === undefined
  ) {
    const add = (index as { add: (doc: Doc) => void }).add.bind(index);
    for (const doc of documents()) add(doc);
    return 0;
  }
  const fetch = (
    terms.fetch as (term: string, make: () => Map<number, unknown>) => Map<number, unknown>
  ).bind(terms);
  const newFields = () => new Map<number, unknown>();
  const count = (fieldId: number, documentId: number, term: string): void => {
    const fields = fetch(term, newFields);
    let tally = fields.get(fieldId) as Tally | undefined;
    if (tally === undefined) {
      tally = new Tally();
      fields.set(fieldId, tally);
    }
    tally.add(documentId);
  };
  Object.defineProperty(index, 'addTerm', { value: count, configurable: true, writable: true });
  // Documents are numbered 0, 1, 2, … as MiniSearch numbers them: its per-document Maps need not be Maps.
  Object.assign(index, {
    _documentIds: new Identity(),
    _idToShortId: new Identity(),
    _fieldLength: new FieldLengths(Object.keys(internals._fieldIds).length),
  });
  try {
    const add = (index as { add: (doc: Doc) => void }).add.bind(index);
    for (const doc of documents()) add(doc);
  } finally {
    // Back to MiniSearch's own method (on its prototype).
    Reflect.deleteProperty(index, 'addTerm');
  }

  // Each list's place in the shared arrays.
  let total = 0;
  let maxFreq = 0;
  for (const [, fields] of terms) {
    for (const tally of fields.values()) {
      if (!(tally instanceof Tally)) continue;
      total += tally.count;
      maxFreq = Math.max(maxFreq, tally.maxFreq);
    }
  }
  const ids = new Uint32Array(total);
  const freqs = maxFreq <= 0xffff ? new Uint16Array(total) : new Uint32Array(total);
  let at = 0;
  for (const [, fields] of terms) {
    for (const [field, tally] of fields) {
      if (!(tally instanceof Tally)) continue;
      fields.set(field, new PostingView(ids, freqs, at, tally.count));
      at += tally.count;
    }
  }
  // Second pass: the postings into their places, in document order as MiniSearch would add them.
  const full = internals as Required<IndexInternals>;
  const get = (terms.get as (term: string) => Map<number, PostingView> | undefined).bind(terms);
  const idField = full._options.idField;
  for (const doc of documents()) {
    const shortId = full._idToShortId.get(full._options.extractField(doc, idField)) as number;
    eachTerm(full, doc, (fieldId, term) => get(term)?.get(fieldId)?.fill(shortId));
  }
  return total;
}

/**
 * Numbers 0 … size-1, each standing for itself: the document tables
 * (document id by number and back) of an index whose ids are the order its
 * documents were added in, which is how MiniSearch numbers them too.
 */
class Identity {
  size = 0;
  has(key: unknown): boolean {
    return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < this.size;
  }
  get(key: unknown): number | undefined {
    return this.has(key) ? (key as number) : undefined;
  }
  /** Documents are added as 0, 1, 2, …: anything else is a caller's mistake, refused. */
  set(key: unknown, value: unknown): this {
    if (key !== this.size || value !== key) throw new Error(`search document ${String(key)} is out of order`);
    this.size++;
    return this;
  }
  *keys(): IterableIterator<number> {
    for (let i = 0; i < this.size; i++) yield i;
  }
  values(): IterableIterator<number> {
    return this.keys();
  }
  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.size; i++) yield [i, i];
  }
  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
  forEach(visit: (value: number, key: number) => void): void {
    for (let i = 0; i < this.size; i++) visit(i, i);
  }
}

/**
 * Each document's field lengths as one row of a flat array (a Map of arrays
 * costs about 1 KB a document). MiniSearch writes a document's lengths into
 * the row `get` hands it while the document is added, and reads them back
 * only for fields in which a term was found, so a row is never missing.
 */
class FieldLengths {
  private rows = new Uint32Array(0);
  size = 0;
  constructor(private readonly width: number) {}

  get(id: number): Uint32Array | undefined {
    if (!Number.isInteger(id) || id < 0) return undefined;
    if (id >= this.size) this.grow(id + 1);
    return this.rows.subarray(id * this.width, (id + 1) * this.width);
  }
  has(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < this.size;
  }
  private grow(size: number): void {
    if (size * this.width > this.rows.length) {
      const rows = new Uint32Array(Math.max(size * this.width, this.rows.length * 2));
      rows.set(this.rows);
      this.rows = rows;
    }
    this.size = size;
  }
}
