/**
 * @module schema/base64
 * Global ids and cursors, remembered once encoded: a page of talks encodes
 * the same few hundred ids and cursors on every request, and encoding
 * (through a Buffer each time) costs more than a lookup by the entity's key,
 * a string the graph already holds. Kept encodings are bounded; the answers
 * are exactly Pothos' own encoding.
 */
import { encodeBase64 } from '@pothos/core';

/**
 * Encodings kept at most, per type (and cursors): a few megabytes at most,
 * against a page's few dozen; all are dropped at once when full (the next
 * requests fill it again).
 */
export const BASE64_KEPT = 10_000;

/** Global ids by type name, then by id. */
const globalIds = new Map<string, Map<string, string>>();

/** A global id as Pothos' relay plugin writes it (`Typename:id`, base64). */
export function encodedGlobalId(typename: string, id: bigint | number | string): string {
  let ids = globalIds.get(typename);
  if (ids === undefined) {
    ids = new Map();
    globalIds.set(typename, ids);
  }
  const key = String(id);
  let value = ids.get(key);
  if (value === undefined) {
    value = encodeBase64(`${typename}:${key}`);
    if (ids.size >= BASE64_KEPT) ids.clear();
    ids.set(key, value);
  }
  return value;
}

/** A cursor's text by its item's key, with the sort value it was made for. */
const cursors = new Map<string, { value: readonly unknown[]; cursor: string }>();

function sameValue(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `encodeBase64(text())` for the cursor of item `key` at sort value `value`
 * (scalars), from memory when that item was last encoded at the same value.
 */
export function encodedCursor(key: string, value: readonly unknown[], text: () => string): string {
  const known = cursors.get(key);
  if (known !== undefined && sameValue(known.value, value)) return known.cursor;
  const cursor = encodeBase64(text());
  if (cursors.size >= BASE64_KEPT) cursors.clear();
  cursors.set(key, { value: [...value], cursor });
  return cursor;
}
