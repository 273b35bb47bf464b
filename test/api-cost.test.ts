/**
 * The cost of an operation is estimated with its variables before it runs:
 * page sizes passed as variables or left to their defaults, `limit`s and
 * plain lists count, so nested pages are refused quickly, while ordinary
 * queries and GraphiQL's introspection still run.
 */
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/graph/store.js';
import { type Client, clientFor, countingStore, type GraphQLResponse } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

let client: Client;
let counter: ReturnType<typeof countingStore>;

beforeAll(() => {
  const data = manyTalksGraph(320);
  counter = countingStore(new MemoryStore(data));
  client = clientFor(data, counter.store, { responseCache: false });
});

/** Sends a query and says how many times the store was asked while it ran. */
async function withStoreCalls(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ response: GraphQLResponse; storeCalls: number }> {
  const before = counter.total();
  const response = await client.query(query, variables);
  return { response, storeCalls: counter.total() - before };
}

function expectRefused(response: GraphQLResponse) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
}

describe('execution-time cost limit', () => {
  it('refuses pages of pages sized by variables before asking the store for anything', async () => {
    const { response, storeCalls } = await withStoreCalls(
      `query ($n: Int) { tools(first: $n) { edges { node { talks(first: $n) { edges { node {
        tools { talks(first: $n) { totalCount edges { node { title } } } } } } } } } } }`,
      { n: 100 },
    );
    expectRefused(response);
    expect(response.errors?.[0]?.message).toMatch(/Cost limit/);
    expect(storeCalls).toBe(0);
  });

  it('refuses nested pages left to their default size before asking the store', async () => {
    const { response, storeCalls } = await withStoreCalls(`{ tools { edges { node { talks { edges { node {
      tools { talks { edges { node { title } } } } } } } } } } }`);
    expectRefused(response);
    expect(storeCalls).toBe(0);
  });

  it('refuses a large neighborhood with nested lists before asking the store', async () => {
    const id = Buffer.from('Tool:helm').toString('base64');
    const { response, storeCalls } = await withStoreCalls(
      `query ($id: ID!) { neighborhood(id: $id, depth: 3, limit: 500) { nodes { id
        ... on Talk { tools { talks { edges { node { title } } } } } } } }`,
      { id },
    );
    expectRefused(response);
    expect(storeCalls).toBe(0);
  });

  it('runs an ordinary page of talks, asking the store', async () => {
    const { response, storeCalls } = await withStoreCalls(
      'query ($n: Int) { talks(first: $n) { edges { node { title tools { name } conference { name } } } } }',
      { n: 20 },
    );
    const { data, errors } = response;
    expect(errors).toBeUndefined();
    expect(storeCalls).toBeGreaterThan(0);
    expect(data?.talks.edges).toHaveLength(20);
    expect(data?.talks.edges[0].node.tools.length).toBeGreaterThan(0);
  });

  it("runs GraphiQL's introspection query", async () => {
    const { data, errors } = await client.query(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    expect(data?.__schema.queryType.name).toBe('Query');
  });
});
