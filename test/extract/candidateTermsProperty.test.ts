/**
 * Candidate terms read words by code point; the regex reading they replaced is
 * the reference here, on texts mixing names, ordinary and common capitalised
 * words, sentence ends, hyphens, underscores and letters beyond ASCII.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateTerms } from '../../src/extract/candidates.js';

const INNER_CAPITAL =
  /^(?:\p{Lu}[\p{Ll}\p{N}]+(?:\p{Lu}[\p{Ll}\p{N}]*)+|\p{Ll}+\p{Lu}[\p{L}\p{N}]*|\p{Lu}{2,}\p{Ll}+[\p{L}\p{N}]*)$/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}]{2,}$/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}_-]*/gu;
// The words of the generated texts that the extractor's list of common capitalised words holds.
const COMMON = new Set(['The', 'January', 'Talk', 'Google', 'Cloud', 'Native']);

/** The terms of prose runs as the regex reading found them. */
function reference(text: string, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let previousEnd = -1;
  let previousCapitalised = false;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const before = text.slice(Math.max(0, previousEnd), m.index);
    const sentenceStart = previousEnd === -1 || /[.!?:]\s*$/.test(before);
    const inPhrase = previousCapitalised && /^\s+$/.test(before);
    previousEnd = m.index + word.length;
    previousCapitalised = /^\p{Lu}/u.test(word);
    if (word.length < 3 || word.length > 30 || COMMON.has(word) || known.has(word.toLowerCase())) continue;
    if (INNER_CAPITAL.test(word) || (!sentenceStart && !inPhrase && CAPITALISED.test(word))) out.push(word);
  }
  return out;
}

const WORDS = [
  'Kubernetes',
  'gVisor',
  'eBPF',
  'OpenFaaS',
  'Fluent',
  'Bit',
  'the',
  'The',
  'January',
  'Talk',
  'Google',
  'Cloud',
  'Native',
  'Barcelona',
  'Zürich',
  'Ölberg',
  'élan',
  'iOS',
  'HTTPServer',
  'k8s',
  'v2',
  'X',
  'Go',
  'ÄÖÜ',
  'Ab',
  'kube-proxy',
  'snake_case',
  'Über-Tool',
  '中文',
  '𝔘nicode',
  '2024',
  'Deep',
  'Dive',
];
const GLUE = [
  ' ',
  '  ',
  '. ',
  '! ',
  '? ',
  ': ',
  ', ',
  '-',
  '_',
  '(',
  ') ',
  '\n',
  '\u00a0',
  '—',
  ' — ',
  '.',
  "'",
  '’s ',
];

describe('candidate terms', () => {
  it('finds the same terms in prose as the regex reading', () => {
    const text = fc
      .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GLUE)), { maxLength: 16 })
      .map((parts) => parts.map(([w, g]) => w + g).join(''));
    const known = fc.subarray(['barcelona', 'kubernetes', 'zürich']).map((k) => new Set(k));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 })), known, (t, k) => {
        const found = candidateTerms([{ text: t, line: 3, code: false }], k);
        expect(found.map((c) => c.term)).toEqual(reference(t, k));
        expect(found.every((c) => c.line === 3 && !c.code)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
