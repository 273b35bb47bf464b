/**
 * A line that lost its list marker joins the item above as a lazy
 * continuation; when it opens in the item's own shape it is a talk of its own.
 */
import { describe, expect, it } from 'vitest';
import { itemCandidates } from '../../src/extract/itemTalks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function items(body: string) {
  const lines = body.split('\n');
  return itemCandidates(parseMarkdown(body, 1).blocks, (n) => lines[n - 1] ?? '', true);
}

describe('lazy continuation items', () => {
  it('splits an item whose continuation line opens as a speaker-and-title item', () => {
    const found = items(
      [
        '## Viernes',
        '',
        '* **Flavio Percoco** - _Inheriting code_: [video](https://www.youtube.com/watch?v=3zDNMiHmVmI)',
        ' **Jose Zapata** - _Comprensión de la música_: [video](https://www.youtube.com/watch?v=SE4EACCD4NE)',
        '* **Milton Lenis** - _Debugging_: <strike>video</strike>',
        '',
      ].join('\n'),
    );
    expect(found.map((c) => [c.title, c.speakers, c.line])).toEqual([
      ['Inheriting code', ['Flavio Percoco'], 3],
      ['Comprensión de la música', ['Jose Zapata'], 4],
      ['Debugging', ['Milton Lenis'], 5],
    ]);
    // Each piece keeps only its own links: the second video is the second talk's.
    expect(found[0]?.blocks[0]?.links.map((l) => l.href)).toEqual([
      'https://www.youtube.com/watch?v=3zDNMiHmVmI',
    ]);
  });

  it('keeps a wrapped item whole when its continuation is ordinary text', () => {
    const found = items(
      [
        '* **Jane Doe** - _A long title',
        '  that wraps_: [video](https://www.youtube.com/watch?v=3zDNMiHmVmI)',
        '',
      ].join('\n'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.speakers).toEqual(['Jane Doe']);
  });
});
