/**
 * The limits talkgraph ships with, as a server started without options
 * applies them: query cost (20,000, page sizes from variables included), page sizes
 * (100 at most, 20 by default), search hits (50), neighbourhoods (500
 * entities), request bodies (1,000,000 bytes) and content files (4 MiB).
 * Other tests pass their own caps to exercise the mechanism; these pin the
 * shipped values, each from both sides where it is cheap.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchIndex } from '../src/graph/search.js';
import { loadContent } from '../src/load/walk.js';
import { createHttpServer } from '../src/server/http.js';
import { type Client, clientFor, type GraphQLResponse } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';
import { syntheticGraph } from './helpers/syntheticGraph.js';

let client: Client;

beforeAll(() => {
  client = clientFor(manyTalksGraph(36), undefined, { responseCache: false });
});

function expectTooComplex(response: GraphQLResponse, message: RegExp) {
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(response.errors?.[0]?.message).toMatch(message);
}

/** Pages of talks under pages of tools, sizes written in the document. */
const toolsWithTalkPages = (tools: number, talks: number) =>
  `{ tools(first: ${tools}) { edges { node { talks(first: ${talks}) { edges { node { title } } } } } } }`;

/** The same shape sized by a variable: the cost is counted once the variables are known. */
const PAGES_OF_PAGES = `query ($n: Int) { tools(first: $n) { edges { node {
  talks(first: $n) { edges { node { title } } } } } } }`;

describe('shipped query limits', () => {
  it('refuses an operation costing over 20,000, with page sizes written or passed as variables, and runs one just under', async () => {
    // Pages of pages cost about 2·outer·inner: 100 × 100 is 20,301; 99 × 99 and 100 × 98 are just under 20,000.
    expectTooComplex(
      await client.query(PAGES_OF_PAGES, { n: 100 }),
      /Cost limit of 20000 exceeded, found 20301/,
    );
    expectTooComplex(await client.query(toolsWithTalkPages(100, 100)), /Cost limit of 20000 exceeded/);
    for (const response of [
      await client.query(PAGES_OF_PAGES, { n: 99 }),
      await client.query(toolsWithTalkPages(100, 98)),
    ]) {
      expect(response.errors).toBeUndefined();
      expect(response.data?.tools.edges.length).toBeGreaterThan(0);
    }
  });

  it('serves pages of at most 100 items, 20 when none is asked for', async () => {
    const { data, errors } = await client.query(`{
      all: talks(first: 100) { edges { node { slug } } }
      unsized: talks { edges { node { slug } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.all.edges).toHaveLength(36);
    expect(data?.unsized.edges).toHaveLength(20);
    const over = await client.query('query ($n: Int) { talks(first: $n) { totalCount } }', { n: 101 });
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0]?.message).toContain('capped at 100');
  });

  it('returns at most 50 search hits, 10 by default', () => {
    const data = syntheticGraph();
    for (let i = 0; i < 80; i++)
      data.speakers.push({ slug: `speaker-${i}`, name: `Speaker ${i}`, affiliation: null, talkSlugs: [] });
    const index = SearchIndex.build(data);
    expect(index.search('speaker')).toHaveLength(10);
    expect(index.search('speaker', { limit: 1000 })).toHaveLength(50);
  });

  it('refuses a neighbourhood of more than 500 entities', async () => {
    const id = Buffer.from('Tool:helm').toString('base64');
    const query = 'query ($id: ID!, $limit: Int) { neighborhood(id: $id, limit: $limit) { nodes { id } } }';
    const within = await client.query(query, { id, limit: 500 });
    expect(within.errors).toBeUndefined();
    const over = await client.query(query, { id, limit: 501 });
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('shipped HTTP and content limits', () => {
  it('takes request bodies of up to 1,000,000 bytes and refuses larger ones with 413', async () => {
    const http = createHttpServer();
    const base = await http.listen(0, '127.0.0.1');
    http.ready((req, res) => {
      req.resume();
      req.on('end', () => res.end('graphql'));
    }, {});
    try {
      const post = (bytes: number) =>
        fetch(new URL('/graphql', base), { method: 'POST', body: 'x'.repeat(bytes) });
      expect((await post(1_000_000)).status).toBe(200);
      const over = await post(1_000_001);
      expect(over.status).toBe(413);
      expect(JSON.stringify(await over.json())).toContain('1000000 bytes');
    } finally {
      await http.close();
    }
  });

  it('reads content files of up to 4 MiB and refuses larger ones with FILE_TOO_LARGE', async () => {
    const root = await mkdtemp(join(tmpdir(), 'talkgraph-limits-'));
    try {
      await writeFile(join(root, 'at-limit.md'), 'a'.repeat(4 * 1024 * 1024));
      await writeFile(join(root, 'over-limit.md'), 'a'.repeat(4 * 1024 * 1024 + 1));
      const { files, diagnostics } = await loadContent(root);
      expect(files.map((f) => f.path)).toEqual(['at-limit.md']);
      expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['FILE_TOO_LARGE', 'over-limit.md']]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
