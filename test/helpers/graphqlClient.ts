/**
 * Test helpers for in-process GraphQL requests: a Yoga over a graph (the
 * bundled content, or any GraphData), a `query` function that POSTs (or
 * GETs) through `yoga.fetch`, and a store wrapper that counts calls.
 */
import type { GraphData, GraphStore } from '../../src/graph/store.js';
import { MemoryStore } from '../../src/graph/store.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { createGraphServices } from '../../src/schema/context.js';
import { createTalkgraphYoga, type TalkgraphYoga, type YogaOptions } from '../../src/server/yoga.js';

/** A value of a GraphQL result: its shape is the query's, and tests check it with assertions. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
export type Json = any;

export interface GraphQLResponse {
  status: number;
  data?: Json;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Client {
  yoga: TalkgraphYoga;
  /** POSTs a query; resolves to the HTTP status and the JSON body. */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** Sends a query with GET, as a browser link would. */
  get(query: string): Promise<GraphQLResponse>;
}

export function clientFor(
  data: GraphData,
  store: GraphStore = new MemoryStore(data),
  options: Partial<YogaOptions> = {},
): Client {
  const yoga = createTalkgraphYoga({ services: createGraphServices(data, store), ...options });
  const read = async (response: Response): Promise<GraphQLResponse> => ({
    status: response.status,
    ...((await response.json()) as Omit<GraphQLResponse, 'status'>),
  });
  return {
    yoga,
    query: async (query, variables) =>
      read(
        await yoga.fetch('http://yoga/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query, variables }),
        }),
      ),
    get: async (query) =>
      read(
        await yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent(query)}`, {
          headers: { accept: 'application/json' },
        }),
      ),
  };
}

let bundled: Promise<GraphData> | undefined;

/** The graph of the bundled `content/` folder, indexed once per test file. */
export function bundledGraph(): Promise<GraphData> {
  bundled ??= indexContent({ root: 'content' }).then((result) => result.data);
  return bundled;
}

export type StoreCalls = Record<string, number>;

/** Wraps a store so every method call is counted by name. */
export function countingStore(store: GraphStore): { store: GraphStore; calls: StoreCalls; total(): number } {
  const calls: StoreCalls = {};
  const counted = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls[property] = (calls[property] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { store: counted, calls, total: () => Object.values(calls).reduce((a, b) => a + b, 0) };
}
