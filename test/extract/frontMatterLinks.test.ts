/**
 * A talk's own page gives its slides and recording in front matter
 * (`slides:`, `video:`): they are the talk's links like those of the body;
 * a value that is no address is none.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

const page = (slides: string) =>
  [
    '---',
    'title: "Async Drop in Practice"',
    'presenter: "Maria Fernández"',
    'event: "RustConf 2024"',
    'video: "https://www.youtube.com/watch?v=pL9aZ2cR4xM"',
    `slides: "${slides}"`,
    '---',
    '',
    'This is the write-up of the talk I gave at RustConf this year.',
    '',
  ].join('\n');

describe('front-matter links of a one-talk page', () => {
  it('cite the slides and give the video', () => {
    const [talk] = indexPosts({
      'talks/async-drop.md': page('https://example.org/slides/async-drop.pdf'),
    }).talks;
    expect(talk?.citations.map((c) => c.url)).toContain('https://example.org/slides/async-drop.pdf');
    expect(talk?.videoUrl).toContain('pL9aZ2cR4xM');
  });

  it('cite nothing for a value that is no address', () => {
    const [talk] = indexPosts({ 'talks/async-drop.md': page('see the PDF') }).talks;
    expect(talk?.citations.map((c) => c.url).some((u) => u.includes('PDF'))).toBe(false);
  });
});
