/**
 * @module graph/hashedLookup
 * A read-only lookup of a list's items by a key of each: an open-addressed
 * hash table of the items' positions, one 32-bit slot each and at least
 * half of them empty. A `Map` takes about 36 bytes an entry and, filled one
 * entry at a time, leaves as much again to collect: at 10,000 posts the
 * talks and links of a graph are 160,000 items, looked up on every page
 * that names them, so the table is about 1.5 MB where the Maps were about
 * 5, and a lookup is one hash of the key and a probe or two.
 */
import type { Lookup } from './layeredMap.js';

/** FNV-1a over the key's UTF-16 code units. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class HashedLookup<V> implements Lookup<V>, Iterable<[string, V]> {
  /** Each slot: the position of an item plus one, or 0 when empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** How many distinct keys there are, as a Map of them would count. */
  readonly size: number;

  constructor(
    private readonly items: readonly V[],
    private readonly keyOf: (item: V) => string,
  ) {
    let capacity = 8;
    while (capacity < items.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    let size = 0;
    for (let at = 0; at < items.length; at++) {
      const slot = this.slotOf(keyOf(items[at] as V));
      if (this.slots[slot] === 0) size++;
      // A repeated key takes the later item, as a Map filled in order keeps it.
      this.slots[slot] = at + 1;
    }
    this.size = size;
  }

  /** The slot that holds `key`, or the empty one where it would go. */
  private slotOf(key: string): number {
    let slot = hash(key) & this.mask;
    for (;;) {
      const held = this.slots[slot] as number;
      if (held === 0 || this.keyOf(this.items[held - 1] as V) === key) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  get(key: string): V | undefined {
    const held = this.slots[this.slotOf(key)] as number;
    return held === 0 ? undefined : this.items[held - 1];
  }

  has(key: string): boolean {
    return this.slots[this.slotOf(key)] !== 0;
  }

  /** Each key with its item, in the order of the list (a repeated key where its last item is). */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (let at = 0; at < this.items.length; at++) {
      const item = this.items[at] as V;
      const key = this.keyOf(item);
      if (this.slots[this.slotOf(key)] === at + 1) yield [key, item];
    }
  }
}
