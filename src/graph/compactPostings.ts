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

/**
 * The posting lists while documents are counted, a row for each term's list in a field: how many
 * postings it will hold and how many bytes, in typed arrays. At 10,000 posts an object for each of
 * some 90,000 lists and a `Map` for each of 80,000 terms held about 18 MB until the build ended.
 */
class Tallies {
  /** Each term's number, in the order the terms were first met. */
  readonly terms = new Map<string, number>();
  rows = 0;
  /** Per term: its last row, each row pointing to the term's row before it (-1 for none). */
  private lastRow = new Int32Array(1024);
  private before = new Int32Array(1024);
  /** Per row: its field's id, how many postings and bytes, the document counted last and how often the term occurred in it so far. */
  field = new Uint8Array(1024);
  count = new Int32Array(1024);
  bytes = new Int32Array(1024);
  private last = new Int32Array(1024);
  private freq = new Int32Array(1024);

  add(fieldId: number, id: number, term: string): void {
    let t = this.terms.get(term);
    if (t === undefined) {
      t = this.terms.size;
      this.terms.set(term, t);
      if (t === this.lastRow.length) this.lastRow = grown(this.lastRow);
      this.lastRow[t] = -1;
    }
    let row = this.row(t, fieldId);
    if (row === -1) row = this.newRow(t, fieldId);
    const last = this.last[row] as number;
    if (id === last) {
      const freq = (this.freq[row] as number) + 1;
      this.freq[row] = freq;
      // A frequency takes one more byte at each power of 128.
      if (varintLength(freq) > varintLength(freq - 1)) this.bytes[row] = (this.bytes[row] as number) + 1;
    } else {
      this.count[row] = (this.count[row] as number) + 1;
      this.bytes[row] = (this.bytes[row] as number) + varintLength(id - Math.max(last, 0)) + 1;
      this.last[row] = id;
      this.freq[row] = 1;
    }
  }

  /** The row of term `t`'s list in a field, or -1. */
  row(t: number, fieldId: number): number {
    for (let row = this.lastRow[t] as number; row !== -1; row = this.before[row] as number) {
      if (this.field[row] === fieldId) return row;
    }
    return -1;
  }

  /** The rows of term `t`, by field id. */
  rowsOf(t: number): number[] {
    const rows: number[] = [];
    for (let row = this.lastRow[t] as number; row !== -1; row = this.before[row] as number) rows.push(row);
    return rows.sort((x, y) => (this.field[x] as number) - (this.field[y] as number));
  }

  private newRow(t: number, fieldId: number): number {
    const row = this.rows++;
    if (row === this.field.length) {
      this.before = grown(this.before);
      this.field = grown(this.field);
      this.count = grown(this.count);
      this.bytes = grown(this.bytes);
      this.last = grown(this.last);
      this.freq = grown(this.freq);
    }
    this.field[row] = fieldId;
    this.last[row] = -1;
    this.before[row] = this.lastRow[t] as number;
    this.lastRow[t] = row;
    return row;
  }
}

function grown<T extends Int32Array | Uint8Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

type Doc = Record<string, unknown>;

