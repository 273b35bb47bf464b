/**
 * The discovery fields of the GraphQL API over the bundled content (the
 * KubeCon Europe 2018 post): typo-tolerant search, paths between entities
 * with their evidence, neighbourhoods to draw, suggested tools, the counts of
 * `stats` and the search behind `TalkFilter.query`. Suggested tools are also
 * checked on a small fixture whose notes link the repository of an unknown
 * project. In-process, through `yoga.fetch`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type GraphData, MemoryStore } from '../src/graph/store.js';
import { indexContent } from '../src/indexing/indexer.js';
import { createContext, createGraphServices } from '../src/schema/context.js';
import {
  bundledGraph,
  type Client,
  clientFor,
  type GraphQLResponse,
  type Json,
} from './helpers/graphqlClient.js';

const GOOGLE_TALKS = [
  'Kubernetes Project Update',
  'Container Native observability & security from Google Cloud',
];

/** A global id as the API encodes it, for ids the graph does not hold. */
const globalId = (typename: string, key: string) => Buffer.from(`${typename}:${key}`).toString('base64');

let data: GraphData;
let client: Client;
let gvisorId: string;
let conferenceId: string;

beforeAll(async () => {
  data = await bundledGraph();
  client = clientFor(data);
  const { data: ids } = await client.query(
    '{ tool(name: "gvisor") { id } conferences { edges { node { id } } } }',
  );
  gvisorId = ids.tool.id;
  conferenceId = ids.conferences.edges[0].node.id;
});

function expectBadInput(response: GraphQLResponse, argument: string): void {
  expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(response.errors?.[0]?.message).toContain(argument);
}

describe('search', () => {
  const SEARCH = `query ($query: String!, $types: [SearchType!], $first: Int) {
    search(query: $query, types: $types, first: $first) {
      score snippet node { id __typename ... on Tool { name } ... on Talk { title } }
    }
  }`;

  it('finds the tool gVisor from the typo "gvisr", first, with a snippet', async () => {
    const { data: result, errors } = await client.query(SEARCH, { query: 'gvisr' });
    expect(errors).toBeUndefined();
    const [first] = result.search;
    expect(first.node).toMatchObject({ __typename: 'Tool', name: 'gVisor', id: gvisorId });
    expect(first.snippet).toContain('«gVisor»');
    const scores = result.search.map((hit: Json) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score: number) => score > 0)).toBe(true);
  });

  it('returns only talks when asked for TALK', async () => {
    const { data: result } = await client.query(SEARCH, { query: 'gvisor', types: ['TALK'] });
    expect(result.search.length).toBeGreaterThan(0);
    expect(result.search.every((hit: Json) => hit.node.__typename === 'Talk')).toBe(true);
    expect(result.search.map((hit: Json) => hit.node.title).sort()).toEqual([...GOOGLE_TALKS].sort());
  });

  it('honours first and refuses more than 50 or fewer than 1 hits', async () => {
    const one = await client.query(SEARCH, { query: 'kubernetes', first: 1 });
    expect(one.data.search).toHaveLength(1);
    expect((await client.query(SEARCH, { query: 'kubernetes', first: 50 })).errors).toBeUndefined();
    expectBadInput(await client.query(SEARCH, { query: 'kubernetes', first: 51 }), '"first"');
    expectBadInput(await client.query(SEARCH, { query: 'kubernetes', first: 0 }), '"first"');
  });

  it('returns no hit for a blank query', async () => {
    const { data: result, errors } = await client.query(SEARCH, { query: '   ' });
    expect(errors).toBeUndefined();
    expect(result.search).toEqual([]);
  });
});

