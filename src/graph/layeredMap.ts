/**
 * @module graph/layeredMap
 * A read-only lookup made of a shared base map and the entries changed
 * since. A new version of a graph with a few talks or links replaced copies
 * only the changes, not a map of every talk: the version before keeps its
 * own lookup, untouched. Once the changes grow to a good share of the base,
 * they are folded into a new base, so lookups stay one or two map reads.
 */

/** What the store reads from its maps by key. */
export interface Lookup<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
}

/** A lookup that can also list its entries and count them (a Map, say): a layer's base. */
type BaseLookup<V> = Lookup<V> & Iterable<[string, V]> & { readonly size: number };

function isBase<V>(lookup: Lookup<V>): lookup is BaseLookup<V> {
  return Symbol.iterator in lookup && typeof (lookup as { size?: unknown }).size === 'number';
}

/** Changes folded into a new base once they are more than this share of it. */
const FOLD_SHARE = 8;

export class LayeredMap<V> implements Lookup<V> {
  private constructor(
    private readonly base: BaseLookup<V>,
    /** Changed entries; null marks a removed key. */
    private readonly top: ReadonlyMap<string, V | null>,
  ) {}

  static of<V>(lookup: Lookup<V>): LayeredMap<V> {
    if (lookup instanceof LayeredMap) return lookup;
    if (isBase(lookup)) return new LayeredMap(lookup, new Map());
    throw new TypeError('a layered map starts from a lookup that lists its entries and counts them');
  }

  get(key: string): V | undefined {
    const changed = this.top.get(key);
    if (changed !== undefined) return changed ?? undefined;
    return this.top.has(key) ? undefined : this.base.get(key);
  }

  has(key: string): boolean {
    return this.top.has(key) ? this.top.get(key) !== null : this.base.has(key);
  }

  /** A new lookup with these entries set (null: removed); this one stays as it was. */
  with(changes: Iterable<[string, V | null]>): LayeredMap<V> {
    const top = new Map(this.top);
    for (const [key, value] of changes) top.set(key, value);
    if (top.size * FOLD_SHARE < this.base.size) return new LayeredMap(this.base, top);
    const base = new Map(this.base);
    for (const [key, value] of top) {
      if (value === null) base.delete(key);
      else base.set(key, value);
    }
    return new LayeredMap(base, new Map());
  }
}
