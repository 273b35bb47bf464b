/**
 * NameMatcher on its own: which registered names it finds in text runs, and
 * how case, length and run boundaries decide a match.
 */
import { describe, expect, it } from 'vitest';
import { type NameEntry, NameMatcher } from '../../src/extract/nameMatcher.js';

function entry(key: string, name: string, options: Partial<NameEntry> = {}): NameEntry {
  return { key, name, via: 'NAME', caseSensitive: false, ambiguous: false, ...options };
}

describe('NameMatcher', () => {
  it('finds a name in a run with its line and the text as written', () => {
    const matcher = new NameMatcher([entry('gvisor', 'gVisor')]);
    const found = matcher.match([{ text: 'We sandboxed it with GVISOR last year.', line: 12, code: false }]);
    expect(found.map((m) => [m.entry.key, m.line, m.text])).toEqual([['gvisor', 12, 'GVISOR']]);
  });

  it('prefers the longest name that starts at a place', () => {
    const matcher = new NameMatcher([
      entry('cloud-build', 'Cloud Build'),
      entry('cloud-build-triggers', 'Cloud Build Triggers'),
    ]);
    const found = matcher.match([{ text: 'set up Cloud Build Triggers for it', line: 1, code: false }]);
    expect(found.map((m) => m.entry.key)).toEqual(['cloud-build-triggers']);
  });

  it('matches a case-sensitive name only in its own casing', () => {
    const matcher = new NameMatcher([entry('helm', 'Helm', { caseSensitive: true })]);
    expect(matcher.match([{ text: 'at the helm of the team', line: 1, code: false }])).toEqual([]);
    expect(matcher.match([{ text: 'deployed with Helm charts', line: 1, code: false }])).toHaveLength(1);
  });

  it('never matches a name across two runs', () => {
    const matcher = new NameMatcher([entry('cloud-run', 'Cloud Run')]);
    const runs = [
      { text: 'the cloud', line: 1, code: false },
      { text: 'run of the mill', line: 2, code: false },
    ];
    expect(matcher.match(runs)).toEqual([]);
  });

  it('says whether a match sits in a code span', () => {
    const matcher = new NameMatcher([entry('kubectl', 'kubectl')]);
    const [found] = matcher.match([{ text: 'kubectl', line: 3, code: true }]);
    expect(found?.code).toBe(true);
  });
});
