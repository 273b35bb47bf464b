/**
 * Headings that point onwards ("More", "Other references worth checking
 * out") name no talk, even when the videos they list are talk evidence.
 */
import { describe, expect, it } from 'vitest';
import { isNonTalkHeading } from '../../src/extract/talks.js';
import { indexPosts } from '../helpers/indexText.js';

describe('onward headings', () => {
  it('are parts of the notes, not talks', () => {
    expect(isNonTalkHeading('More')).toBe(true);
    expect(isNonTalkHeading('Other references worth checking out')).toBe(true);
    expect(isNonTalkHeading('Further reading and links')).toBe(true);
  });

  it('leave titles that merely start with such a word alone', () => {
    expect(isNonTalkHeading('More testing, fewer tests')).toBe(false);
    expect(isNonTalkHeading('Other People’s Code')).toBe(false);
  });

  it('make no talk of their section when the talks are the headings around them', () => {
    const post = [
      '# GopherCon 2014 talks',
      '',
      '## Scaling with Go',
      '',
      '{{< youtube qATTTSg6zXk >}}',
      '',
      '## Camlistore',
      '',
      '{{< youtube yvjeIZgykiA >}}',
      '',
      '## More',
      '',
      'The [lightning talks](https://www.youtube.com/watch?v=cwpI5ONWGxc) were fun.',
      '',
    ].join('\n');
    expect(indexPosts({ 'gophercon.md': post }).talks.map((t) => t.title)).toEqual([
      'Scaling with Go',
      'Camlistore',
    ]);
  });
});
