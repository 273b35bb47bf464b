/**
 * @module graph/compactPostings
 * Keeps a MiniSearch index's postings compact. MiniSearch keeps, for each
 * term and field, a `Map` from document to term frequency: about 80 bytes a
 * posting, and a graph of 10,000 posts has millions of postings, so the
 * search index outweighed the graph itself. Here, while documents are added,
 * each term's postings in a field are only counted (how many, and how many
 * bytes they will take); once every document is in, a second pass writes them
 * into one shared byte array, each posting as the gap from the document
 * before and the term's frequency (varints: two or three bytes a posting),
 * read through small read-only views. MiniSearch's radix tree of terms is
 * then replaced by a flat sorted table (`flatTerms.ts`). The graph never
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
import { FlatTerms } from './flatTerms.js';
import { PostingView, varintLength, Writer } from './postingBytes.js';

/** A posting list while documents are counted: how many it will hold, and how many bytes. */
class Tally {
  count = 0;
  bytes = 0;
  /** The document counted last and how often the term occurred in it so far. */
  last = -1;
  freq = 0;
  /** The list's place among all term lists, once they are laid out. */
  pair = -1;

  add(id: number): void {
    if (id === this.last) {
      this.freq++;
      // A frequency takes one more byte at each power of 128.
      if (varintLength(this.freq) > varintLength(this.freq - 1)) this.bytes++;
    } else {
      this.count++;
      this.bytes += varintLength(id - Math.max(this.last, 0)) + 1;
      this.last = id;
      this.freq = 1;
    }
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
  // Counted in a Map while documents are added: a term met again is one hash lookup, where the tree
  // walked its branches for every occurrence. The tree is then made from the distinct terms in the
  // order they were first met, the order its own additions would have made it in, so it lists them
  // as it would have (the order `FlatTerms` keeps as ranks).
  const counted = new Map<string, Map<number, unknown>>();
  const count = (fieldId: number, documentId: number, term: string): void => {
    let fields = counted.get(term);
    if (fields === undefined) {
      fields = new Map<number, unknown>();
      counted.set(term, fields);
    }
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
  const fetch = (
    terms.fetch as (term: string, make: () => Map<number, unknown>) => Map<number, unknown>
  ).bind(terms);
  for (const [term, fields] of counted) fetch(term, () => fields);

  // The terms as the tree lists them, then sorted: each term's lists are laid out in sorted order.
  const listed: string[] = [];
  const fieldsOf: Map<number, unknown>[] = [];
  for (const [term, fields] of terms) {
    listed.push(term);
    fieldsOf.push(fields);
  }
  const order = Array.from(listed.keys()).sort((a, b) => {
    const x = listed[a] as string;
    const y = listed[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  let pairs = 0;
  let total = 0;
  let size = 0;
  for (const fields of fieldsOf) {
    for (const tally of fields.values()) {
      if (!(tally instanceof Tally)) continue;
      pairs++;
      total += tally.count;
      size += tally.bytes;
    }
  }
  const text: string[] = [];
  const starts = new Uint32Array(order.length + 1);
  const ranks = new Uint32Array(order.length);
  const firstPair = new Uint32Array(order.length + 1);
  const pairField = new Uint8Array(pairs);
  const pairSize = new Uint32Array(pairs);
  const pairStart = new Uint32Array(pairs + 1);
  let chars = 0;
  let pair = 0;
  for (let at = 0; at < order.length; at++) {
    const rank = order[at] as number;
    const term = listed[rank] as string;
    text.push(term);
    starts[at] = chars;
    chars += term.length;
    ranks[at] = rank;
    firstPair[at] = pair;
    const fields = fieldsOf[rank] as Map<number, unknown>;
    for (const field of [...fields.keys()].sort((a, b) => a - b)) {
      const tally = fields.get(field);
      if (!(tally instanceof Tally)) continue;
      pairField[pair] = field;
      pairSize[pair] = tally.count;
      pairStart[pair + 1] = (pairStart[pair] as number) + tally.bytes;
      tally.pair = pair++;
    }
  }
  starts[order.length] = chars;
  firstPair[order.length] = pair;
  const bytes = new Uint8Array(size);
  // Second pass: the postings into their places, in document order as MiniSearch would add them.
  const writer = new Writer(bytes, pairStart);
  const full = internals as Required<IndexInternals>;
  const idField = full._options.idField;
  for (const doc of documents()) {
    const shortId = full._idToShortId.get(full._options.extractField(doc, idField)) as number;
    eachTerm(full, doc, (fieldId, term) => {
      const tally = counted.get(term)?.get(fieldId) as Tally | undefined;
      if (tally !== undefined) writer.add(tally.pair, shortId);
    });
  }
  writer.finish();
  const fieldLengths = (internals as { _fieldLength: FieldLengths })._fieldLength;
  install(index, {
    documentCount: (internals as { _documentCount: number })._documentCount,
    avgFieldLength: [...(internals as { _avgFieldLength: number[] })._avgFieldLength],
    fieldLengths: fieldLengths.rowsInUse(),
    terms: text.join(''),
    starts,
    ranks,
    firstPair,
    pairField,
    pairStart,
    pairSize,
    postings: bytes,
  });
  return total;
}

/**
 * A packed index as data: what `buildCompact` made, to be written out (in a
 * snapshot) and put back into a new MiniSearch instance with the same
 * options by `restoreCompact`, without adding any document again.
 */
export interface PackedIndex {
  documentCount: number;
  avgFieldLength: number[];
  /** Each document's field lengths, one row of one number per field. */
  fieldLengths: Uint32Array;
  /** The terms, sorted, end to end; `starts` says where each begins (and the last ends). */
  terms: string;
  starts: Uint32Array;
  ranks: Uint32Array;
  /** Each term's first posting list; a list is a field, how many postings and where its bytes start. */
  firstPair: Uint32Array;
  pairField: Uint8Array;
  pairStart: Uint32Array;
  pairSize: Uint32Array;
  postings: Uint8Array;
}

const packedOf = new WeakMap<object, PackedIndex>();

/** The tree goes: the flat table answers for it from now on. */
function install(index: object, packed: PackedIndex): void {
  const width = Object.keys((index as IndexInternals)._fieldIds ?? {}).length;
  const lists = termLists(
    packed.postings,
    packed.firstPair,
    packed.pairField,
    packed.pairStart,
    packed.pairSize,
  );
  Object.assign(index, {
    _index: new FlatTerms(packed.terms, packed.starts, packed.ranks, lists),
    // The rows at their length, where the ones grown while adding kept room for more.
    _fieldLength: FieldLengths.of(packed.fieldLengths, width),
  });
  packedOf.set(index, packed);
}

/** The packed form of an index `buildCompact` packed; undefined for one it built as MiniSearch does. */
export function packedIndex(index: object): PackedIndex | undefined {
  return packedOf.get(index);
}

/** Puts a packed index into a MiniSearch instance made with the options it was built with and no documents. */
export function restoreCompact(index: object, packed: PackedIndex): void {
  const internals = index as IndexInternals;
  const width = Object.keys(internals._fieldIds ?? {}).length;
  if (width === 0 || packed.fieldLengths.length !== packed.documentCount * width) {
    throw new Error('the packed search index does not fit this index');
  }
  const ids = new Identity();
  ids.size = packed.documentCount;
  Object.assign(index, {
    _documentIds: ids,
    _idToShortId: ids,
    _documentCount: packed.documentCount,
    _nextId: packed.documentCount,
    _avgFieldLength: [...packed.avgFieldLength],
  });
  install(index, packed);
}

/**
 * What the term at each sorted position holds: its posting list in a field.
 * A function of its own, so the closure keeps only the flat arrays and not
 * the tree that the build's other closures see.
 */
function termLists(
  bytes: Uint8Array,
  firstPair: Uint32Array,
  pairField: Uint8Array,
  pairStart: Uint32Array,
  pairSize: Uint32Array,
): (at: number) => { get(fieldId: number): PostingView | undefined } {
  return (at) => ({
    get(fieldId: number): PostingView | undefined {
      for (let p = firstPair[at] as number; p < (firstPair[at + 1] as number); p++) {
        if (pairField[p] === fieldId)
          return new PostingView(bytes, pairStart[p] as number, pairSize[p] as number);
      }
      return undefined;
    },
  });
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
  private rows: Uint32Array = new Uint32Array(0);
  size = 0;
  constructor(private readonly width: number) {}

  /** The lengths of `rows.length / width` documents, as `rowsInUse` gave them. */
  static of(rows: Uint32Array, width: number): FieldLengths {
    const lengths = new FieldLengths(width);
    lengths.rows = rows;
    lengths.size = rows.length / width;
    return lengths;
  }

  /** The rows of every document, and no room beyond them. */
  rowsInUse(): Uint32Array {
    return this.rows.slice(0, this.size * this.width);
  }

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
