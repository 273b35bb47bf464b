/**
 * chooseTalks: heading talks and item talks joined into one layout.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { itemCandidates } from '../../src/extract/itemTalks.js';
import { chooseTalks } from '../../src/extract/talkChoice.js';
import { layoutTalks } from '../../src/extract/talks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function choose(body: string) {
  const lines = body.split('\n');
  const blocks = parseMarkdown(body, 1).blocks;
  const layout = layoutTalks(blocks, { title: 'X', conference: true, frontMatterSpeakers: false, breaks: 0 });
  const items = itemCandidates(blocks, (n) => lines[n - 1] ?? '', true);
  const reported: Diagnostic[] = [];
  return { layout: chooseTalks(layout, blocks, items, 'p.md', (d) => reported.push(d)), reported };
}

describe('chooseTalks', () => {
  it('replaces a day heading holding a list of talks with the talks, and says why', () => {
    const { layout, reported } = choose(
      [
        '## Viernes 7 Febrero',
        '',
        '* **Mauricio Collazos** - _Hablemos de voz_ : [video](https://www.youtube.com/watch?v=jF3aWWhXnEI)',
        '* **Carlos Villavicencio** - _Type Driven Development_: [video](https://www.youtube.com/watch?v=izN-cMCOXO0)',
      ].join('\n'),
    );
    expect(layout.talks.map((t) => [t.title, t.speakers])).toEqual([
      ['Hablemos de voz', ['Mauricio Collazos']],
      ['Type Driven Development', ['Carlos Villavicencio']],
    ]);
    expect(layout.skipped.map((s) => s.reason)).toContain('it groups the talks listed in it');
    expect(reported.filter((d) => d.code === 'TALK_CANDIDATE')).toHaveLength(2);
  });

  it('keeps a heading talk whose notes mention a single other talk', () => {
    const { layout } = choose(
      [
        '## Scaling Go — Jane Doe',
        '',
        '- see also Other Talk — John Smith ([video](https://www.youtube.com/watch?v=izN-cMCOXO0))',
      ].join('\n'),
    );
    expect(layout.talks.map((t) => t.title)).toEqual(['Scaling Go']);
  });
});
