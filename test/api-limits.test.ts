/**
 * Hostile or malformed requests are refused cheaply with one clear error and
 * a code (deep, wide, aliased, costly, huge documents; oversized lists and
 * texts), GraphiQL's own introspection still works, and unexpected failures
 * are masked without leaking messages or stack traces.
 */
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/graph/store.js';
import { MemoryStore } from '../src/graph/store.js';
import { type Client, clientFor, type GraphQLResponse } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

let client: Client;

beforeAll(() => {
  client = clientFor(manyTalksGraph(36));
});

function expectRefused(response: GraphQLResponse, code: string) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.extensions?.code).toBe(code);
}

describe('operation limits', () => {
  it('refuses a query nested deeper than 12 levels', async () => {
    const deep = `{ tool(name: "gvisor") { talks { edges { node { tools { talks { edges { node {
      tools { talks { edges { node { title } } } } } } } } } } } } }`;
    const response = await client.query(deep);
    expectRefused(response, 'QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/depth limit of 12/);
  });

  it('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: stats { talks }`).join(' ');
    const response = await client.query(`{ ${aliases} }`);
    expectRefused(response, 'QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/Aliases limit of 30/);
  });

  it('refuses pages of pages that would cost too much', async () => {
    const response = await client.query(`{
      tools(first: 100) { edges { node { talks(first: 100) { edges { node { title notes summary
        conference { name talks(first: 100) { edges { node { title } } } } } } } } } }
    }`);
    expectRefused(response, 'QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/Cost limit/);
  });

  it('refuses a document of more than 2000 tokens', async () => {
    const fields = Array.from({ length: 2100 }, () => 'talks').join(' ');
    const response = await client.query(`{ stats { ${fields} } }`);
    expectRefused(response, 'GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/Token limit of 2000/);
  });

  it("accepts GraphiQL's introspection query", async () => {
    const { data, errors } = await client.query(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    expect(data?.__schema.queryType.name).toBe('Query');
  });
});

describe('argument checks', () => {
  it('refuses more than 100 ids in nodes(ids)', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => Buffer.from(`Talk:talk-${i}`).toString('base64'));
    const { errors } = await client.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toContain('at most 100');
  });

  it('refuses out-of-range counts for related talks, related tools and top tools', async () => {
    for (const query of [
      '{ talk(slug: "talk-001") { relatedTalks(first: 51) { score } } }',
      '{ tool(name: "helm") { relatedTools(first: -1) { name } } }',
      'query ($n: Int) { tool(name: "helm") { relatedTools(first: $n) { name } } }',
      '{ stats { topTools(first: 101) { name } } }',
    ]) {
      const { errors } = await client.query(query, { n: 51 });
      expect(errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message, query).toMatch(/Argument "first" must be an integer from 0 to \d+/);
    }
  });

  it('refuses texts over 200 characters and URLs that are not http(s)', async () => {
    const long = await client.query('query ($q: String) { talks(filter: { query: $q }) { totalCount } }', {
      q: 'x'.repeat(201),
    });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toContain('"filter.query"');
    const url = await client.query('{ link(url: "ftp://example.com/file") { url } }');
    expect(url.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(url.errors?.[0]?.message).toContain('absolute http(s) URL');
  });

  it('refuses a negative minTalks', async () => {
    const { errors } = await client.query('{ tools(filter: { minTalks: -2 }) { totalCount } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('unexpected errors', () => {
  it('masks a failing store as "Unexpected error." with no message or stack of its own', async () => {
    const data = manyTalksGraph(5);
    const memory = new MemoryStore(data);
    const failing: GraphStore = Object.assign(Object.create(memory) as GraphStore, {
      talks: async () => {
        throw new Error('database password is hunter2');
      },
    });
    const response = await clientFor(data, failing).yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ talks { edges { node { title } } } }' }),
    });
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('stack');
    expect(text).not.toMatch(/\.ts:\d+/);
    const body = JSON.parse(text);
    expect(body.errors[0].message).toBe('Unexpected error.');
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
