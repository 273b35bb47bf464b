/**
 * The event's year from a month the prose names relative to the post's date,
 * a known series named in a title without a conference word, and a dated file
 * name dating its folder's event.
 */
import { describe, expect, it } from 'vitest';
import { conferenceFromTitle, seriesIndex } from '../../src/extract/conferences.js';
import { relativeEventYear } from '../../src/extract/eventYear.js';
import { eventFromPath } from '../../src/extract/pathEvidence.js';

const SERIES = seriesIndex([
  { name: 'GothamGo', aliases: ['Gotham Go'] },
  { name: 'Chaosseminar', aliases: [] },
]);

describe('relativeEventYear', () => {
  it('puts a month later than the post in the year before', () => {
    expect(relativeEventYear('Last November two hundred people met.', '2015-01-09')).toBe(2014);
    expect(relativeEventYear('This past October we met in Berlin.', '2019-02-01')).toBe(2018);
  });

  it('keeps the post year for an earlier month of the same year', () => {
    expect(relativeEventYear('In March the community met.', '2019-05-20')).toBe(2019);
  });

  it('ignores a month that states its own year or an intro without a month', () => {
    expect(relativeEventYear('Last November 2012 we met.', '2015-01-09')).toBeNull();
    expect(relativeEventYear('We met and talked.', '2015-01-09')).toBeNull();
    expect(relativeEventYear('Last November we met.', null)).toBeNull();
  });
});

describe('conferenceFromTitle with a known series', () => {
  it('reads a series named before a colon even without a conference word or a year', () => {
    expect(conferenceFromTitle('GothamGo: gophers in the big apple', SERIES)).toEqual({
      name: 'GothamGo',
      year: null,
    });
  });

  it('still ignores titles naming no series and no conference word', () => {
    expect(conferenceFromTitle('Gophers in the big apple', SERIES)).toBeNull();
  });
});

describe('eventFromPath with a dated file name', () => {
  it("dates the folder's event by the file name and names the event from the folder", () => {
    expect(eventFromPath('content/ccc/chaosseminar/2015_11_Lightning.md', 'site', SERIES)).toEqual({
      name: 'Chaosseminar',
      year: 2015,
      evidence: 'series',
    });
  });

  it('does not name an event from the content root for a dated file at the top', () => {
    expect(eventFromPath('2024_08_ElixirConfUs.md', 'conference_notes', SERIES)).toEqual({
      name: null,
      year: 2024,
      evidence: null,
    });
  });
});
