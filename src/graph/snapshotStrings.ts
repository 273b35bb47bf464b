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

/** Collects the distinct strings of the data as it is written and numbers them. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /**
   * A copy of `value` whose strings (in arrays and plain objects, the graph's
   * own shapes) are references to this table; property names and anything
   * else (dates in front matter) are left for MessagePack to write as they are.
   */
  refs(value: unknown): unknown {
    if (typeof value === 'string') {
      let at = this.index.get(value);
      if (at === undefined) {
        at = this.strings.length;
        this.strings.push(value);
        this.index.set(value, at);
      }
      return new StringRef(at);
    }
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
