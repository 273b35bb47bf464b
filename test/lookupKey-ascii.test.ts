/**
 * `lookupKey` takes a shortcut for ASCII names; the key must be the one the
 * general Unicode rule gives (NFKC, lower case, runs of non letters/digits
 * other than + and # collapsed to one space, trimmed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupKey } from '../src/keys.js';

function unicodeRule(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

describe('lookupKey on ASCII names', () => {
  it('gives the key of the general Unicode rule for any ASCII text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }),
        (name) => {
          expect(lookupKey(name)).toBe(unicodeRule(name));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the general rule for names beyond ASCII', () => {
    for (const name of ['Ｋｕｂｅｒｎｅｔｅｓ', 'Zürich — Köln', 'ﬁsh', 'İstanbul', 'a\u00a0b']) {
      expect(lookupKey(name)).toBe(unicodeRule(name));
    }
    expect(lookupKey('Ｃ＋＋ Ｆｅｓｔ')).toBe('c++ fest');
  });
});
