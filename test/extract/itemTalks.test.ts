/**
 * itemCandidates and readItem: list items, bold paragraphs and table rows as
 * talk candidates, with their titles, speakers and the table's decision.
 */
import { describe, expect, it } from 'vitest';
import { readItem } from '../../src/extract/itemReading.js';
import { itemCandidates } from '../../src/extract/itemTalks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

function candidates(body: string, conference = true) {
  const lines = body.split('\n');
  return itemCandidates(parseMarkdown(body, 1).blocks, (n) => lines[n - 1] ?? '', conference);
}

describe('readItem', () => {
  it('reads "Title — Speaker ([video](…))"', () => {
    expect(readItem('Go kit: A Standard Library — Peter Bourgon ([video](https://youtu.be/x))')).toEqual({
      title: 'Go kit: A Standard Library',
      speakers: ['Peter Bourgon'],
      quoted: false,
    });
  });

  it('reads "[Title](vimeo) _by_ [_Speaker_](twitter) - description"', () => {
    const r = readItem(
      '[Error Handling](http://vimeo.com/1) _by_ [_Bill Kennedy_](https://twitter.com/b) - ideas',
    );
    expect(r).toMatchObject({ title: 'Error Handling', speakers: ['Bill Kennedy'] });
  });

  it('reads "**Speaker** - _Title_: links" and "**Title** by A and B"', () => {
    expect(
      readItem('**Carlos Villavicencio** - _Type Driven Development_: [video](https://youtu.be/x)'),
    ).toMatchObject({ title: 'Type Driven Development', speakers: ['Carlos Villavicencio'] });
    expect(readItem('**Scaling Postgres** by Ann Lee and Bob Stone')).toMatchObject({
      title: 'Scaling Postgres',
      speakers: ['Ann Lee', 'Bob Stone'],
    });
  });

  it('reads a quoted title opening an item', () => {
    expect(readItem('"Beyond Mocks" speaker Nicholas Henry argued that')).toMatchObject({
      title: 'Beyond Mocks',
      speakers: ['Nicholas Henry'],
      quoted: true,
    });
  });
});

describe('itemCandidates', () => {
  it('takes a list of talks with videos and speakers under a day heading', () => {
    const body = [
      '## Day 1',
      '',
      '- Delve Into Go — Derek Parker ([video](https://www.youtube.com/watch?v=InG72scKPd4))',
      '- Go GC: Solving the Latency Problem — Rick Hudson ([video](https://www.youtube.com/watch?v=aiv1JOfMjm0))',
    ].join('\n');
    const found = candidates(body);
    expect(found.map((c) => [c.title, c.speakers, c.decision.talk])).toEqual([
      ['Delve Into Go', ['Derek Parker'], true],
      ['Go GC: Solving the Latency Problem', ['Rick Hudson'], true],
    ]);
    expect(found[0]?.features.talkParent).toBe(true);
  });

  it('refuses plain notes bullets and field labels', () => {
    const body = ['- Kubernetes overview', '- Video: https://www.youtube.com/watch?v=InG72scKPd4'].join('\n');
    expect(candidates(body).map((c) => c.decision.talk)).toEqual([false, false]);
  });

  it('reads table rows under a title and a speaker column, first names included', () => {
    const body = [
      '| Thema | Vortragender | Start |',
      '| --- | --- | --- |',
      '| Browser Tracking | Björn | 00:40:35 |',
      '| Sport Bootstrapping für Nerds | Marcus | 01:20:15 |',
    ].join('\n');
    const rows = candidates(body, false);
    expect(rows.map((c) => [c.shape, c.title, c.speakers, c.decision.talk])).toEqual([
      ['table row', 'Browser Tracking', ['Björn'], true],
      ['table row', 'Sport Bootstrapping für Nerds', ['Marcus'], true],
    ]);
  });

  it('refuses a book table: no title and speaker columns', () => {
    const body = ['| Buch | Autor |', '| --- | --- |', '| Drift into Failure | Sidney Dekker |'].join('\n');
    expect(candidates(body).filter((c) => c.decision.talk)).toEqual([]);
  });
});
