/**
 * Talks that notes cite in passing inside topic sections: a quoted title the
 * bullet calls a talk, "the talk was Title (Jane Doe)", a quoted title with
 * its slides, a "Training:" heading; a second mention of the same talk is no
 * new talk. A quoted line alone is no talk.
 */
import { describe, expect, it } from 'vitest';
import { parseTalkHeading } from '../../src/extract/speakers.js';
import { cleanTitle } from '../../src/extract/talkTitle.js';
import { indexPosts } from '../helpers/indexText.js';

const post = [
  '## ElixirConf US 2024 Highlights',
  '',
  '### Training: Instrumenting elixir applications',
  '  - a good training.',
  '### Testing',
  '  - "Phoenix test" wraps some other testing libraries',
  '    - talk was Testing phoenix apps (German Velasco)',
  '  - "more testing, fewer tests"',
  '    - slides (heavy on code): https://example.org/more-testing.pdf',
  '  - "Premature optimisation is the root of all evil", said someone.',
  '### Security',
  '  - "securing the future" talk analyzing threats to the ecosystem.',
  '### Talks you might enjoy',
  '  - "More testing, fewer tests" discussed above, a good introduction.',
  '',
].join('\n');

describe('talks cited in topic sections', () => {
  const data = indexPosts({ 'elixirconf.md': post });
  const names = new Map(data.speakers.map((s) => [s.slug, s.name]));
  const talks = data.talks.map((t) => [t.title, t.speakerSlugs.map((s) => names.get(s))]);

  it('finds each cited talk once, with the speaker a reference names', () => {
    expect(talks).toEqual([
      ['Instrumenting elixir applications', []],
      ['Testing phoenix apps', ['German Velasco']],
      ['more testing, fewer tests', []],
      ['securing the future', []],
    ]);
  });

  it('reads a "Training:" prefix as a workshop', () => {
    expect(cleanTitle('Training: Instrumenting elixir applications')).toEqual({
      title: 'Instrumenting elixir applications',
      kind: 'WORKSHOP',
      speakers: [],
    });
  });
});

describe('a kind heading that names only the speaker', () => {
  it('keeps the kind as the title and the name as the speaker', () => {
    const parsed = parseTalkHeading('Keynote - Werner Vogels');
    expect([parsed.title, parsed.speakers]).toEqual(['Keynote', ['Werner Vogels']]);
  });

  it('keeps a one-talk file whole when that heading opens it', () => {
    const file = '## Keynote - Werner Vogels\nThursday\n\nNotes.\n\nDynamoDB\n--------\n\n- tables\n';
    const data = indexPosts({ 'reinvent-2018/Keynote-Werner_Vogels.md': file });
    expect(data.talks.map((t) => [t.title, t.source.line])).toEqual([['Keynote', 1]]);
    expect(data.talks[0]?.notes ?? '').toContain('tables');
  });
});
