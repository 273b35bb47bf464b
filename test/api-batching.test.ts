/**
 * Relations resolve through per-request DataLoaders: a page of talks with
 * their tools, topics and conference costs a fixed number of store calls,
 * however many talks the page holds. Uses a generated graph of 36 talks and a
 * store wrapped to count calls.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/graph/store.js';
import { clientFor, countingStore } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

const PAGE_WITH_RELATIONS = `query ($first: Int) {
  talks(first: $first) {
    totalCount
    edges { node { title tools { name } topics { name } conference { name year } speakers { name } } }
  }
}`;

function counted() {
  const data = manyTalksGraph(36);
  const counter = countingStore(new MemoryStore(data));
  return { data, counter, client: clientFor(data, counter.store, { responseCache: false }) };
}

describe('batching', () => {
  it('loads 20 talks with their tools, topics and conference in one store call per kind', async () => {
    const { counter, client } = counted();
    const { data, errors } = await client.query(PAGE_WITH_RELATIONS, { first: 20 });
    expect(errors).toBeUndefined();
    expect(data?.talks.edges).toHaveLength(20);
    for (const edge of data?.talks.edges ?? []) {
      expect(edge.node.tools.length).toBeGreaterThan(0);
      expect(edge.node.topics.length).toBeGreaterThan(0);
      expect(edge.node.conference.name).toMatch(/^Conf /);
    }
    expect(counter.calls).toEqual({ list: 1, talks: 1, tools: 1, topics: 1, conferences: 1, speakers: 1 });
  });

  it('makes as many store calls for 36 talks as for 2', async () => {
    const small = counted();
    await small.client.query(PAGE_WITH_RELATIONS, { first: 2 });
    const large = counted();
    const { data } = await large.client.query(PAGE_WITH_RELATIONS, { first: 100 });
    expect(data?.talks.edges).toHaveLength(36);
    expect(large.counter.total()).toBe(small.counter.total());
  });

  it("batches nested lists: every tool's talks and their conferences in a few calls", async () => {
    const { counter, client } = counted();
    const { data, errors } = await client.query(`{
      tools(first: 8) { edges { node { name talkCount talks(first: 5) { edges { node { title conference { name } } } } } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.tools.edges).toHaveLength(8);
    expect(counter.calls.talksOfTools).toBe(1);
    expect(counter.calls.talks).toBe(1);
    expect(counter.calls.conferences).toBe(1);
    expect(counter.total()).toBeLessThanOrEqual(5);
  });

  it('serves an identical query again from the response cache without touching the store', async () => {
    const data = manyTalksGraph(36);
    const counter = countingStore(new MemoryStore(data));
    const client = clientFor(data, counter.store);
    const first = await client.query(PAGE_WITH_RELATIONS, { first: 20 });
    const callsAfterFirst = counter.total();
    const second = await client.query(PAGE_WITH_RELATIONS, { first: 20 });
    expect(second.data).toEqual(first.data);
    expect(counter.total()).toBe(callsAfterFirst);
  });
});
