/**
 * The hand-written tokenizer of name matching against its definition: the
 * same tokens as the regex it replaced, on any text, including letters and
 * digits beyond ASCII, astral characters, lone surrogates and Unicode spaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOKEN, tokenize } from '../../src/extract/nameMatcher.js';
import { LowerTable, lowerHash, TokenSpans, WIDE } from '../../src/extract/tokenSpans.js';

/** Tokens as the regex reads them: the reference. */
function reference(text: string) {
  const tokens: { lower: string; raw: string; start: number; end: number; spaced: boolean }[] = [];
  let last = -1;
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    tokens.push({
      lower: raw.toLowerCase(),
      raw,
      start: m.index,
      end: m.index + raw.length,
      spaced: m.index !== last,
    });
    last = m.index + raw.length;
  }
  return tokens;
}

// Characters of every class the tokenizer tells apart, so generated texts mix them densely.
const PIECES = [
  'a',
  'Z',
  '7',
  'é',
  'Ä',
  'ß',
  'İ',
  'ǅ',
  '٣',
  '²',
  'Ⅻ',
  '中',
  '𝔘',
  '😀',
  '\ud800',
  '\udc00',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  '.',
  '-',
  '/',
  '@',
  '#',
  ':',
  '(',
  '’',
  '—',
  '_',
];

describe('tokenize', () => {
  it('splits any text into the same tokens as the token regex', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a name with letters beyond ASCII as one token', () => {
    expect(tokenize('Ça marche: Kubernetes-Café 2').map((t) => t.raw)).toEqual([
      'Ça',
      'marche',
      ':',
      'Kubernetes',
      '-',
      'Café',
      '2',
    ]);
  });
});

describe('token spans', () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .array(fc.constantFrom(...PIECES, 'K', 'Go', 'HELM', 'kelvin\u212a'), { maxLength: 40 })
      .map((p) => p.join('')),
  );

  it('hold the same tokens as the token regex, read by offset', () => {
    fc.assert(
      fc.property(text, (t) => {
        // Read over another text first: what a longer text left behind must not show.
        const spans = new TokenSpans('a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9');
        spans.read(t);
        const read = spans.starts.slice(0, spans.length).map((start, k) => ({
          lower: spans.lower(k),
          raw: spans.raw(k),
          start,
          end: spans.ends[k],
          spaced: spans.spaced(k),
        }));
        expect(read).toEqual(reference(t));
        expect(read.every((token, k) => spans.is(k, token.raw))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('give each ASCII token the hash of its lower-case form, and every other token none', () => {
    fc.assert(
      fc.property(text, (t) => {
        const spans = new TokenSpans(t);
        spans.hashes.slice(0, spans.length).forEach((hash, k) => {
          const raw = spans.raw(k);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the range in question
          if (/^[\x00-\x7f]*$/.test(raw)) expect(hash).toBe(lowerHash(raw.toLowerCase()));
          else expect(hash).toBe(WIDE);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('give the same hash to a word in any case, and other words mostly other hashes', () => {
    const [helm, upper, other] = ['Helm', 'HELM', 'Kelm'].map((w) => new TokenSpans(w).hashes[0]);
    expect(helm).toBe(lowerHash('helm'));
    expect(upper).toBe(helm);
    expect(other).not.toBe(helm);
  });
});

describe('a table of lower-case words', () => {
  it('finds for each token what a map finds under its lower-case text', () => {
    const words = fc.array(fc.constantFrom(...PIECES, 'K', 'Go', 'HELM', 'kelvin\u212a', 'Ça'), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(words, words, (filed, written) => {
        const byWord = new Map<string, number>();
        for (const token of tokenize(filed.join(' '))) byWord.set(token.lower, byWord.size);
        const table = new LowerTable(byWord);
        const spans = new TokenSpans(written.join(''));
        for (let k = 0; k < spans.length; k++) expect(table.get(spans, k)).toBe(byWord.get(spans.lower(k)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a word written in capitals, and a word beyond ASCII', () => {
    const table = new LowerTable(
      new Map([
        ['helm', 1],
        ['café', 2],
      ]),
    );
    const spans = new TokenSpans('HELM and Café and helmet');
    expect([0, 1, 2, 3, 4].map((k) => table.get(spans, k))).toEqual([1, undefined, 2, undefined, undefined]);
  });
});
