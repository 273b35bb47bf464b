/**
 * Remembered encodings answer exactly what Pothos' own encoding does, for
 * global ids and cursors alike, however often a text is encoded; and a
 * talk's day reads the same on every request.
 */
import { encodeBase64 } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { BASE64_KEPT, base64Of, encodedGlobalId } from '../../src/schema/base64.js';
import { dayOf } from '../../src/schema/dates.js';

describe('remembered base64', () => {
  it('gives Pothos global ids, the first time and after', () => {
    for (const [type, id] of [
      ['Talk', 'kubecon-2024-gvisor'],
      ['Link', 'https://example.com/ü?a=1'],
      ['Tool', 7],
    ] as const) {
      expect(encodedGlobalId(type, id)).toBe(encodeGlobalID(type, id));
      expect(encodedGlobalId(type, id)).toBe(encodeGlobalID(type, id));
    }
  });

  it('stays right once more texts were encoded than it keeps', () => {
    const texts = Array.from({ length: BASE64_KEPT + 5 }, (_, i) => `Cursor:["t${i}",[${i}]]`);
    for (const text of texts) base64Of(text);
    for (const text of [texts[0], texts[BASE64_KEPT + 4], 'x'.repeat(600)] as string[]) {
      expect(base64Of(text)).toBe(encodeBase64(text));
    }
  });
});

describe('remembered days', () => {
  it('reads a date the same way each time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(dayOf('2024-03-20')).toBe('2024-03-20');
      expect(dayOf(' 2024-03-20T10:00:00Z')).toBe('2024-03-20');
      expect(dayOf('2024-02-30')).toBeNull();
      expect(dayOf('March 2024')).toBeNull();
      expect(dayOf(null)).toBeNull();
    }
  });
});
