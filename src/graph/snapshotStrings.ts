/**
 * @module graph/snapshotStrings
 * The string table of a snapshot. A graph repeats its strings many times
 * over (every evidence line names its file, every mention its talk and tool,
 * every citation its URL); the indexer shares one string between them, but
 * MessagePack writes and reads each occurrence anew, so a replica would hold
 * each of them again. Instead every distinct string is written once, in a
 * table ahead of the data, and the data refers to it by number: a replica
 * reads each string once, and every entity that names it shares it, as in
 * the indexer's own graph.
 */
import { addExtension } from 'msgpackr';

/** A reference to the string table, as written in the data. */
class StringRef {
  constructor(readonly index: number) {}
}

/** The table strings are read against while a block of data is decoded (decoding is synchronous). */
let reading: readonly string[] | null = null;

addExtension({
  Class: StringRef,
  // 't': an application type code (0–127); only snapshots are read with it.
  type: 0x74,
  write: (ref: StringRef) => ref.index,
  read: (index: number) => {
    const value = reading?.[index];
    if (value === undefined) throw new Error(`string ${index} is not in the snapshot's table`);
    return value;
  },
});

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** FNV-1a over a string's UTF-16 code units, mixed at the end. */
function hashOf(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Collects the distinct strings of the data as it is written and numbers them.
 *
 * The numbers are found through a hash table of positions in a typed array,
 * not a `Map`: a graph of 10,000 posts has some 750,000 distinct strings, and
 * a `Map` of them took about 35 MB while the graph was written (more while
 * it grew), on top of the graph itself. The table takes 4 bytes a slot,
 * outside the heap, at most half of them used.
 */
export class StringTable {
  readonly strings: string[] = [];
  /** Open addressing with linear probing: each slot is a string's number, or -1. */
  private slots = new Int32Array(1 << 12).fill(-1);

  /** The number of `value` in the table, given one when it is new. */
  private numberOf(value: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(value) & mask; ; slot = (slot + 1) & mask) {
      const at = this.slots[slot] as number;
      if (at === -1) {
        const n = this.strings.push(value) - 1;
        this.slots[slot] = n;
        if (this.strings.length * 2 > this.slots.length) this.grow();
        return n;
      }
      if (this.strings[at] === value) return at;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.strings.forEach((value, n) => {
      let slot = hashOf(value) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = n;
    });
    this.slots = slots;
  }

  /**
   * A copy of `value` whose strings (in arrays and plain objects, the graph's
   * own shapes) are references to this table; property names and anything
   * else (dates in front matter) are left for MessagePack to write as they are.
   */
  refs(value: unknown): unknown {
    if (typeof value === 'string') return new StringRef(this.numberOf(value));
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => this.refs(item));
    if (!isPlainObject(value)) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = this.refs(value[key]);
    return out;
  }
}

/** Runs `decode` with string references read against `strings`. */
export function withStrings<T>(strings: readonly string[], decode: () => T): T {
  reading = strings;
  try {
    return decode();
  } finally {
    reading = null;
  }
}
