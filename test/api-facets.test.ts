/**
 * TalkConnection.facets: counts over the whole filtered list (not the page),
 * most frequent first, checked against a brute-force count of the same
 * GraphData for several filters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import type { TalkModel } from '../src/graph/types.js';
import { collator } from '../src/schema/order.js';
import { type Client, clientFor, type Json } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

let data: GraphData;
let client: Client;

beforeAll(() => {
  data = manyTalksGraph(36);
  client = clientFor(data);
});

const FACETS = `query ($filter: TalkFilter) {
  talks(first: 2, filter: $filter) {
    totalCount
    edges { node { slug } }
    facets {
      tools(first: 100) { value count node { id } }
      topics(first: 100) { value count }
      conferences(first: 100) { value count }
      speakers(first: 100) { value count }
      years { value count node { id } }
    }
  }
}`;

type Count = { value: string; count: number };

/** Counts of each value over the talks, most frequent first, ties by value. */
function bruteForce(talks: readonly TalkModel[], valuesOf: (talk: TalkModel) => string[]): Count[] {
  const counts = new Map<string, number>();
  for (const talk of talks)
    for (const value of new Set(valuesOf(talk))) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

describe('facets', () => {
  const filters: [string, unknown, (talk: TalkModel) => boolean][] = [
    ['no filter', null, () => true],
    [
      'a tool',
      { tools: ['gVisor', 'Helm'] },
      (t) => t.mentions.some((m) => ['gvisor', 'helm'].includes(m.toolSlug)),
    ],
    [
      'a date range without video',
      { dateFrom: '2020-01-01', hasVideo: false },
      (t) => !t.conferenceSlug?.endsWith('2019') && t.videoUrl === null,
    ],
  ];
  for (const [name, filter, keep] of filters) {
    it(`counts every talk of the list, not the page, for ${name}`, async () => {
      const { data: result, errors } = await client.query(FACETS, { filter });
      expect(errors).toBeUndefined();
      const talks = data.talks.filter(keep);
      expect(result.talks.totalCount).toBe(talks.length);
      expect(result.talks.edges.length).toBeLessThanOrEqual(2);
      const name = <T extends { slug: string }>(list: T[], nameOf: (x: T) => string) => {
        const names = new Map(list.map((x) => [x.slug, nameOf(x)]));
        return (slug: string) => names.get(slug) ?? slug;
      };
      const tool = name(data.tools, (t) => t.name);
      const topic = name(data.topics, (t) => t.name);
      const conference = name(data.conferences, (c) => c.name);
      const speaker = name(data.speakers, (s) => s.name);
      const facets = result.talks.facets;
      const plain = (list: Json[]) => list.map(({ value, count }) => ({ value, count }));
      expect(plain(facets.tools)).toEqual(bruteForce(talks, (t) => t.mentions.map((m) => tool(m.toolSlug))));
      expect(plain(facets.topics)).toEqual(bruteForce(talks, (t) => t.topicSlugs.map(topic)));
      expect(plain(facets.conferences)).toEqual(
        bruteForce(talks, (t) => [conference(t.conferenceSlug ?? '')]),
      );
      expect(plain(facets.speakers)).toEqual(bruteForce(talks, (t) => t.speakerSlugs.map(speaker)));
      const years = bruteForce(talks, (t) => [String(t.conferenceSlug?.slice(-4))]);
      expect(plain(facets.years).sort((a, b) => a.value.localeCompare(b.value))).toEqual(
        years.sort((a, b) => a.value.localeCompare(b.value)),
      );
      for (const facet of facets.tools) expect(facet.node.id).toEqual(expect.any(String));
      for (const facet of facets.years) expect(facet.node).toBeNull();
    });
  }

  it('returns the most frequent values first, at most `first`', async () => {
    const { data: result } = await client.query('{ talks { facets { tools(first: 3) { value count } } } }');
    const counts = result.talks.facets.tools.map((f: Json) => f.count);
    expect(counts).toHaveLength(3);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const all = bruteForce(data.talks, (t) => t.mentions.map((m) => m.toolSlug));
    expect(counts[0]).toBe(all[0]?.count);
  });

  it('refuses more than 100 values per facet', async () => {
    const { errors } = await client.query('{ talks { facets { tools(first: 101) { value } } } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
