/**
 * Remembered encodings answer exactly what Pothos' own encoding does, for
 * global ids and cursors alike, however often a text is encoded; and a
 * talk's day reads the same on every request.
 */
import { encodeBase64 } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { BASE64_KEPT, encodedCursor, encodedGlobalId } from '../../src/schema/base64.js';
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

  it('gives a cursor for the value it is asked with, when the same key was encoded at another value', () => {
    const text = (key: string, value: unknown[]) => () => `Cursor:${JSON.stringify([key, value])}`;
    const one = encodedCursor(
      'talk-a',
      ['posts/a.md', 3, 'talk-a'],
      text('talk-a', ['posts/a.md', 3, 'talk-a']),
    );
    const other = encodedCursor('talk-a', ['Title', 'posts/a.md'], text('talk-a', ['Title', 'posts/a.md']));
    expect(one).toBe(encodeBase64('Cursor:["talk-a",["posts/a.md",3,"talk-a"]]'));
    expect(other).toBe(encodeBase64('Cursor:["talk-a",["Title","posts/a.md"]]'));
    expect(
      encodedCursor('talk-a', ['posts/a.md', 3, 'talk-a'], text('talk-a', ['posts/a.md', 3, 'talk-a'])),
    ).toBe(one);
  });

  it('stays right once more keys were encoded than it keeps', () => {
    const ids = Array.from({ length: BASE64_KEPT + 5 }, (_, i) => `talk-${i}`);
    for (const id of ids) encodedGlobalId('Talk', id);
    for (const id of [ids[0], ids[BASE64_KEPT + 4]] as string[]) {
      expect(encodedGlobalId('Talk', id)).toBe(encodeGlobalID('Talk', id));
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
