/**
 * What NameMatcher keeps between calls: `namesAny`, the kept answer to "does
 * this text alone hold a name", against asking `match` each time; and the
 * tokens of the last runs matched, which must never leak into other runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NameEntry, NameMatcher } from '../../src/extract/nameMatcher.js';

function entry(key: string, name: string, options: Partial<NameEntry> = {}): NameEntry {
  return { key, name, via: 'NAME', caseSensitive: false, ambiguous: false, ...options };
}

const matcher = new NameMatcher([
  entry('helm', 'Helm', { caseSensitive: true }),
  entry('cloud-build', 'Cloud Build'),
  entry('go', 'Go', { ambiguous: true }),
  entry('k8s', 'k8s'),
]);

describe('names in a text alone', () => {
  it('answers as matching the text as one run does, asked once or again', () => {
    const words = [
      'Helm',
      'helm',
      'Cloud',
      'Build',
      'cloud',
      'Go',
      'go',
      'k8s',
      'config',
      '.',
      'yaml',
      '/',
      'x',
    ];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom('', ' ', '.', '-')), { maxLength: 5 })
      .map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(text, (t) => {
        const expected = matcher.match([{ text: t, line: 1, code: false }]).length > 0;
        expect(matcher.namesAny(t)).toBe(expected);
        expect(matcher.namesAny(t)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a name of two words and not a glued one', () => {
    expect(matcher.namesAny('Cloud Build')).toBe(true);
    expect(matcher.namesAny('Helm')).toBe(true);
    expect(matcher.namesAny('helm')).toBe(false);
    expect(matcher.namesAny('config.yaml')).toBe(false);
  });

  it('matches runs after other runs as it matches them first', () => {
    const words = ['Helm', 'Cloud Build', 'Go', 'k8s', 'and', 'the', 'config.yaml', 'helm'];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join(' '));
    const runs = fc
      .array(text, { maxLength: 4 })
      .map((texts) => texts.map((t) => ({ text: t, line: 1, code: false })));
    fc.assert(
      fc.property(runs, runs, (before, after) => {
        matcher.match([]);
        const fresh = matcher.match(after);
        matcher.match(before);
        expect(matcher.match(after)).toEqual(fresh);
      }),
      { numRuns: 1000 },
    );
  });
});