describe('path', () => {
  const PATH = `query ($from: ID!, $to: ID!, $maxDepth: Int) {
    path(from: $from, to: $to, maxDepth: $maxDepth) {
      length
      steps {
        from { id __typename }
        to { id __typename ... on Talk { title } }
        relation reversed evidence { path line text }
      }
    }
  }`;

  it('goes from the gVisor tool through a talk to the conference, with the mention as evidence', async () => {
    const { data: result, errors } = await client.query(PATH, { from: gvisorId, to: conferenceId });
    expect(errors).toBeUndefined();
    const { length, steps } = result.path;
    expect(length).toBe(2);
    expect(steps.map((s: Json) => [s.from.__typename, s.to.__typename])).toEqual([
      ['Tool', 'Talk'],
      ['Talk', 'Conference'],
    ]);
    const [mention, partOf] = steps;
    expect(mention.from.id).toBe(gvisorId);
    expect(GOOGLE_TALKS).toContain(mention.to.title);
    expect(mention).toMatchObject({ relation: 'MENTIONS', reversed: true });
    expect(mention.evidence.path).toBe('posts/2018-05-kubecon-europe.md');
    expect(mention.evidence.line).toBeGreaterThan(0);
    expect(mention.evidence.text).toContain('gVisor');
    expect(partOf).toMatchObject({ relation: 'PART_OF', reversed: false });
    expect(partOf.from.id).toBe(mention.to.id);
    expect(partOf.to.id).toBe(conferenceId);
  });

  it('is null when no path is at most maxDepth steps long', async () => {
    const { data: result, errors } = await client.query(PATH, {
      from: gvisorId,
      to: conferenceId,
      maxDepth: 1,
    });
    expect(errors).toBeUndefined();
    expect(result.path).toBeNull();
  });

  it('has no steps from an entity to itself', async () => {
    const { data: result } = await client.query(PATH, { from: gvisorId, to: gvisorId });
    expect(result.path).toEqual({ length: 0, steps: [] });
  });

  it('refuses unknown and malformed ids, ids of non-node types and a maxDepth out of range', async () => {
    expectBadInput(
      await client.query(PATH, { from: globalId('Tool', 'no-such-tool'), to: conferenceId }),
      '"from"',
    );
    expectBadInput(await client.query(PATH, { from: gvisorId, to: globalId('Evidence', 'x') }), '"to"');
    const malformed = await client.query(PATH, { from: 'not-a-global-id', to: conferenceId });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expectBadInput(
      await client.query(PATH, { from: gvisorId, to: conferenceId, maxDepth: 11 }),
      '"maxDepth"',
    );
    expectBadInput(await client.query(PATH, { from: gvisorId, to: conferenceId, maxDepth: 0 }), '"maxDepth"');
  });
});

describe('neighborhood', () => {
  const NEIGHBORHOOD = `query ($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      nodes { id __typename ... on Talk { title } }
      edges { source target relation }
    }
  }`;

  it("holds gVisor and its two talks at depth 1, with edges between the nodes' ids", async () => {
    const { data: result, errors } = await client.query(NEIGHBORHOOD, { id: gvisorId });
    expect(errors).toBeUndefined();
    const { nodes, edges } = result.neighborhood;
    expect(nodes[0]).toMatchObject({ id: gvisorId, __typename: 'Tool' });
    const talks = nodes.filter((n: Json) => n.__typename === 'Talk');
    expect(talks.map((t: Json) => t.title)).toEqual(GOOGLE_TALKS);
    const ids = new Set(nodes.map((n: Json) => n.id));
    expect(ids.size).toBe(nodes.length);
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(ids.has(edge.source), edge.source).toBe(true);
      expect(ids.has(edge.target), edge.target).toBe(true);
    }
    for (const talk of talks) {
      expect(edges).toContainEqual({ source: talk.id, target: gvisorId, relation: 'MENTIONS' });
    }
  });

  it('holds only the entity at depth 0 and at most limit entities', async () => {
    const alone = await client.query(NEIGHBORHOOD, { id: gvisorId, depth: 0 });
    expect(alone.data.neighborhood).toEqual({ nodes: [{ id: gvisorId, __typename: 'Tool' }], edges: [] });
    const two = await client.query(NEIGHBORHOOD, { id: conferenceId, depth: 2, limit: 2 });
    expect(two.data.neighborhood.nodes).toHaveLength(2);
  });

  it('refuses a depth above 3, a limit above 500 and an unknown id', async () => {
    expectBadInput(await client.query(NEIGHBORHOOD, { id: gvisorId, depth: 4 }), '"depth"');
    expectBadInput(await client.query(NEIGHBORHOOD, { id: gvisorId, limit: 1000 }), '"limit"');
    expectBadInput(await client.query(NEIGHBORHOOD, { id: gvisorId, limit: 0 }), '"limit"');
    expectBadInput(await client.query(NEIGHBORHOOD, { id: globalId('Talk', 'no-such-talk') }), '"id"');
  });
});

