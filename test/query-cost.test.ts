/**
 * The cost of a query counts what makes it expensive, with its variables and
 * before it runs: every searched word wherever the search is nested (and a
 * filter's words are matched once per request). Plain lists are counted at
 * their cut (`list-caps.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import { createGraphServices } from '../src/schema/context.js';
import { createTalkgraphYoga } from '../src/server/yoga.js';
import { clientFor } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

describe('search inside lists', () => {
  const nested = (query: string, first: number) =>
    `{ tools(first: ${first}) { edges { node { talks(first: 0, filter: { query: "${query}" }) { totalCount } } } } }`;

  it('counts every searched word in the cost, wherever the search is nested', async () => {
    const client = clientFor(manyTalksGraph(36));
    const refused = await client.query(nested('a b c d e f g h i j k l', 100));
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.errors?.[0]?.message).toMatch(/Cost limit/);
    const allowed = await client.query(nested('gvisor', 8));
    expect(allowed.errors).toBeUndefined();
  });

  it("matches a filter's words once per request, however many parents repeat it", async () => {
    const data = manyTalksGraph(36);
    const services = createGraphServices(data);
    let calls = 0;
    const store = services.store;
    const original = store.search.bind(store);
    store.search = (query, types) => {
      calls += 1;
      return original(query, types);
    };
    try {
      const yoga = createTalkgraphYoga({ services, responseCache: false });
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: nested('gvisor', 8) }),
      });
      const body = await response.json();
      expect(body.data.tools.edges).toHaveLength(8);
      expect(calls).toBe(1);
    } finally {
      store.search = original;
    }
  });
});
