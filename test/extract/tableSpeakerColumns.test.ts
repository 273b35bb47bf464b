/**
 * Talks as table rows under a "Speaker(s)" or "Presenter(s)" column: the
 * bracketed plural names the same column, and a company in brackets after a
 * name is no speaker.
 */
import { describe, expect, it } from 'vitest';
import { indexPosts } from '../helpers/indexText.js';

describe('speaker columns', () => {
  it('reads the people of a "Speaker(s)" column, without their companies', () => {
    const text = [
      '## Security',
      '',
      '| Talk | Speaker(s) | Video |',
      '|------|------------|-------|',
      '| Signing Builds at Scale | Lena Hoffmann (Chainguard) | [YouTube](https://youtu.be/Rk2pX9vLm0c) |',
      '| Runtime Detection for Large Fleets | Tom Weber & Ana Silva | [YouTube](https://youtu.be/Jd8sQw3Hn1M) |',
      '',
    ].join('\n');
    const data = indexPosts({ 'notes.md': text });
    const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
    expect(data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))])).toEqual([
      ['Signing Builds at Scale', ['Lena Hoffmann']],
      ['Runtime Detection for Large Fleets', ['Tom Weber', 'Ana Silva']],
    ]);
  });
});
