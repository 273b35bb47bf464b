/**
 * A heading that names the speaker (with a handle link) over a line that
 * gives the title before its links: the title keeps its own colons and runs
 * to the colon that introduces the links.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

describe('a speaker heading over a title line', () => {
  it('keeps a title with a colon of its own whole', () => {
    const post = [
      '---',
      'title: PyCon Colombia 2020 keynotes',
      '---',
      '',
      '## Wes McKinney [@wesmckinn](https://twitter.com/wesmckinn)',
      'Python for Data Analysis: Past, Present, and Future: [slides](https://example.org/deck) / [backup](https://example.org/b)',
      '',
      '[video](https://www.youtube.com/watch?v=ZTXFQ2sEarQ)',
      '',
      '* notes',
      '',
      '## Jane Doe [@jane](https://twitter.com/jane)',
      'Testing Things: [slides](https://example.org/t)',
      '',
      '[video](https://www.youtube.com/watch?v=Apsrm8tiV54)',
      '',
    ].join('\n');
    const data = indexPosts({ 'pycon.md': post });
    expect(data.talks.map((t) => t.title)).toEqual([
      'Python for Data Analysis: Past, Present, and Future',
      'Testing Things',
    ]);
  });
});
