/**
 * A by-line of several people's names under a talk heading (`*A & B*`,
 * "A and B") names the talk's speakers and is evidence that the heading is
 * a talk; a line of names led by a particle word is not read as one name.
 */
import { describe, expect, it } from 'vitest';
import { namedSpeakers } from '../../src/extract/speakers.js';
import { indexPosts } from '../helpers/indexText.js';

describe('by-lines of several names', () => {
  it('names each person of an italic by-line', () => {
    expect(namedSpeakers(['*Marcus Bell & Hana Kowalski*'])).toEqual([
      { name: 'Marcus Bell', affiliation: null },
      { name: 'Hana Kowalski', affiliation: null },
    ]);
    expect(namedSpeakers(['von Katharina Vogel und Emre Yılmaz'])).toBeNull();
  });

  it('makes a heading without a video a talk by those people', () => {
    const text = [
      '## Monday',
      '',
      '### Queues in the Database',
      '*Jessica Alvarez*',
      '',
      'Notes on queues.',
      '',
      '### Search Without a Search Engine',
      '*Marcus Bell & Hana Kowalski*',
      '',
      'Notes on search.',
      '',
    ].join('\n');
    const data = indexPosts({ 'notes.md': text });
    const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
    expect(data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))])).toEqual([
      ['Queues in the Database', ['Jessica Alvarez']],
      ['Search Without a Search Engine', ['Marcus Bell', 'Hana Kowalski']],
    ]);
  });
});
