/**
 * The cost of an operation is estimated with its variables before it runs:
 * page sizes passed as variables or left to their defaults, `limit`s and
 * plain lists count, so nested pages are refused quickly, while ordinary
 * queries and GraphiQL's introspection still run.
 */
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, type GraphQLResponse } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

let client: Client;

beforeAll(() => {
  client = clientFor(manyTalksGraph(320));
});

function expectRefused(response: GraphQLResponse) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
}

describe('execution-time cost limit', () => {
  it('refuses pages of pages sized by variables, quickly', async () => {
    const started = performance.now();
    const response = await client.query(
      `query ($n: Int) { tools(first: $n) { edges { node { talks(first: $n) { edges { node {
        tools { talks(first: $n) { totalCount edges { node { title } } } } } } } } } } }`,
      { n: 100 },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expectRefused(response);
    expect(response.errors?.[0]?.message).toMatch(/Cost limit/);
  });

  it('refuses nested pages left to their default size', async () => {
    const response = await client.query(`{ tools { edges { node { talks { edges { node {
      tools { talks { edges { node { title } } } } } } } } } } }`);
    expectRefused(response);
  });

  it('refuses a large neighborhood with nested lists', async () => {
    const id = Buffer.from('Tool:helm').toString('base64');
    const response = await client.query(
      `query ($id: ID!) { neighborhood(id: $id, depth: 3, limit: 500) { nodes { id
        ... on Talk { tools { talks { edges { node { title } } } } } } } }`,
      { id },
    );
    expectRefused(response);
  });

  it('runs an ordinary page of talks', async () => {
    const { data, errors } = await client.query(
      'query ($n: Int) { talks(first: $n) { edges { node { title tools { name } conference { name } } } } }',
      { n: 20 },
    );
    expect(errors).toBeUndefined();
    expect(data?.talks.edges).toHaveLength(20);
    expect(data?.talks.edges[0].node.tools.length).toBeGreaterThan(0);
  });

  it("runs GraphiQL's introspection query", async () => {
    const { data, errors } = await client.query(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    expect(data?.__schema.queryType.name).toBe('Query');
  });
});
