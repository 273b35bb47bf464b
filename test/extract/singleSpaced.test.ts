/**
 * `singleSpaced` turns white space runs into one space as `replace(/\s+/g, ' ')`
 * does, and hands back the text itself when there is nothing to change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { singleSpaced } from '../../src/extract/speakers.js';

describe('single spacing', () => {
  it('gives what replacing every white space run by one space gives', () => {
    const text = fc
      .array(fc.constantFrom('a', 'B', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '.', 'é'), {
        maxLength: 20,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (t) => {
        expect(singleSpaced(t)).toBe(t.replace(/\s+/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('collapses tabs, newlines and repeated spaces', () => {
    expect(singleSpaced('Title\t-  Jane\nDoe')).toBe('Title - Jane Doe');
  });
});
