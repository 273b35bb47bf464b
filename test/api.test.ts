/**
 * The GraphQL API over the bundled content (the KubeCon Europe 2018 post):
 * the answers the specification promises, pagination, refetching by global
 * id, and clear errors for bad arguments. In-process, through `yoga.fetch`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../src/server/yoga.js';
import { bundledGraph, type Client, clientFor, type Json } from './helpers/graphqlClient.js';

const GOOGLE_TALKS = [
  'Kubernetes Project Update',
  'Container Native observability & security from Google Cloud',
];
const YOUTUBE_IDS = [
  'OUYTNywPk-s',
  '_CFgSksTT54',
  '8iQRJXJHiZ8',
  '2eAOx8E6-5Q',
  'H06qrNmGqyE',
  '0sh2aWdfBxA',
  '8fSNDxA_irY',
];

let client: Client;

beforeAll(async () => {
  client = clientFor(await bundledGraph());
});

const TOOL_TALKS = `query ($name: String!) {
  tool(name: $name) {
    name
    talks { totalCount edges { node { title youtubeId conference { name } } } }
  }
}`;

describe('tools and their talks', () => {
  it("finds gVisor's two talks whatever the case of its name", async () => {
    for (const name of ['gvisor', 'gVisor', 'GVISOR']) {
      const { data, errors } = await client.query(TOOL_TALKS, { name });
      expect(errors).toBeUndefined();
      expect(data?.tool.name).toBe('gVisor');
      expect(data?.tool.talks.totalCount).toBe(2);
      const nodes = data?.tool.talks.edges.map((e: Json) => e.node);
      expect(nodes.map((n: Json) => n.title)).toEqual(GOOGLE_TALKS);
      expect(nodes.map((n: Json) => n.youtubeId)).toEqual(['2eAOx8E6-5Q', '8fSNDxA_irY']);
      for (const node of nodes) expect(node.conference.name).toBe('KubeCon + CloudNativeCon Europe 2018');
    }
  });

  it("finds Draft's one talk through its repository link", async () => {
    const { data } = await client.query(`{
      tool(name: "Draft") {
        repositoryUrl
        talks { totalCount edges { node { title toolMentions { tool { name } via evidence { path line text } } } } }
      }
    }`);
    expect(data?.tool.talks.totalCount).toBe(1);
    const talk = data?.tool.talks.edges[0].node;
    expect(talk.title).toBe('Container-Native dev and ops experience');
    const mention = talk.toolMentions.find((m: Json) => m.tool.name === 'Draft');
    expect(mention.via).toBe('REPOSITORY');
    expect(mention.evidence[0].text).toContain('github.com/Azure/draft');
    expect(mention.evidence[0].path).toMatch(/^posts\//);
  });

  it('filters talks by tool: Prometheus and Stackdriver are mentioned by the two Google talks', async () => {
    for (const tool of ['Prometheus', 'stackdriver']) {
      const { data } = await client.query(
        `query ($tool: String) {
        talks(filter: { tool: $tool }) { totalCount edges { node { title } } }
      }`,
        { tool },
      );
      expect(data?.talks.edges.map((e: Json) => e.node.title)).toEqual(GOOGLE_TALKS);
    }
  });

  it('refuses an unknown tool in a filter with an error naming it, not an empty page', async () => {
    const { data, errors } = await client.query('{ talks(filter: { tool: "no-such-tool" }) { totalCount } }');
    expect(data?.talks).toBeUndefined();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('"no-such-tool"');
  });
});

describe('conferences', () => {
  it('lists one conference with its seven talks in file order', async () => {
    const { data } = await client.query(`{
      conferences {
        totalCount
        edges { node {
          name year startDate endDate location playlistUrl
          talks(first: 10) { totalCount edges { node { youtubeId videoUrl } } }
        } }
      }
    }`);
    expect(data?.conferences.totalCount).toBe(1);
    const conference = data?.conferences.edges[0].node;
    expect(conference).toMatchObject({
      name: 'KubeCon + CloudNativeCon Europe 2018',
      year: 2018,
      startDate: '2018-05-02',
      endDate: '2018-05-04',
    });
    expect(conference.location).toContain('Denmark');
    expect(conference.talks.totalCount).toBe(7);
    expect(conference.talks.edges.map((e: Json) => e.node.youtubeId)).toEqual(YOUTUBE_IDS);
    for (const edge of conference.talks.edges) expect(edge.node.videoUrl).toContain(edge.node.youtubeId);
  });

  it("keeps the playlist as a PLAYLIST link of the conference, not as a talk's video", async () => {
    const { data } = await client.query(`{
      links(filter: { kind: PLAYLIST }) { totalCount edges { node { kind conferences { name } talks { totalCount } } } }
      talks(first: 10) { edges { node { links(kind: PLAYLIST) { url } } } }
    }`);
    expect(data?.links.totalCount).toBe(1);
    const playlist = data?.links.edges[0].node;
    expect(playlist.conferences.map((c: Json) => c.name)).toEqual(['KubeCon + CloudNativeCon Europe 2018']);
    expect(playlist.talks.totalCount).toBe(0);
    expect(data?.talks.edges).toHaveLength(7);
    for (const edge of data?.talks.edges ?? []) expect(edge.node.links).toEqual([]);
  });

  it('finds a conference by slug or by an alias', async () => {
    for (const slug of ['kubecon-cloudnativecon-europe-2018', 'KubeCon Europe 2018']) {
      const { data } = await client.query('query ($slug: String!) { conference(slug: $slug) { name } }', {
        slug,
      });
      expect(data?.conference?.name).toBe('KubeCon + CloudNativeCon Europe 2018');
    }
  });
});

describe('talks', () => {
  it('gives each talk its video, a YouTube thumbnail and its source line', async () => {
    const { data } = await client.query(`{
      talk(slug: "kubernetes-project-update") {
        title youtubeId thumbnailUrl videoUrl date postDate source { path line } topics { name }
      }
    }`);
    expect(data?.talk).toMatchObject({
      title: 'Kubernetes Project Update',
      youtubeId: '2eAOx8E6-5Q',
      thumbnailUrl: 'https://i.ytimg.com/vi/2eAOx8E6-5Q/hqdefault.jpg',
      // The front-matter date is kept as written; the talk's day is its conference's start.
      postDate: '3018-05-16',
      date: '2018-05-02',
    });
    expect(data?.talk.source.path).toMatch(/^posts\/.+\.md$/);
    expect(data?.talk.source.line).toBeGreaterThan(1);
    expect(data?.talk.topics.length).toBeGreaterThan(0);
  });

  it('relates the two Google talks through the tools they share', async () => {
    const { data } = await client.query(`{
      talk(slug: "kubernetes-project-update") {
        relatedTalks(first: 3) { score talk { title } sharedTools { name } sharedTopics { name } }
      }
    }`);
    const [best] = data?.talk.relatedTalks ?? [];
    expect(best.talk.title).toBe(GOOGLE_TALKS[1]);
    expect(best.score).toBeGreaterThan(0);
    expect(best.sharedTools.map((t: Json) => t.name)).toEqual(
      expect.arrayContaining(['gVisor', 'Prometheus']),
    );
  });

  it('walks all seven talks exactly once forward with first/after and backward with last/before', async () => {
    const forward: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data }: Json = await client.query(
        `query ($after: String) { talks(first: 2, after: $after) {
          totalCount edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor }
        } }`,
        { after },
      );
      expect(data.talks.totalCount).toBe(7);
      expect(data.talks.pageInfo.hasPreviousPage).toBe(page > 0);
      forward.push(...data.talks.edges.map((e: Json) => e.node.slug));
      if (!data.talks.pageInfo.hasNextPage) break;
      after = data.talks.pageInfo.endCursor;
    }
    expect(forward).toHaveLength(7);
    expect(new Set(forward).size).toBe(7);

    const backward: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data }: Json = await client.query(
        `query ($before: String) { talks(last: 2, before: $before) {
          edges { node { slug } } pageInfo { hasPreviousPage startCursor }
        } }`,
        { before },
      );
      backward.unshift(...data.talks.edges.map((e: Json) => e.node.slug));
      if (!data.talks.pageInfo.hasPreviousPage) break;
      before = data.talks.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('orders talks by title on request', async () => {
    const { data } = await client.query('{ talks(orderBy: TITLE) { edges { node { title } } } }');
    const titles = data?.talks.edges.map((e: Json) => e.node.title);
    expect(titles).toEqual(
      [...titles].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
  });
});

describe('global ids', () => {
  it('refetches a conference, talk, tool, topic and link by id with node and nodes', async () => {
    const { data } = await client.query(`{
      conferences(first: 1) { edges { node { id __typename } } }
      talks(first: 1) { edges { node { id __typename } } }
      tools(first: 1) { edges { node { id __typename } } }
      topics(first: 1) { edges { node { id __typename } } }
      links(first: 1) { edges { node { id __typename } } }
    }`);
    const expected = ['conferences', 'talks', 'tools', 'topics', 'links'].map(
      (list) => data?.[list].edges[0].node,
    );
    expect(expected.map((n) => n.__typename)).toEqual(['Conference', 'Talk', 'Tool', 'Topic', 'Link']);

    for (const { id, __typename } of expected) {
      const one = await client.query('query ($id: ID!) { node(id: $id) { id __typename } }', { id });
      expect(one.data?.node).toEqual({ id, __typename });
    }
    const many = await client.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }', {
      ids: expected.map((n) => n.id),
    });
    expect(many.data?.nodes).toEqual(expected);
  });

  it('gives null for a well-formed id of nothing, and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = Buffer.from('Talk:no-such-talk').toString('base64');
    const notANode = Buffer.from('PageInfo:1').toString('base64');
    const { data, errors } = await client.query(
      'query ($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }',
      { a: unknown, b: notANode },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });

    const bad = await client.query('{ node(id: "not-a-global-id") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('not-a-global-id');
  });
});

describe('lookups and errors', () => {
  it('returns null for unknown slugs, names and URLs', async () => {
    const { data, errors } = await client.query(`{
      talk(slug: "nope") { id }
      conference(slug: "nope") { id }
      tool(name: "nope") { id }
      topic(name: "nope") { id }
      speaker(name: "nope") { id }
      link(url: "https://nowhere.example/") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(Object.values(data ?? {})).toEqual([null, null, null, null, null, null]);
  });

  it('finds a link by URL whatever the case of scheme and host and a trailing slash', async () => {
    const { data } = await client.query(`{
      link(url: "  HTTPS://GitHub.com/Azure/draft/ ") { kind host talks { edges { node { title } } } }
    }`);
    expect(data?.link.kind).toBe('REPOSITORY');
    expect(data?.link.talks.edges.map((e: Json) => e.node.title)).toEqual([
      'Container-Native dev and ops experience',
    ]);
  });

  it('refuses first: -1 and first: 10000 with a clear BAD_USER_INPUT error, inline or as a variable', async () => {
    for (const first of [-1, 10000]) {
      const inline = await client.query(`{ talks(first: ${first}) { totalCount } }`);
      const variable = await client.query('query ($n: Int) { talks(first: $n) { totalCount } }', {
        n: first,
      });
      for (const { errors } of [inline, variable]) {
        expect(errors).toHaveLength(1);
        expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(errors?.[0]?.message).toBe(
          `Argument "first" must be from 0 to 100 (pages are capped at 100 items); got ${first}.`,
        );
      }
    }
  });

  it('refuses a cursor it did not hand out', async () => {
    const { errors } = await client.query('{ tools(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('"after" is not a cursor');
  });
});

describe('stats, diagnostics and GraphiQL', () => {
  it('counts the graph and reports the far-future date as a warning', async () => {
    const { data } = await client.query(`{
      stats { conferences talks videos diagnostics { warnings } topTools(first: 3) { name talkCount } }
      diagnostics(severity: WARNING) { totalCount edges { node { code severity path line message } } }
    }`);
    expect(data?.stats).toMatchObject({ conferences: 1, talks: 7, videos: 7 });
    expect(data?.stats.diagnostics.warnings).toBeGreaterThanOrEqual(1);
    expect(data?.stats.topTools).toHaveLength(3);
    const counts = data?.stats.topTools.map((t: Json) => t.talkCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    const messages = data?.diagnostics.edges.map((e: Json) => e.node.message).join('\n');
    expect(messages).toContain('3018-05-16');
  });

  it("runs GraphiQL's default query: gVisor's talks with videos and the tools they mention", async () => {
    const { data, errors } = await client.query(DEFAULT_QUERY);
    expect(errors).toBeUndefined();
    const talks = data?.tool.talks.edges.map((e: Json) => e.node);
    expect(talks.map((t: Json) => t.title)).toEqual(GOOGLE_TALKS);
    for (const talk of talks) {
      expect(talk.videoUrl).toMatch(/^https:\/\/www\.youtube\.com\//);
      expect(talk.tools.map((t: Json) => t.name)).toContain('gVisor');
      expect(talk.tools.length).toBeGreaterThan(1);
    }
  });

  it('serves GraphiQL to browsers at /graphql', async () => {
    const response = await client.yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>talkgraph</title>');
    expect(html).toContain('GVisorTalks');
    // Everything GraphiQL needs is in the page: it works with no network.
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']?https?:[^"'\s>]*\.css/);
  });
});
