/**
 * Search's word splitting: the same words as MiniSearch's default tokenizer
 * (a split at runs of line breaks, spaces and punctuation) for any text,
 * empty words at either end included, since the index counts them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEPARATORS, tokenize } from '../../src/graph/searchTokens.js';

/** Text mostly of characters near the edges: ASCII punctuation, spaces, line breaks, letters, and some beyond ASCII. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ' ',
        '\n',
        '\r',
        '\t',
        ',',
        '.',
        '-',
        '_',
        '#',
        '$',
        '+',
        '|',
        '~',
        '(',
        ')',
        "'",
        '"',
        '@',
        '!',
      ),
      fc.constantFrom('a', 'B', '7', 'é', '中', '\u00a0', '\u2014', '\u3000', '😀', '\ud800'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('search words', () => {
  it('are the words of a split at the default separators, for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(t.split(SEPARATORS));
      }),
      { numRuns: 2000 },
    );
  });

  it('keep the empty words a split makes at either end and for text of separators alone', () => {
    expect(tokenize('')).toEqual(['']);
    expect(tokenize(',')).toEqual(['', '']);
    expect(tokenize(' gVisor, runsc. ')).toEqual(['', 'gVisor', 'runsc', '']);
    expect(tokenize('a$b+c|d')).toEqual(['a$b+c|d']);
  });
});
