/**
 * @module schema/order
 * Small comparisons shared by the filters and orders of the lists.
 */

/** Alphabetical by name, ignoring case and accents. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

/** True when `query` (already lower-cased) is empty or is contained in one of the names. */
export function matchesText(query: string, names: readonly (string | null)[]): boolean {
  return query === '' || names.some((name) => name?.toLowerCase().includes(query));
}

/** The distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
