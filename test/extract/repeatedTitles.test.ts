/**
 * Talks that share a title: a list of keynotes each named only "Keynote"
 * with its own speaker and video is one talk per item, while an item that
 * only repeats an earlier talk's title ("discussed above") is no new talk.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

function talksOf(text: string): [string, (string | undefined)[]][] {
  const data = indexPosts({ 'notes.md': text });
  const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
  return data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))]);
}

describe('items under the same title', () => {
  it('keeps each keynote of a list that names its own speaker and video', () => {
    const text = [
      '## Keynotes',
      '',
      '- Keynote - Werner Vogels ([video](https://www.youtube.com/watch?v=aaaaaaaaaaa))',
      '- Keynote - Andy Jassy ([video](https://www.youtube.com/watch?v=bbbbbbbbbbb))',
      '- Keynote - Peter DeSantis ([video](https://www.youtube.com/watch?v=ccccccccccc))',
      '',
    ].join('\n');
    expect(talksOf(text)).toEqual([
      ['Keynote', ['Werner Vogels']],
      ['Keynote', ['Andy Jassy']],
      ['Keynote', ['Peter DeSantis']],
    ]);
  });

  it('drops an item that repeats a talk without a speaker or video of its own', () => {
    const text = [
      '## Talks',
      '',
      '- Scaling Search Clusters by Jane Doe ([video](https://www.youtube.com/watch?v=aaaaaaaaaaa))',
      '- Batch Jobs at Night by John Roe ([video](https://www.youtube.com/watch?v=bbbbbbbbbbb))',
      '',
      '## Favourites',
      '',
      '- Scaling Search Clusters by Jane Doe, again',
      '',
    ].join('\n');
    expect(talksOf(text).map(([title]) => title)).toEqual(['Scaling Search Clusters', 'Batch Jobs at Night']);
  });
});
