/**
 * @module graph/snapshotSearch
 * A packed search index in a snapshot: a small head (counts, field lengths'
 * averages, the terms) and then each typed array as a block of raw bytes, in
 * this machine's byte order (a snapshot is served where it was built, or on
 * a machine like it). A reader reads each array straight into memory of its
 * own, so the index is never held twice, once in the file's read buffer and
 * once decoded.
 */
import type { PackedIndex } from './compactPostings.js';

/** The typed arrays of a packed index, in the order they are written, and whether each is of 32-bit numbers. */
const ARRAYS = {
  fieldLengths: true,
  starts: true,
  ranks: true,
  firstPair: true,
  pairField: false,
  pairStart: true,
  pairSize: true,
  postings: false,
} as const;
type ArrayKey = keyof typeof ARRAYS;
const KEYS = Object.keys(ARRAYS) as ArrayKey[];

/** What is written ahead of the arrays. */
export interface SearchHead {
  documentCount: number;
  avgFieldLength: number[];
  terms: string;
}

/** The head of a packed index and its arrays as bytes, in the order they are written. */
export function searchBlocks(packed: PackedIndex): { head: SearchHead; arrays: Uint8Array[] } {
  const { documentCount, avgFieldLength, terms } = packed;
  const arrays = KEYS.map((key) => {
    const array = packed[key];
    return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  });
  return { head: { documentCount, avgFieldLength, terms }, arrays };
}

/** Reads the arrays that follow a head, one block each. */
export class SearchReader {
  private readonly arrays: Partial<Record<ArrayKey, Uint8Array | Uint32Array>> = {};
  private next = 0;

  constructor(private readonly head: SearchHead) {}

  /** True while arrays are still to come: the next block is one of them. */
  get pending(): boolean {
    return this.next < KEYS.length;
  }

  /** One array's bytes; kept as they are when they are a whole buffer of their own, else copied. */
  add(bytes: Uint8Array): void {
    const key = KEYS[this.next++] as ArrayKey;
    const own =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    if (ARRAYS[key] && own.byteLength % 4 !== 0) throw new Error(`the search index's ${key} is cut short`);
    this.arrays[key] = ARRAYS[key]
      ? new Uint32Array(own.buffer, 0, own.byteLength / 4)
      : new Uint8Array(own.buffer);
  }

  finish(): PackedIndex {
    if (this.pending) throw new Error('the search index is cut short');
    return { ...this.head, ...this.arrays } as PackedIndex;
  }
}
