/**
 * @module schema/order
 * Small comparisons shared by the filters and orders of the lists.
 */

/** Alphabetical by name, ignoring case and accents. */
/**
 * One collator for every sort: `localeCompare` with options builds one per comparison. Made on
 * first use: making it loads ICU's collation data, which a start need not wait for.
 */
let shared: Intl.Collator | undefined;
export const collator: Pick<Intl.Collator, 'compare'> = {
  compare: (x, y) => {
    shared ??= new Intl.Collator('en', { sensitivity: 'base' });
    return shared.compare(x, y);
  },
};

export function byName(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name);
}

/** True when `query` (already lower-cased) is empty or is contained in one of the names. */
export function matchesText(query: string, names: readonly (string | null)[]): boolean {
  return query === '' || names.some((name) => name?.toLowerCase().includes(query));
}

/** The distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
