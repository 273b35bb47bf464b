/**
 * layoutTalks on its own: which headings open talks, where each talk ends,
 * and what is left outside every talk.
 */
import { describe, expect, it } from 'vitest';
import { type LayoutHints, layoutTalks } from '../../src/extract/talks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

const HINTS: LayoutHints = {
  title: 'Notes from DemoConf 2021',
  conference: true,
  frontMatterSpeakers: false,
  breaks: 0,
};

function layout(body: string, hints: Partial<LayoutHints> = {}) {
  return layoutTalks(parseMarkdown(body, 1).blocks, { ...HINTS, ...hints });
}

describe('layoutTalks', () => {
  const BODY = [
    'A preamble about the event.', // 1
    '',
    '## Summary', // 3
    '',
    'What I liked.', // 5
    '',
    '## Sandboxing Containers - Jane Doe', // 7
    '',
    '- Video Link: https://youtu.be/abcdefghijk', // 9
    '',
    '## Observability at Scale by John Smith', // 11
    '',
    '- Video Link: https://youtu.be/bcdefghijkl', // 13
  ].join('\n');

  it('opens a talk at each heading with a video, with its title, speakers and the lines it spans', () => {
    const { talks, mode } = layout(BODY);
    expect(mode).toBe('headings');
    expect(talks.map((t) => [t.title, t.speakers, t.line, t.endLine])).toEqual([
      ['Sandboxing Containers', ['Jane Doe'], 7, 9],
      ['Observability at Scale', ['John Smith'], 11, 13],
    ]);
  });

  it('skips headings that name a part of the notes, not a talk, and keeps their blocks outside', () => {
    const { skipped, outside } = layout(BODY);
    expect(skipped.map((s) => [s.text, s.line])).toEqual([['Summary', 3]]);
    expect(outside.map((b) => b.line)).toEqual(expect.arrayContaining([1, 5]));
  });

  it('reads a post about one talk, without talk headings, as a single talk named after the post', () => {
    const { talks, mode } = layout('Watch it: https://youtu.be/abcdefghijk\n\nGreat talk.', {
      title: 'Generics in Go',
    });
    expect(mode).toBe('single');
    expect(talks.map((t) => t.title)).toEqual(['Generics in Go']);
  });
});
