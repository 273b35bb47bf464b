/**
 * Lines cited are the lines where the text is: inline pieces that span lines
 * (an HTML comment, a code span, a tag with attributes on the next line)
 * move the count on by their newlines, so the evidence of a mention lies on
 * the line it cites and a talk ends on its last line. Front matter of the
 * wrong type is reported at its line and ignored. Checked on examples and as
 * a property over generated notes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { indexPosts } from './helpers/indexText.js';

const HEAD = '---\ntitle: Notes from FooConf 2019\n---\n## A talk\n- Video: https://youtu.be/abcdefghijk\n\n';
const TOOL = { 'tools/prometheus.md': '---\nname: Prometheus\n---\n' };

function mentionLines(data: GraphData): number[] {
  return data.talks.flatMap((t) => t.mentions.flatMap((m) => m.evidence.map((e) => e.line)));
}

describe('lines of inline pieces that span lines', () => {
  it('cites the line after a multi-line HTML comment, and ends the talk on its last line', () => {
    const body = 'Some notes <!-- a\nb\nc --> more notes about Prometheus\n';
    const data = indexPosts({ ...TOOL, 'p.md': `${HEAD}${body}` });
    // HEAD takes lines 1-6; the comment opens on 7 and closes on 9, where Prometheus is.
    expect(mentionLines(data)).toEqual([9]);
    expect(data.talks[0]?.endLine).toBe(9);
  });

  it('cites each line of a code span at its own line, and counts the newlines of a tag split over lines', () => {
    const doc = parseMarkdown('a `code\nspan` b\n<span\nclass="x">c</span>\nd', 1);
    const runs = doc.blocks[0]?.runs.map((r) => [r.text.trim(), r.line]);
    expect(runs).toEqual([
      ['a', 1],
      ['code', 1],
      ['span', 2],
      ['b', 2],
      ['c', 4],
      ['d', 5],
    ]);
    expect(doc.blocks[0]?.endLine).toBe(5);
  });
});

describe('front matter of the wrong type', () => {
  it('reports a number given as speakers at its line and makes no speaker of it', () => {
    const data = indexPosts({
      'p.md': '+++\ntitle = "Notes"\nspeakers = 5\n+++\n## A talk\n- Video: https://youtu.be/abcdefghijk\n',
    });
    expect(data.speakers.map((s) => s.name)).toEqual([]);
    expect(data.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'FRONTMATTER_TYPE', path: 'posts/p.md', line: 3 }),
    );
  });

  it('reports a list given as a title and a word given as a flag', () => {
    const data = indexPosts({ 'p.md': '---\ntitle: [a, b]\ndraft: maybe\ntags: [2019, go]\n---\nbody\n' });
    const found = data.diagnostics
      .filter((d) => d.code === 'FRONTMATTER_TYPE')
      .map((d) => [d.line, d.message]);
    expect(found).toEqual([
      [2, 'title should be text but is a list; it is ignored'],
      [3, 'draft should be true or false but is the string "maybe"; it is ignored'],
    ]);
  });
});

const word = fc.constantFrom('notes', 'about', 'the', 'ops', 'team', 'x', 'é', 'Prometheus');
const piece = fc.oneof(
  { arbitrary: word, weight: 6 },
  { arbitrary: fc.constantFrom('<!-- a\nb -->', '<!--\n\n-->', '<!-- one -->'), weight: 1 },
  { arbitrary: fc.constantFrom('`a\nb`', '``x\n`y``', '`one`'), weight: 1 },
  { arbitrary: fc.constantFrom('<span\nclass="z">', '</span>', '<br\n/>'), weight: 1 },
  { arbitrary: fc.constantFrom('\n', '  \n', '\\\n'), weight: 2 },
  {
    arbitrary: fc.constantFrom('[Prometheus docs](https://example.com/p)', '<https://example.com/q>'),
    weight: 1,
  },
);
const paragraph = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(' ').trim());
const notes = fc
  .array(paragraph, { minLength: 1, maxLength: 6 })
  .map((ps) => ps.filter(Boolean).join('\n\n'));

describe('evidence lines (property)', () => {
  it('finds the tool on every line its evidence cites, inside the talk', () => {
    fc.assert(
      fc.property(notes, (body) => {
        const text = `${HEAD}${body}\n`;
        const data = indexPosts({ ...TOOL, 'p.md': text });
        const lines = text.split('\n');
        for (const talk of data.talks) {
          for (const mention of talk.mentions) {
            for (const e of mention.evidence) {
              expect(lines[e.line - 1] ?? '', `line ${e.line} of\n${text}`).toMatch(/Prometheus/);
              expect(e.line).toBeLessThanOrEqual(talk.endLine);
            }
          }
          expect(talk.endLine, text).toBeLessThanOrEqual(lines.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
