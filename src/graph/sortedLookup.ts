/**
 * @module graph/sortedLookup
 * A read-only lookup of a list's items by a key of each: the items'
 * positions sorted by key, searched by halves. Four bytes an item, where a
 * `Map` takes about 36 and, grown one entry at a time, leaves as much again
 * to collect: at 10,000 posts the talks and links of a graph are 160,000
 * items, looked up on every page that names them.
 */
import type { Lookup } from './layeredMap.js';

export class SortedLookup<V> implements Lookup<V>, Iterable<[string, V]> {
  /** Positions of the items, by key and then position. */
  private readonly order: Uint32Array;
  /** How many distinct keys there are, as a Map of them would count. */
  readonly size: number;

  constructor(
    private readonly items: readonly V[],
    private readonly keyOf: (item: V) => string,
  ) {
    const key = (at: number) => keyOf(items[at] as V);
    this.order = Uint32Array.from({ length: items.length }, (_, i) => i);
    this.order.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    let size = 0;
    for (let i = 0; i < this.order.length; i++) {
      if (i === 0 || key(this.order[i] as number) !== key(this.order[i - 1] as number)) size++;
    }
    this.size = size;
  }

  private keyAt(i: number): string {
    return this.keyOf(this.items[this.order[i] as number] as V);
  }

  /** The item under `key`: of several, the last in the list, as a Map filled in order keeps. */
  get(key: string): V | undefined {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyAt(mid) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.keyAt(lo - 1) === key ? this.items[this.order[lo - 1] as number] : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Each key with its item, by key. */
  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (let i = 0; i < this.order.length; i++) {
      const key = this.keyAt(i);
      if (i + 1 < this.order.length && this.keyAt(i + 1) === key) continue;
      yield [key, this.items[this.order[i] as number] as V];
    }
  }
}
