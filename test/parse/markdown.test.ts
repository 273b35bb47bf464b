/**
 * parseMarkdown: blocks with their file lines, and the links, labels,
 * shortcodes and iframes inside them.
 */
import { describe, expect, it } from 'vitest';
import { type Block, parseMarkdown } from '../../src/parse/markdown.js';

describe('parseMarkdown', () => {
  const BODY = [
    '# Title', // 5
    '',
    'Intro with [the docs](https://example.com/docs), <https://auto.example.com/x> and https://bare.example.com/y.', // 7
    '',
    '## Talk', // 9
    '',
    '- Video Link: https://youtu.be/abcdefghijk', // 11
    '- Github Link: [repo](https://github.com/a/b)', // 12
    '- {{< youtube bcdefghijkl >}}', // 13
    '- {{< youtube id="cdefghijklm" >}}', // 14
    '- {{% vimeo 12345 %}}', // 15
    '- {< youtube defghijklmn >}', // 16
    '',
    '<iframe width="560" src="https://www.youtube.com/embed/efghijklmno" frameborder="0"></iframe>', // 18
    'Read right under https://under.example.com', // 19
    '',
    '```', // 21
    'https://in-code.example.com',
    '```', // 23
    'Inline `https://code.example.com` span.', // 24
    '',
    'First line', // 26
    'second line https://second.example.com', // 27
    '',
    '---', // 29
    '',
    '<div><iframe src="//www.youtube.com/embed/fghijklmnop"></iframe></div>', // 31
  ].join('\n');
  const doc = parseMarkdown(BODY, 5);
  const blockAt = (line: number): Block => {
    const block = doc.blocks.find((b) => b.line === line);
    if (block === undefined) throw new Error(`no block at line ${line}`);
    return block;
  };

  it('gives blocks their kind, level and file lines', () => {
    expect(doc.blocks.map((b) => [b.kind, b.line, b.level])).toEqual([
      ['heading', 5, 1],
      ['paragraph', 7, 0],
      ['heading', 9, 2],
      ['paragraph', 11, 0],
      ['paragraph', 12, 0],
      ['paragraph', 13, 0],
      ['paragraph', 14, 0],
      ['paragraph', 15, 0],
      ['paragraph', 16, 0],
      ['html', 18, 0],
      ['paragraph', 19, 0],
      ['code', 21, 0],
      ['paragraph', 24, 0],
      ['paragraph', 26, 0],
      ['html', 31, 0],
    ]);
    expect(blockAt(21).endLine).toBe(23);
    expect(blockAt(26).endLine).toBe(27);
    expect(blockAt(11).listDepth).toBe(1);
    expect(blockAt(7).listDepth).toBe(0);
    expect(doc.breaks).toEqual([29]);
  });

  it('tells markdown links, autolinks and bare URLs apart', () => {
    expect(blockAt(7).links.map((l) => [l.origin, l.href, l.text, l.line])).toEqual([
      ['markdown', 'https://example.com/docs', 'the docs', 7],
      ['autolink', 'https://auto.example.com/x', null, 7],
      ['bare', 'https://bare.example.com/y', null, 7],
    ]);
  });

  it('keeps "Video Link:" as the text before a link and marks it as a label', () => {
    const block = blockAt(11);
    expect(block.links.map((l) => [l.href, l.before])).toEqual([
      ['https://youtu.be/abcdefghijk', 'Video Link:'],
    ]);
    expect(block.runs.filter((r) => r.label === true).map((r) => r.text.trim())).toEqual(['Video Link:']);
    const github = blockAt(12);
    expect(github.links.map((l) => [l.href, l.text, l.before])).toEqual([
      ['https://github.com/a/b', 'repo', 'Github Link:'],
    ]);
  });

  it('reads Hugo shortcodes, flagging the single-brace form as malformed', () => {
    const codes = [13, 14, 15, 16].map((line) => blockAt(line).links[0]);
    expect(codes.map((l) => [l?.origin, l?.shortcode, l?.href, l?.line, l?.malformed])).toEqual([
      ['shortcode', 'youtube', 'https://www.youtube.com/watch?v=bcdefghijkl', 13, false],
      ['shortcode', 'youtube', 'https://www.youtube.com/watch?v=cdefghijklm', 14, false],
      ['shortcode', 'vimeo', 'https://vimeo.com/12345', 15, false],
      ['shortcode', 'youtube', 'https://www.youtube.com/watch?v=defghijklmn', 16, true],
    ]);
  });

  it('reads iframe sources, protocol-relative ones as https', () => {
    expect(blockAt(18).links.map((l) => [l.origin, l.href, l.line])).toEqual([
      ['html', 'https://www.youtube.com/embed/efghijklmno', 18],
    ]);
    expect(blockAt(31).links.map((l) => [l.origin, l.href, l.line])).toEqual([
      ['html', 'https://www.youtube.com/embed/fghijklmnop', 31],
    ]);
  });

  it('reads markdown written right under an HTML block as markdown, at its own line', () => {
    expect(blockAt(19).links.map((l) => [l.href, l.line])).toEqual([['https://under.example.com', 19]]);
  });

  it('finds no links in code blocks or code spans', () => {
    expect(blockAt(21).links).toEqual([]);
    expect(blockAt(24).links).toEqual([]);
    expect(blockAt(24).runs.some((r) => r.code && r.text.includes('code.example.com'))).toBe(true);
  });

  it('gives a link on the second line of a paragraph that line', () => {
    expect(blockAt(26).links.map((l) => [l.href, l.line])).toEqual([['https://second.example.com', 27]]);
  });

  it('does not read bare domain names in prose as links', () => {
    const [block] = parseMarkdown(
      'We use prometheus.io and gvisor.dev daily, see https://gvisor.dev/docs.',
      1,
    ).blocks;
    expect(block?.links.map((l) => l.href)).toEqual(['https://gvisor.dev/docs']);
    expect(block?.text).toContain('prometheus.io');
  });
});
