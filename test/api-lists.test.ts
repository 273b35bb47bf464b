/**
 * Filters and orders of the root lists and of nested lists, on a generated
 * graph of 36 talks (three conferences, eight tools, five topics, one speaker
 * per talk, every fifth talk without a video).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, type Json } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

let client: Client;

beforeAll(() => {
  client = clientFor(manyTalksGraph(36));
});

async function slugs(query: string, variables?: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await client.query(query, variables);
  expect(errors).toBeUndefined();
  const list = Object.values(data ?? {})[0] as { edges: { node: { slug: string } }[] };
  return list.edges.map((e) => e.node.slug);
}

describe('talk filters and orders', () => {
  it('keeps the talks of a year, of a conference, of a speaker, with or without video', async () => {
    const ofYear = await client.query('{ talks(first: 100, filter: { year: 2020 }) { totalCount } }');
    expect(ofYear.data?.talks.totalCount).toBe(12);
    expect(
      await slugs(
        '{ talks(filter: { conference: "Conf 2021", hasVideo: false }) { edges { node { slug } } } }',
      ),
    ).toEqual(['talk-014', 'talk-029']);
    expect(await slugs('{ talks(filter: { speaker: "speaker 007" }) { edges { node { slug } } } }')).toEqual([
      'talk-007',
    ]);
    const noVideo = await client.query('{ talks(filter: { hasVideo: false }) { totalCount } }');
    expect(noVideo.data?.talks.totalCount).toBe(7);
  });

  it('matches a query case-insensitively, talks matching every word ranked first', async () => {
    const { data } = await client.query(
      '{ talks(first: 3, filter: { query: "TALK 012" }) { totalCount edges { node { slug } } } }',
    );
    // Every talk says "talk", so all match; the one numbered 012 matches both words and comes first.
    expect(data?.talks.totalCount).toBe(36);
    expect(data?.talks.edges[0].node.slug).toBe('talk-012');
  });

  it('combines tool and topic filters', async () => {
    const { data } = await client.query(`{
      talks(first: 100, filter: { tool: "gvisor", topic: "security" }) { edges { node { tools { slug } topics { slug } } } }
    }`);
    expect(data?.talks.edges.length).toBeGreaterThan(0);
    for (const { node } of data?.talks.edges ?? []) {
      expect(node.tools.map((t: Json) => t.slug)).toContain('gvisor');
      expect(node.topics.map((t: Json) => t.slug)).toContain('security');
    }
  });

  it('orders by date, newest first on request, and by title', async () => {
    const { data } = await client.query(`{
      newest: talks(first: 100, orderBy: DATE_DESC) { edges { node { conference { year } } } }
      oldest: talks(first: 100, orderBy: DATE) { edges { node { conference { year } } } }
    }`);
    const years = (list: { edges: { node: { conference: { year: number } } }[] }) =>
      list.edges.map((e) => e.node.conference.year);
    expect(new Set(years(data?.newest)).size).toBeGreaterThan(1);
    expect(years(data?.newest)).toEqual([...years(data?.newest)].sort().reverse());
    expect(years(data?.oldest)).toEqual([...years(data?.oldest)].sort());
    expect(await slugs('{ talks(first: 3, orderBy: TITLE) { edges { node { slug } } } }')).toEqual([
      'talk-000',
      'talk-001',
      'talk-002',
    ]);
  });

  it('filters the talks of a conference like the root list', async () => {
    const { data } = await client.query(`{
      conference(slug: "conf-2019") { talks(filter: { hasVideo: false }) { totalCount edges { node { slug } } } }
    }`);
    expect(data?.conference.talks.edges.map((e: Json) => e.node.slug)).toEqual(['talk-009', 'talk-024']);
  });
});

describe('tool filters and orders', () => {
  it('keeps inferred tools, tools of a source, tools with enough talks, tools matching a query', async () => {
    expect(await slugs('{ tools(filter: { inferred: true }) { edges { node { slug } } } }')).toEqual([
      'grafana',
    ]);
    const registry = await client.query('{ tools(filter: { source: REGISTRY }) { totalCount } }');
    expect(registry.data?.tools.totalCount).toBe(7);
    expect(await slugs('{ tools(filter: { query: "IST" }) { edges { node { slug } } } }')).toEqual(['istio']);
    const { data } = await client.query(`{
      enough: tools(filter: { minTalks: 10 }) { edges { node { slug talkCount } } }
      all: tools { edges { node { slug talkCount } } }
    }`);
    const slugsOf = (edges: Json[]) => edges.map((e: Json) => e.node.slug).sort();
    const enough = data?.all.edges.filter((e: Json) => e.node.talkCount >= 10) ?? [];
    // The filter must keep some tools and drop others for the comparison to say anything.
    expect(enough.length).toBeGreaterThan(0);
    expect(enough.length).toBeLessThan(data?.all.edges.length);
    expect(slugsOf(data?.enough.edges ?? [])).toEqual(slugsOf(enough));
  });

  it('orders tools by talk count by default, and by name on request', async () => {
    const { data } = await client.query(`{
      byCount: tools { edges { node { talkCount } } }
      byName: tools(orderBy: NAME) { edges { node { name } } }
    }`);
    const counts = data?.byCount.edges.map((e: Json) => e.node.talkCount);
    expect(new Set(counts).size).toBeGreaterThan(1);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(data?.byName.edges.map((e: Json) => e.node.name)).toEqual([
      'Draft',
      'Envoy',
      'Grafana',
      'gVisor',
      'Helm',
      'Istio',
      'Prometheus',
      'Skaffold',
    ]);
  });

  it("lists a tool's conferences, topics and the tools mentioned alongside it", async () => {
    const { data } = await client.query(`{
      tool(name: "gVisor") {
        conferences { totalCount }
        topics { slug }
        relatedTools(first: 2) { slug }
        talks { totalCount }
      }
    }`);
    expect(data?.tool.conferences.totalCount).toBeGreaterThan(0);
    expect(data?.tool.topics.map((t: Json) => t.slug)).toEqual(['security']);
    expect(data?.tool.relatedTools).toHaveLength(2);
    expect(data?.tool.relatedTools.map((t: Json) => t.slug)).not.toContain('gvisor');
  });
});

describe('topics, speakers, links and diagnostics', () => {
  it('filters topics by query and lists the tools of a topic', async () => {
    const { data } = await client.query(`{
      topics(filter: { query: "sec" }) { edges { node { slug tools { totalCount } talks { totalCount } } } }
    }`);
    expect(data?.topics.edges).toHaveLength(1);
    expect(data?.topics.edges[0].node.tools.totalCount).toBeGreaterThan(0);
    expect(data?.topics.edges[0].node.talks.totalCount).toBeGreaterThan(0);
  });

  it('lists speakers by name and refetches one by its global id', async () => {
    const { data } = await client.query(`{
      speakers(first: 3, filter: { query: "speaker 03" }) { totalCount edges { node { id slug talks { totalCount } } } }
    }`);
    expect(data?.speakers.totalCount).toBe(6);
    const first = data?.speakers.edges[0].node;
    expect(first.slug).toBe('speaker-030');
    expect(first.talks.totalCount).toBe(1);
    const again = await client.query(
      'query ($id: ID!) { node(id: $id) { __typename ... on Speaker { slug } } }',
      {
        id: first.id,
      },
    );
    expect(again.data?.node).toEqual({ __typename: 'Speaker', slug: 'speaker-030' });
  });

  it('filters links by host and kind and orders them by how many talks cite them', async () => {
    const { data } = await client.query(`{
      repos: links(filter: { host: "github.com", kind: REPOSITORY }) { totalCount }
      cited: links(first: 1, orderBy: TALK_COUNT) { edges { node { talks { totalCount } } } }
      videos: links(filter: { kind: VIDEO }) { totalCount }
    }`);
    expect(data?.repos.totalCount).toBe(19);
    expect(data?.cited.edges[0].node.talks.totalCount).toBe(2);
    expect(data?.videos.totalCount).toBe(29);
  });

  it('pages diagnostics and filters them by severity and folder', async () => {
    const { data } = await client.query(`{
      errors: diagnostics(severity: ERROR) { totalCount edges { node { code path line } } }
      posts: diagnostics(path: "posts") { totalCount }
      firstPage: diagnostics(first: 1) { edges { node { code } } pageInfo { hasNextPage } }
      stats { diagnostics { errors warnings infos } }
    }`);
    expect(data?.errors.edges.map((e: Json) => e.node)).toEqual([
      { code: 'FRONTMATTER_INVALID', path: 'drafts/broken.md', line: 2 },
    ]);
    expect(data?.posts.totalCount).toBe(2);
    expect(data?.firstPage.pageInfo.hasNextPage).toBe(true);
    expect(data?.stats.diagnostics).toEqual({ errors: 1, warnings: 1, infos: 1 });
  });
});