describe('suggestedTools', () => {
  const SUGGESTED = `query ($first: Int) {
    suggestedTools(first: $first) {
      term slug reason talkCount talks { title } occurrences { path line text } tool { name inferred }
    }
  }`;

  it('answers a list on the bundled content', async () => {
    const { data: result, errors } = await client.query(SUGGESTED);
    expect(errors).toBeUndefined();
    expect(Array.isArray(result.suggestedTools)).toBe(true);
    expect(result.suggestedTools).toHaveLength(Math.min(20, data.suggestions?.length ?? 0));
  });

  it('suggests the project behind a repository link no catalogue or registry knows', async () => {
    const fixture = await indexContent({ root: 'test/fixtures/discovery', catalogue: false });
    const { data: result, errors } = await clientFor(fixture.data).query(SUGGESTED);
    expect(errors).toBeUndefined();
    expect(result.suggestedTools).toEqual([
      {
        term: 'flowbench',
        slug: 'flowbench',
        reason: 'REPOSITORY',
        talkCount: 1,
        talks: [{ title: 'Benchmarking Data Pipelines' }],
        occurrences: [
          {
            path: 'posts/2022-04-flowconf.md',
            line: 12,
            text: '- Github Link: https://github.com/acme/flowbench',
          },
        ],
        tool: { name: 'flowbench', inferred: true },
      },
    ]);
  });

  it('returns at most first suggestions, and refuses more than 100', async () => {
    const fixture = await indexContent({ root: 'test/fixtures/discovery', catalogue: false });
    const fixtureClient = clientFor(fixture.data);
    expect((await fixtureClient.query(SUGGESTED, { first: 0 })).data.suggestedTools).toEqual([]);
    expectBadInput(await fixtureClient.query(SUGGESTED, { first: 101 }), '"first"');
  });
});

describe('stats', () => {
  it("counts what the index holds, and the tools by where they're defined", async () => {
    const { data: result, errors } = await client.query(`{
      stats { conferences talks tools topics links speakers videos inferredTools catalogueTools registryTools }
    }`);
    expect(errors).toBeUndefined();
    const ofOrigin = (origin: string) => data.tools.filter((tool) => tool.origin === origin).length;
    expect(result.stats).toEqual({
      conferences: data.conferences.length,
      talks: data.talks.length,
      tools: data.tools.length,
      topics: data.topics.length,
      links: data.links.length,
      speakers: data.speakers.length,
      videos: data.talks.filter((talk) => talk.videoUrl !== null).length,
      inferredTools: ofOrigin('INFERRED'),
      catalogueTools: ofOrigin('CATALOGUE'),
      registryTools: ofOrigin('REGISTRY'),
    });
    expect(result.stats.talks).toBe(7);
    expect(result.stats.inferredTools + result.stats.catalogueTools + result.stats.registryTools).toBe(
      result.stats.tools,
    );
  });
});

describe('TalkFilter.query', () => {
  const TALKS = `query ($query: String, $orderBy: TalkOrder) {
    talks(filter: { query: $query }, orderBy: $orderBy) { totalCount edges { node { title } } }
  }`;
  const titles = async (query: string, orderBy = 'FILE'): Promise<string[]> => {
    const { data: result, errors } = await client.query(TALKS, { query, orderBy });
    expect(errors).toBeUndefined();
    return result.talks.edges.map((e: Json) => e.node.title);
  };

  it('finds the Google observability talk for "observability", even misspelt', async () => {
    expect(await titles('observability')).toContain(GOOGLE_TALKS[1]);
    expect(await titles('obsrvability')).toContain(GOOGLE_TALKS[1]);
  });

  it('keeps the talks search finds for the words, in the order asked for', async () => {
    expect(await titles('gvisor prometheus')).toEqual(GOOGLE_TALKS);
    expect(await titles('gvisor prometheus', 'TITLE')).toEqual([...GOOGLE_TALKS].sort());
    expect(await titles('zzzqqq xxyyww')).toEqual([]);
  });

  it('finds the same talks as searchConnection, ranked the same way by default', async () => {
    for (const query of ['kubernetes security', 'gvisr', 'observability prometheus']) {
      const { data: result, errors } = await client.query(
        `query ($query: String!) {
          talks(filter: { query: $query }, first: 100) { totalCount edges { node { slug } } }
          searchConnection(query: $query, types: [TALK], first: 100) { totalCount edges { node { node { ... on Talk { slug } } } } }
        }`,
        { query },
      );
      expect(errors).toBeUndefined();
      const filtered = result.talks.edges.map((e: Json) => e.node.slug);
      const searched = result.searchConnection.edges.map((e: Json) => e.node.node.slug);
      expect(filtered.length).toBeGreaterThan(0);
      expect(result.talks.totalCount).toBe(result.searchConnection.totalCount);
      expect(filtered).toEqual(searched);
    }
  });
});

describe('discovery services', () => {
  it('builds the discovery indexes once per graph and shares them with every store and request', () => {
    expect(new MemoryStore(data).discovery).toBe(new MemoryStore(data).discovery);
    const services = createGraphServices(data);
    expect(createContext(services).store).toBe(services.store);
    expect(createContext(services).loaders).not.toBe(createContext(services).loaders);
  });
});
