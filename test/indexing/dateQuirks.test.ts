/**
 * The indexer on implausible and invalid dates. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';

import { diagnostics, indexQuirks, talksOf } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('dates', () => {
  it('warns about the 3018 date at its line and reads the year from title and body', () => {
    const path = 'posts/far-future.md';
    const found = diagnostics('DATE_IMPLAUSIBLE', path);
    expect(found.map((d) => [d.severity, d.line])).toEqual([['WARNING', 4]]);
    expect(data.posts.find((p) => p.path === path)?.date).toBe('3018-05-16');
    const t = talksOf(path)[0];
    const conference = data.conferences.find((c) => c.slug === t?.conferenceSlug);
    expect(conference).toMatchObject({
      year: 2018,
      startDate: '2018-05-02',
      endDate: '2018-05-04',
      location: 'Denmark',
    });
    expect(t?.date).toBe('3018-05-16');
  });
});
