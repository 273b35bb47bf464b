/**
 * A bold-title talk written inside the section of the heading talk above it,
 * after that talk's own video: the next talk, not part of the notes.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

const post = (between: string) =>
  [
    '---',
    'title: Go videos from Google I/O 2012',
    '---',
    '',
    '## Meet the Go team',
    '',
    'A panel discussion.',
    '',
    '{{< youtube sln-gJaURzk >}}',
    '',
    between,
    '',
    '{{< youtube sPagpg0b7no >}}',
    '',
  ].join('\n');

describe('a bold talk inside another talk', () => {
  it('is the next talk when it has a by-line and a video of its own', () => {
    const data = indexPosts({
      'io.md': post('**Computing Map Tiles with Go on App Engine** by Chris Broadfoot and Andrew Gerrand'),
    });
    expect(data.talks.map((t) => [t.title, t.youtubeId])).toEqual([
      ['Meet the Go team', 'sln-gJaURzk'],
      ['Computing Map Tiles with Go on App Engine', 'sPagpg0b7no'],
    ]);
  });

  it('stays part of the notes without a by-line', () => {
    const data = indexPosts({ 'io.md': post('**A second recording** of the same panel') });
    expect(data.talks.map((t) => t.title)).toEqual(['Meet the Go team']);
  });
});