/** The parts of a MiniSearch instance this module reads and replaces. */
interface IndexInternals {
  _index?: Iterable<[string, Map<number, unknown>]> & { set?: unknown; get?: unknown };
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

/** MiniSearch's radix tree of terms (`SearchableMap`), as far as `treeOrder` uses it. */
export interface TermTree {
  set(term: string, value: number): unknown;
  values(): Iterable<number>;
}

/**
 * The order in which MiniSearch's radix tree lists `terms` (by their positions in it) when they are
 * added to it in that order, found one first character at a time, so that no more than one
 * character's branch of the tree is held at once: the whole tree of a 10,000-post graph's 80,000
 * terms is some 20 MB of `Map`s.
 *
 * Each branch under the root holds the terms of one first character, and is made only by adding
 * those terms, so each is listed as a tree of those terms alone lists it. The tree lists a node's
 * branches newest first; a root branch is made anew (its key cut short, the branch moved to the end
 * of the root's keys) when a term shares only part of its key, so the branches are listed by when
 * that last happened, latest first.
 */
export function treeOrder(terms: readonly string[], makeTree: () => TermTree): number[] {
  const byFirst = new Map<string, number[]>();
  const rootKey = new Map<string, string>();
  const madeAt = new Map<string, number>();
  terms.forEach((term, i) => {
    // The empty term is held at the root itself, listed where it was first added.
    const first = term.length === 0 ? '' : (term[0] as string);
    const group = byFirst.get(first);
    if (group === undefined) byFirst.set(first, [i]);
    else group.push(i);
    const key = rootKey.get(first);
    if (key === undefined) {
      rootKey.set(first, term);
      madeAt.set(first, i);
      return;
    }
    if (first === '') return;
    const shorter = Math.min(term.length, key.length);
    let shared = 1;
    while (shared < shorter && term[shared] === key[shared]) shared++;
    if (shared < key.length) {
      rootKey.set(first, key.slice(0, shared));
      madeAt.set(first, i);
    }
  });
  const order: number[] = [];
  for (const [first] of [...madeAt].sort((a, b) => b[1] - a[1])) {
    const tree = makeTree();
    for (const i of byFirst.get(first) as number[]) tree.set(terms[i] as string, i);
    for (const i of tree.values()) order.push(i);
  }
  return order;
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
    typeof terms.set !== 'function' ||
    typeof internals.addTerm !== 'function' ||
    !(internals._idToShortId instanceof Map) ||
    internals._idToShortId.size > 0 ||
    internals._fieldIds === undefined ||
    // A field's id is kept in a byte.
    Object.keys(internals._fieldIds).length > 256 ||
    internals._options === undefined
  ) {
    const add = (index as { add: (doc: Doc) => void }).add.bind(index);
    for (const doc of documents()) add(doc);
    return 0;
  }
  // Counted while documents are added (`Tallies`): a term met again is one hash lookup, where the
  // tree walked its branches for every occurrence. The order the tree would list the terms in (kept by
  // `FlatTerms` as ranks) is then found from the distinct terms in the order they were first met,
  // the order its own additions would have made it in (`treeOrder`).
  const tallies = new Tallies();
  const count = (fieldId: number, documentId: number, term: string): void =>
    tallies.add(fieldId, documentId, term);
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
  const firstMet = [...tallies.terms.keys()];
  const makeTree = terms.constructor as new () => TermTree;
  // Term numbers in the tree's order: a term's rank is its place here.
  const listed = treeOrder(firstMet, () => new makeTree());
  // Then sorted: each term's lists are laid out in sorted order.
  const order = Array.from(listed.keys()).sort((a, b) => {
    const x = firstMet[listed[a] as number] as string;
    const y = firstMet[listed[b] as number] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const pairs = tallies.rows;
  let total = 0;
  let size = 0;
  for (let row = 0; row < pairs; row++) {
    total += tallies.count[row] as number;
    size += tallies.bytes[row] as number;
  }
  const text: string[] = [];
  const starts = new Uint32Array(order.length + 1);
  const ranks = new Uint32Array(order.length);
  const firstPair = new Uint32Array(order.length + 1);
  const pairField = new Uint8Array(pairs);
  const pairSize = new Uint32Array(pairs);
  const pairStart = new Uint32Array(pairs + 1);
  /** Each row's list's place among all term lists, once they are laid out. */
  const pairOf = new Int32Array(pairs);
  let chars = 0;
  let pair = 0;
  for (let at = 0; at < order.length; at++) {
    const rank = order[at] as number;
    const t = listed[rank] as number;
    const term = firstMet[t] as string;
    text.push(term);
    starts[at] = chars;
    chars += term.length;
    ranks[at] = rank;
    firstPair[at] = pair;
    for (const row of tallies.rowsOf(t)) {
      pairField[pair] = tallies.field[row] as number;
      pairSize[pair] = tallies.count[row] as number;
      pairStart[pair + 1] = (pairStart[pair] as number) + (tallies.bytes[row] as number);
      pairOf[row] = pair++;
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
      const t = tallies.terms.get(term);
      const row = t === undefined ? -1 : tallies.row(t, fieldId);
      if (row !== -1) writer.add(pairOf[row] as number, shortId);
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
