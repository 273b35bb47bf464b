/**
 * A talk's section cut out of its file's text reads exactly as the same
 * lines rebuilt one by one, heading left out, whatever the line ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { talkSections } from '../../src/indexing/talkMarkdown.js';

/** The section the slow way: split into lines, drop a heading, join with \n. */
function rebuilt(text: string, line: number, endLine: number): string {
  const section = text.split(/\r\n|\r|\n/).slice(line - 1, Math.max(endLine, line));
  if (section[0] !== undefined && /^ {0,3}#{1,6}(?:\s|$)/.test(section[0])) section.shift();
  return section.join('\n').trim();
}

const lineArb = fc.oneof(
  fc.constantFrom(
    '## Talk: Kubernetes at scale',
    '# Title',
    '   ### deep',
    '#nospace',
    '',
    '  ',
    '- a bullet',
  ),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);

describe('talk sections', () => {
  it('cut from the text equal the lines rebuilt, for any lines and range', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 15 }),
        (lines, eol, finalEol, line, endLine) => {
          const text = lines.join(eol) + (finalEol ? eol : '');
          expect(talkSections(text).section(line, endLine)).toBe(rebuilt(text, line, endLine));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves the heading out and keeps the body as written', () => {
    const text =
      '---\ntitle: x\n---\n## Talk one\n\n- Video: https://youtu.be/abc\n- *bold* note\n\n## Talk two\n';
    expect(talkSections(text).section(4, 8)).toBe('- Video: https://youtu.be/abc\n- *bold* note');
  });
});
