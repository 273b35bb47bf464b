/**
 * Shortcodes are read from a line's text as a reader sees it: a brace written
 * as an entity still opens one, and a block without any brace holds none.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';

const shortcodes = (body: string) =>
  parseMarkdown(body, 1)
    .blocks.flatMap((b) => b.links)
    .filter((l) => l.origin === 'shortcode')
    .map((l) => [l.href, l.line, l.malformed]);

describe('shortcodes in decoded text', () => {
  it('reads a shortcode whose braces are written as entities', () => {
    expect(shortcodes('Intro\n\nWatch &#123;&#123;< youtube abcdefghijk >&#125;&#125; now')).toEqual([
      ['https://www.youtube.com/watch?v=abcdefghijk', 3, false],
    ]);
  });

  it('reads a shortcode written with plain braces among other lines', () => {
    expect(shortcodes('- one\n- two {{< vimeo 12345 >}}\n- three')).toEqual([
      ['https://vimeo.com/12345', 2, false],
    ]);
  });

  it('finds no shortcode in blocks without braces', () => {
    expect(shortcodes('# youtube abcdefghijk\n\nyoutube abcdefghijk >}} and < vimeo 12345 >')).toEqual([]);
  });
});
