/**
 * The cost of an operation is remembered per document, graph and variables,
 * yet every request is still judged by its own: the same document is refused
 * or answered by the variables it comes with, as often as it is sent, on
 * each graph by that graph's list lengths.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/graph/store.js';
import { createContext, createGraphServices } from '../src/schema/context.js';
import { schema } from '../src/schema/index.js';
import { COST_ENTRIES_PER_DOCUMENT, COST_KEY_MAX_CHARS, operationCost } from '../src/server/operationCost.js';
import { clientFor } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

const NESTED = `query ($n: Int) { tools(first: $n) { edges { node { talks(first: $n) { edges { node {
  tools { talks(first: $n) { totalCount } } } } } } } } }`;

describe('remembered operation cost', () => {
  const data = manyTalksGraph(60);
  const client = clientFor(data, new MemoryStore(data), { responseCache: false });

  it('refuses a document by its variables each time, after the same document was answered', async () => {
    for (let i = 0; i < 3; i++) {
      const small = await client.query(NESTED, { n: 2 });
      expect(small.errors).toBeUndefined();
      const large = await client.query(NESTED, { n: 100 });
      expect(large.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(large.data ?? null).toBeNull();
    }
  });

  it('counts the same as a fresh count for every variable set, past the number kept per document', () => {
    const document = parse(NESTED);
    const context = createContext(createGraphServices(data));
    const costs = new Map<number, number>();
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < COST_ENTRIES_PER_DOCUMENT + 10; n++) {
        const { cost, invalid } = operationCost(schema, document, context, { n }, undefined);
        expect(invalid).toHaveLength(0);
        if (round === 0) costs.set(n, cost);
        else expect(cost).toBe(costs.get(n));
      }
    }
    // Larger pages cost more: the count follows the variables, not the first request.
    expect(costs.get(10)).toBeGreaterThan(costs.get(2) ?? Number.POSITIVE_INFINITY);
  });

  it('counts variables too long to keep as a key afresh, with the same result', () => {
    const document = parse('query ($name: String!) { tool(name: $name) { talks(first: 5) { totalCount } } }');
    const context = createContext(createGraphServices(data));
    const name = 'x'.repeat(COST_KEY_MAX_CHARS + 1);
    const first = operationCost(schema, document, context, { name }, undefined);
    const again = operationCost(schema, document, context, { name }, undefined);
    expect(again.cost).toBe(first.cost);
    expect(first.cost).toBeGreaterThan(0);
  });

  it('counts a plain list by the longest list of the graph it runs on', () => {
    const document = parse('{ talks(first: 1) { edges { node { links { url } } } } }');
    const services = createGraphServices(data);
    const short = createContext(services);
    // Another graph, whose longest talk cites 40 links.
    const long = createContext({ ...services, listBounds: { ...services.listBounds, 'Talk.links': 40 } });
    const a = operationCost(schema, document, short, {}, undefined).cost;
    const b = operationCost(schema, document, long, {}, undefined).cost;
    expect(b).toBeGreaterThan(a);
    expect(operationCost(schema, document, short, {}, undefined).cost).toBe(a);
    expect(operationCost(schema, document, long, {}, undefined).cost).toBe(b);
  });
});
