/**
 * Meetup recaps name their talks in prose: "Jonas Becker presented **Title**"
 * and "Anna Schmidt showed … Her talk, "Title", is on YouTube". A bold word
 * after a verb of no person, or a quoted phrase with no one before it, is no talk.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

const talksOf = (text: string) => {
  const data = indexPosts({ 'meetup.md': text });
  const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
  return data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))]);
};

describe('talks named in a recap’s prose', () => {
  it('reads a presented bold title and a talk quoted after its speaker', () => {
    const text = [
      '# Go Berlin Meetup #52 – March 2024',
      '',
      '## Talks',
      '',
      'First up, Anna Schmidt (Zalando) showed how her team hunts latency regressions. Her talk, "Profiling Go Services in Production", is now on YouTube: https://www.youtube.com/watch?v=fR2kQ8mN5tY',
      '',
      'After the break, Jonas Becker presented **Building a Toy Database in Go**, walking us through a B-tree. Slides are [here](https://example.org/toy-db-slides).',
      '',
    ].join('\n');
    expect(talksOf(text)).toEqual([
      ['Profiling Go Services in Production', ['Anna Schmidt']],
      ['Building a Toy Database in Go', ['Jonas Becker']],
    ]);
  });

  it('takes no talk from bold words or quotes without a person', () => {
    const text = [
      '# Team offsite',
      '',
      'The build presented **real problems** all week. Our motto, "ship it", still stands.',
      '',
    ].join('\n');
    expect(talksOf(text)).toEqual([]);
  });
});
