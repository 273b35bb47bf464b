/**
 * eventFromPath: the event and year the folders of a post (and the content
 * root's name) give.
 */
import { describe, expect, it } from 'vitest';
import { seriesIndex } from '../../src/extract/conferences.js';
import { eventFromPath } from '../../src/extract/pathEvidence.js';

const SERIES = seriesIndex([
  { name: 'PyCon AU', aliases: ['PyCon Australia'] },
  { name: 'AWS re:Invent', aliases: ['reInvent'] },
  { name: 'OSCON Europe', aliases: ['OSCON EU'] },
]);

describe('eventFromPath', () => {
  it('reads a known series written as one word in a folder, and the year folder below it', () => {
    expect(eventFromPath('pyconau/2019/07_devpi.md', null, SERIES)).toEqual({
      name: 'PyCon AU',
      year: 2019,
      evidence: 'series',
    });
    expect(eventFromPath('OSCONEU-2015/day1.md', null, SERIES)).toEqual({
      name: 'OSCON Europe',
      year: 2015,
      evidence: 'series',
    });
  });

  it("reads the content root's own name", () => {
    expect(eventFromPath('11_26-mon/CON310.md', 'AWS-reinvent-2018', SERIES)).toEqual({
      name: 'AWS re:Invent',
      year: 2018,
      evidence: 'series',
    });
  });

  it('names an unknown event from a series folder over a year folder, or from a dated folder', () => {
    expect(eventFromPath('yow/2018/05_talk.md', null, SERIES)).toEqual({
      name: 'yow',
      year: 2018,
      evidence: 'yearFolder',
    });
    expect(eventFromPath('2025_09_rust_conference/day1.md', null, SERIES)).toEqual({
      name: 'rust conference',
      year: 2025,
      evidence: 'datedFolder',
    });
  });

  it('finds nothing in folders that name no event', () => {
    expect(eventFromPath('_content/blog/gothamgo.md', null, SERIES)).toEqual({
      name: null,
      year: null,
      evidence: null,
    });
    expect(eventFromPath('content/post/post_2020-01-30/index.md', null, SERIES)).toEqual({
      name: null,
      year: 2020,
      evidence: null,
    });
  });
});
