/**
 * Conferences named in titles, and the dates and places read from prose.
 */
import { describe, expect, it } from 'vitest';
import { conferenceFromTitle, findDateRange, findLocation } from '../../src/extract/conferences.js';

describe('conferences', () => {
  it('infers the conference from "Lessons from X", "Notes from X 2019", recaps and highlights', () => {
    expect(conferenceFromTitle('Lessons from Kubecon/CloudNativeCon 2018 Europe')).toEqual({
      name: 'Kubecon/CloudNativeCon 2018 Europe',
      year: 2018,
    });
    expect(conferenceFromTitle('Notes from GopherCon 2019')).toEqual({ name: 'GopherCon 2019', year: 2019 });
    expect(conferenceFromTitle('KubeCon EU 2019 recap')).toEqual({ name: 'KubeCon EU 2019', year: 2019 });
    expect(conferenceFromTitle('Highlights from QCon London 2020')).toEqual({
      name: 'QCon London 2020',
      year: 2020,
    });
    expect(conferenceFromTitle('Attending FOSDEM 2020')).toEqual({ name: 'FOSDEM 2020', year: 2020 });
  });

  it('drops a day or part suffix from the conference name', () => {
    expect(conferenceFromTitle('GopherCon 2019 - Day 2')).toEqual({ name: 'GopherCon 2019', year: 2019 });
  });

  it('finds no conference in a title that is not about one', () => {
    expect(conferenceFromTitle('Setting up my home router')).toBeNull();
    expect(conferenceFromTitle('Lessons learned from migrating to Go')).toBeNull();
  });

  it('infers the conference from "Notes from X 2020" whatever X is called', () => {
    expect(conferenceFromTitle('Notes from RustConf 2020')).toEqual({ name: 'RustConf 2020', year: 2020 });
    expect(conferenceFromTitle('Notes from DevOpsDays 2019')).toEqual({
      name: 'DevOpsDays 2019',
      year: 2019,
    });
  });

  it('reads date ranges written in four forms', () => {
    const range = (text: string) => {
      const r = findDateRange(text);
      return r === null ? null : [r.startDate, r.endDate, r.year];
    };
    expect(range('in Denmark from 2-4 May 2018.')).toEqual(['2018-05-02', '2018-05-04', 2018]);
    expect(range('held May 20-23, 2019 in Barcelona')).toEqual(['2019-05-20', '2019-05-23', 2019]);
    expect(range('from 30 May - 1 June 2019')).toEqual(['2019-05-30', '2019-06-01', 2019]);
    expect(range('May 30 - June 1, 2019')).toEqual(['2019-05-30', '2019-06-01', 2019]);
    expect(range('2019-05-20 to 2019-05-23')).toEqual(['2019-05-20', '2019-05-23', 2019]);
    expect(range('from the 20th to 23rd of May 2019')).toEqual(['2019-05-20', '2019-05-23', 2019]);
  });

  it('refuses impossible dates and text without a range', () => {
    expect(findDateRange('31-32 May 2018')).toBeNull();
    expect(findDateRange('a great conference in May')).toBeNull();
  });

  it('takes the first range in the text and says where it is', () => {
    const text = 'KubeCon ran 2-4 May 2018; the next one is 20-23 May 2019.';
    const r = findDateRange(text);
    expect(r?.startDate).toBe('2018-05-02');
    expect(text.slice(r?.index ?? 0, (r?.index ?? 0) + (r?.length ?? 0))).toBe('2-4 May 2018');
  });

  it('reads the location near the date range', () => {
    const at = (text: string) => findLocation(text, findDateRange(text));
    expect(at('The following summaries are from KubeCon in Denmark from 2-4 May 2018.')).toBe('Denmark');
    expect(at('The conference was held in Copenhagen, Denmark from 2-4 May 2018.')).toBe(
      'Copenhagen, Denmark',
    );
    expect(at('GopherCon took place in San Diego on July 24-27, 2019.')).toBe('San Diego');
    expect(at('It was held May 20-23, 2019 in Barcelona')).toBe('Barcelona');
    expect(at('We met at the venue. It was in May 2019.')).toBeNull();
  });
});
