/**
 * TalkFilter on a generated graph of 36 talks: every field, the any/all/none
 * lists, date ranges, and/or/not, each checked against a brute-force reading
 * of the same GraphData; unknown names are errors that name them; the
 * direction and RELEVANCE orders.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import type { TalkModel } from '../src/graph/types.js';
import { type Client, clientFor, type Json } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

let data: GraphData;
let client: Client;

beforeAll(() => {
  data = manyTalksGraph(36);
  client = clientFor(data);
});

const TALKS = `query ($filter: TalkFilter, $orderBy: TalkOrder, $direction: OrderDirection) {
  talks(first: 100, filter: $filter, orderBy: $orderBy, direction: $direction) { totalCount edges { node { slug } } }
}`;

async function talkSlugs(filter: unknown, orderBy?: string, direction?: string): Promise<string[]> {
  const { data: result, errors } = await client.query(TALKS, { filter, orderBy, direction });
  expect(errors).toBeUndefined();
  expect(result.talks.totalCount).toBe(result.talks.edges.length);
  return result.talks.edges.map((e: Json) => e.node.slug);
}

const mentions = (talk: TalkModel, tool: string) => talk.mentions.some((m) => m.toolSlug === tool);
const about = (talk: TalkModel, topic: string) => talk.topicSlugs.includes(topic);
const yearOf = (talk: TalkModel) => Number(talk.conferenceSlug?.slice(-4));
const expected = (keep: (talk: TalkModel) => boolean) => data.talks.filter(keep).map((t) => t.slug);

describe('TalkFilter fields, each against a brute-force count', () => {
  const cases: [string, unknown, (talk: TalkModel) => boolean][] = [
    ['tools: any of', { tools: ['gVisor', 'istio'] }, (t) => mentions(t, 'gvisor') || mentions(t, 'istio')],
    [
      'allTools: every one',
      { allTools: ['gVisor', 'Prometheus'] },
      (t) => mentions(t, 'gvisor') && mentions(t, 'prometheus'),
    ],
    [
      'notTools: none',
      { notTools: ['gVisor', 'Prometheus'] },
      (t) => !mentions(t, 'gvisor') && !mentions(t, 'prometheus'),
    ],
    [
      'topics: any of',
      { topics: ['security', 'Networking'] },
      (t) => about(t, 'security') || about(t, 'networking'),
    ],
    [
      'speakers: any of',
      { speakers: ['Speaker 001', 'speaker-002'] },
      (t) => ['talk-001', 'talk-002'].includes(t.slug),
    ],
    [
      'dateFrom and dateTo, inclusive',
      { dateFrom: '2020-05-01', dateTo: '2021-05-01' },
      (t) => yearOf(t) >= 2020,
    ],
    ['dateTo alone', { dateTo: '2019-05-01' }, (t) => yearOf(t) === 2019],
    ['a range between talks', { dateFrom: '2019-05-02', dateTo: '2020-04-30' }, () => false],
    [
      'or',
      { or: [{ tool: 'gVisor' }, { topic: 'delivery' }] },
      (t) => mentions(t, 'gvisor') || about(t, 'delivery'),
    ],
    [
      'and with not',
      { and: [{ tools: ['Helm', 'Envoy'] }, { not: { hasVideo: true } }] },
      (t) => (mentions(t, 'helm') || mentions(t, 'envoy')) && t.videoUrl === null,
    ],
    ['not', { not: { conference: 'Conf 2019' } }, (t) => yearOf(t) !== 2019],
    [
      'fields with a nested or',
      { year: 2020, hasVideo: true, or: [{ allTools: ['Istio'] }, { notTools: ['Istio', 'Draft'] }] },
      (t) =>
        yearOf(t) === 2020 &&
        t.videoUrl !== null &&
        (mentions(t, 'istio') || (!mentions(t, 'istio') && !mentions(t, 'draft'))),
    ],
    ['not of an or', { not: { or: [{ year: 2019 }, { year: 2021 }] } }, (t) => yearOf(t) === 2020],
    [
      'old single fields with new lists',
      { tool: 'Grafana', topics: ['security', 'observability', 'delivery'] },
      (t) => mentions(t, 'grafana') && ['security', 'observability', 'delivery'].some((x) => about(t, x)),
    ],
  ];
  for (const [name, filter, keep] of cases) {
    it(`keeps the talks ${name} keeps`, async () => {
      const want = expected(keep);
      expect(await talkSlugs(filter)).toEqual(want);
    });
  }

  it('has cases that keep some talks and drop others', () => {
    const kept = cases.map(([, , keep]) => expected(keep).length);
    expect(kept.filter((n) => n > 0 && n < 36).length).toBeGreaterThan(10);
  });
});

describe('unknown names', () => {
  const cases: [unknown, string, string][] = [
    [{ tool: 'No Such Tool' }, 'filter.tool', 'No Such Tool'],
    [{ tools: ['gVisor', 'Nope'] }, 'filter.tools', 'Nope'],
    [{ allTools: ['Nope'] }, 'filter.allTools', 'Nope'],
    [{ notTools: ['Nope'] }, 'filter.notTools', 'Nope'],
    [{ topics: ['security', 'cooking'] }, 'filter.topics', 'cooking'],
    [{ conference: 'Nope Conf' }, 'filter.conference', 'Nope Conf'],
    [{ speakers: ['Nobody'] }, 'filter.speakers', 'Nobody'],
    [{ or: [{ tool: 'gVisor' }, { topics: ['cooking'] }] }, 'filter.or[1].topics', 'cooking'],
    [{ not: { speaker: 'Nobody' } }, 'filter.not.speaker', 'Nobody'],
  ];
  for (const [filter, argument, name] of cases) {
    it(`refuses ${argument} naming "${name}" with BAD_USER_INPUT`, async () => {
      const { data: result, errors } = await client.query(TALKS, { filter });
      expect(result?.talks ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toContain(`"${argument}"`);
      expect(errors?.[0]?.message).toContain(`"${name}"`);
    });
  }

  it('keeps no talk, without an error, for a catalogue tool no talk mentions', async () => {
    expect(await talkSlugs({ tools: ['Kubernetes'] })).toEqual([]);
    expect(await talkSlugs({ tools: ['Kubernetes', 'gVisor'] })).toEqual(
      expected((t) => mentions(t, 'gvisor')),
    );
    expect(await talkSlugs({ notTools: ['Kubernetes'] })).toHaveLength(36);
  });

  it('refuses filters nested deeper than four levels', async () => {
    const deep = { not: { not: { not: { not: { hasVideo: true } } } } };
    const { errors } = await client.query(TALKS, { filter: deep });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('nests filters');
  });
});

describe('direction and relevance', () => {
  it('reverses every talk order with DESC, ties by date staying in file order', async () => {
    const byTitle = await talkSlugs(null, 'TITLE');
    expect(await talkSlugs(null, 'TITLE', 'DESC')).toEqual([...byTitle].reverse());
    expect(await talkSlugs(null, 'FILE', 'DESC')).toEqual([...(await talkSlugs(null))].reverse());
    const newest = await talkSlugs(null, 'DATE', 'DESC');
    expect(
      newest
        .slice(0, 12)
        .every((slug) => yearOf(data.talks.find((t) => t.slug === slug) as TalkModel) === 2021),
    ).toBe(true);
    expect(newest.slice(0, 3)).toEqual(['talk-002', 'talk-005', 'talk-008']);
    expect(await talkSlugs(null, 'DATE_DESC')).toEqual(newest);
  });

  it('reverses the other lists with DESC', async () => {
    const { data: result } = await client.query(`{
      asc: tools(first: 100, orderBy: NAME) { edges { node { slug } } }
      desc: tools(first: 100, orderBy: NAME, direction: DESC) { edges { node { slug } } }
      topicsAsc: topics(first: 100, orderBy: NAME) { edges { node { slug } } }
      topicsDesc: topics(first: 100, orderBy: NAME, direction: DESC) { edges { node { slug } } }
    }`);
    const slugsOf = (list: Json) => list.edges.map((e: Json) => e.node.slug);
    expect(slugsOf(result.desc)).toEqual([...slugsOf(result.asc)].reverse());
    expect(slugsOf(result.topicsDesc)).toEqual([...slugsOf(result.topicsAsc)].reverse());
  });

  it('orders by relevance by default when a query is given, and refuses RELEVANCE without one', async () => {
    const ranked = await talkSlugs({ query: 'talk 007' });
    expect(ranked[0]).toBe('talk-007');
    const leastFirst = await talkSlugs({ query: 'talk 007' }, 'RELEVANCE', 'DESC');
    expect(leastFirst.at(-1)).toBe('talk-007');
    expect([...leastFirst].sort()).toEqual([...ranked].sort());
    const { errors } = await client.query(TALKS, { orderBy: 'RELEVANCE' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('filter.query');
  });
});
