/**
 * @module schema/base64
 * Base64 of the texts behind global ids and cursors, remembered: a page of
 * talks encodes the same few hundred ids and cursors on every request, and
 * encoding (through a Buffer each time) costs more than a lookup. Kept
 * texts are bounded; the answers are exactly Pothos' own encoding.
 */
import { encodeBase64 } from '@pothos/core';

/** Texts kept at most; all are dropped at once when full (the next requests fill it again). */
export const BASE64_KEPT = 50_000;
/** Longer texts are encoded each time: they are rare (cursors of long keys) and would crowd the rest. */
const LONGEST_KEPT = 512;

const encoded = new Map<string, string>();

/** `encodeBase64(text)`, from memory when the text was encoded before. */
export function base64Of(text: string): string {
  let value = encoded.get(text);
  if (value !== undefined) return value;
  value = encodeBase64(text);
  if (text.length <= LONGEST_KEPT) {
    if (encoded.size >= BASE64_KEPT) encoded.clear();
    encoded.set(text, value);
  }
  return value;
}

/** A global id as Pothos' relay plugin writes it (`Typename:id`, base64). */
export function encodedGlobalId(typename: string, id: bigint | number | string): string {
  return base64Of(`${typename}:${id}`);
}
