/**
 * @module schema/listCaps
 * Every plain (unpaged) list whose length depends on the content is cut at
 * `first`: a default above any list real notes have (the longest in the
 * nine-author corpus: 35 topics and 27 tools of one talk, 16 links of one
 * conference, 12 evidence lines of one mention) and a maximum. The query cost
 * (`schema/complexity`) counts each list at its `first`, or at the longest of
 * its kind in the served graph when that is shorter, so thirty aliases of a
 * talk with 100,000 links cost and return at most thirty cut lists.
 */
import type { ArgBuilder } from '@pothos/core';
import type DataLoader from 'dataloader';
import { intArg } from './args.js';
import type { Types } from './builder.js';
import { type CappedList, LIST_CAPS, type ListCap } from './listCapTable.js';

/** The `first` argument of a capped list, its default and maximum in its description. */
export function firstArg(arg: ArgBuilder<Types>, list: CappedList) {
  const cap: ListCap = LIST_CAPS[list];
  return arg.int({
    required: false,
    defaultValue: cap.default,
    description: `How many: 0 to ${cap.max}, default ${cap.default}.`,
  });
}

/** How many items `first` asks for (its default when absent); a value out of range is the client's error. */
export function capOf(list: CappedList, first: number | null | undefined): number {
  const cap: ListCap = LIST_CAPS[list];
  return intArg('first', first ?? cap.default, 0, cap.max);
}

/** The first `first` items of a list. */
export function firstOf<T>(list: CappedList, items: readonly T[], first: number | null | undefined): T[] {
  return items.slice(0, capOf(list, first));
}

/** A field description ending with where the list is cut. */
export function cutAt(description: string, list: CappedList): string {
  return `${description} Cut at \`first\` (default ${LIST_CAPS[list].default}, at most ${LIST_CAPS[list].max}).`;
}

/**
 * The first `count` values the loader knows (and `keep` accepts) for the
 * distinct keys of `keys`, in order: only as many keys are read and loaded
 * as it takes, in growing batches, so a list of 100,000 keys cut at 100 costs
 * about 100 loads.
 */
export async function firstKnown<K, V>(
  loader: DataLoader<K, V | null>,
  keys: Iterable<K>,
  count: number,
  keep: (value: V) => boolean = () => true,
): Promise<V[]> {
  const found: V[] = [];
  if (count <= 0) return found;
  const seen = new Set<K>();
  let batch: K[] = [];
  let batchSize = Math.max(count, 16);
  const flush = async () => {
    for (const value of await Promise.all(batch.map((key) => loader.load(key)))) {
      if (found.length >= count) break;
      if (value !== null && keep(value)) found.push(value);
    }
    batch = [];
    batchSize *= 2;
  };
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    batch.push(key);
    if (batch.length >= batchSize) {
      await flush();
      if (found.length >= count) return found;
    }
  }
  if (batch.length > 0) await flush();
  return found;
}
