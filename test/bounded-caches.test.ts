/**
 * Every cache the server keeps stays under its bound however many distinct
 * or large answers and documents arrive: whole answers by bytes (oldest
 * evicted first) and parsed documents by entries.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentCache, createResponseCache } from '../src/server/caches.js';
import { clientFor } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

describe('caches', () => {
  it('keeps the response cache under its byte bound, evicting the oldest answers', async () => {
    const data = manyTalksGraph(36);
    const cache = createResponseCache({ bytes: 20_000 });
    const client = clientFor(data, undefined, { responseCacheStore: cache });
    for (let first = 1; first <= 40; first++) {
      const response = await client.query(`{ talks(first: ${first}) { edges { node { title notes } } } }`);
      expect(response.data.talks.edges).toHaveLength(Math.min(first, 36));
    }
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.bytes).toBeLessThanOrEqual(20_000);
    expect(cache.size).toBeLessThan(40);
  });
});

describe('distinct documents', () => {
  it('keeps parsed documents under the cache bound however many distinct queries arrive', async () => {
    const documentCache = createDocumentCache({ entries: 20 });
    const client = clientFor(manyTalksGraph(3), undefined, { documentCache, responseCache: false });
    for (let i = 0; i < 200; i++) {
      const response = await client.query(`{ q${i}: stats { talks } }`);
      expect(response.data[`q${i}`].talks).toBe(3);
    }
    expect(documentCache.size).toBeGreaterThan(0);
    expect(documentCache.size).toBeLessThanOrEqual(20);
  });
});
