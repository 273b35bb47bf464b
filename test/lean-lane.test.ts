/**
 * The short way for plain queries (`server/leanLane`), served as `talkgraph
 * serve --no-response-cache` serves it (the HTTP server, its body cap, the
 * GraphQL listener), against Yoga serving the same schema and graph on its
 * own: the README's queries and requests that fail or that Yoga negotiates
 * get the same status, headers and bytes from both, plain queries never
 * reach Yoga, and every limit still refuses on the short way.
 */

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The page the serving bench measures: the short way is held to Yoga on exactly that query.
import { TOOL_PAGE } from '../bench/servers.js';
import type { GraphData } from '../src/graph/store.js';
import { MemoryStore } from '../src/graph/store.js';
import { createGraphServices } from '../src/schema/context.js';
import { createAnswerer } from '../src/server/fastPath.js';
import { graphqlListener } from '../src/server/graphqlListener.js';
import { createHttpServer, MAX_BODY_BYTES, type TalkgraphHttpServer } from '../src/server/http.js';
import { createTalkgraphYoga, type TalkgraphYoga } from '../src/server/yoga.js';
import { bundledGraph } from './helpers/graphqlClient.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Headers node:http itself adds to every answer, whoever made it. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive']);

/**
 * The headers without the body's framing: Yoga on its own sends an empty
 * body chunked where the listener, which reads Yoga's answer whole, sends a
 * length; the bytes of the body are compared apart.
 */
function unframed(headers: Reply['headers']): Reply['headers'] {
  const { 'transfer-encoding': _chunked, 'content-length': _length, ...rest } = headers;
  return rest;
}

/** One request over a real socket, with exactly the headers given (fetch would add its own). */
function send(
  base: URL,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const req = httpRequest(
      new URL(init.path ?? '/graphql', base),
      {
        method: init.method ?? 'POST',
        headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = Object.fromEntries(
            Object.entries(res.headers).filter(([name]) => !TRANSPORT.has(name)),
          );
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Served {
  http: TalkgraphHttpServer;
  base: URL;
}

async function serve(handler: Parameters<TalkgraphHttpServer['ready']>[0]): Promise<Served> {
  const http = createHttpServer();
  const base = await http.listen(0, '127.0.0.1');
  http.ready(handler, {});
  return { http, base };
}

/** A Yoga that counts the requests it is asked to answer and the queries it is asked to judge. */
function counted(yoga: TalkgraphYoga) {
  const calls = { fetch: 0, getEnveloped: 0 };
  const wrapped = new Proxy(yoga, {
    get: (target, property) => {
      const value = Reflect.get(target, property);
      if ((property === 'fetch' || property === 'getEnveloped') && typeof value === 'function') {
        return (...args: unknown[]) => {
          calls[property] += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { yoga: wrapped, calls };
}

const json = { 'content-type': 'application/json', accept: 'application/json' };
const post = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables, ...extra });

const readme = readFileSync('README.md', 'utf8');
const README_QUERIES = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

interface Case {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ');
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Requests that fail, or that Yoga answers its own way: each must get Yoga's answer to the byte. */
const YOGAS: Case[] = [
  { name: 'an unknown field', body: post('{ nope }') },
  { name: 'a syntax error', body: post('{ tool(name: ') },
  {
    name: 'a query 20 levels deep',
    body: post(`{ ${'tools { edges { node { '.repeat(7)}name${' } } }'.repeat(7)} }`),
  },
  {
    name: 'a chain of 40 fragments',
    body: post(`{ ...F0 } ${fragments} fragment F40 on Query { stats { talks } }`),
  },
  {
    name: '200 aliases',
    body: post(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: stats { talks }`).join(' ')} }`),
  },
  { name: 'fifty directives', body: post(`{ stats ${'@include(if: true) '.repeat(50)}{ talks } }`) },
  { name: 'a document of 5,000 tokens', body: post(`{ stats { ${'talks '.repeat(5000)}} }`) },
  { name: 'a page size over the cap in the document', body: post('{ tools(first: 1000) { totalCount } }') },
  {
    name: 'a page size over the cap as a variable',
    body: post('query ($n: Int) { talks(first: $n) { edges { node { title } } } }', { n: 1_000_000 }),
  },
  {
    name: 'a cost over the limit through variables',
    body: post(
      'query ($n: Int) { tools(first: $n) { edges { node { talks(first: $n) { edges { node { tools { talks(first: $n) { totalCount } } } } } } } } }',
      { n: 100 },
    ),
  },
  {
    name: 'variables nested 20,000 levels deep',
    body: `{"query":"query ($x: String) { stats { talks } }","variables":{"x":${deepJson(20_000)}}}`,
  },
  {
    name: 'a variable of the wrong type',
    body: post('query ($n: Int!) { tools(first: $n) { totalCount } }', { n: 'x' }),
  },
  { name: 'a missing variable', body: post('query ($n: Int!) { tools(first: $n) { totalCount } }') },
  { name: 'a malformed global id', body: post('{ node(id: "not-an-id") { id } }') },
  { name: 'a mutation', body: post('mutation { x }') },
  { name: 'a subscription', body: post('subscription { graphChanged { version } }') },
  { name: 'a parameter Yoga does not know', body: post('{ stats { talks } }', undefined, { id: 'x' }) },
  { name: 'extensions', body: post('{ stats { talks } }', undefined, { extensions: { a: 1 } }) },
  {
    name: 'an operation name the document lacks',
    body: post('query Q { stats { talks } }', undefined, { operationName: 'Other' }),
  },
  {
    name: 'two operations, one chosen',
    body: post('query A { stats { talks } } query B { stats { tools } }', undefined, { operationName: 'B' }),
  },
  { name: 'introspection', body: post('{ __schema { queryType { name } } }') },
  { name: 'a batch', body: JSON.stringify([{ query: '{ stats { talks } }' }]) },
  { name: 'invalid JSON', body: '{"query": "{ stats' },
  {
    name: 'a gzip body',
    body: gzipSync(post('{ stats { talks } }')),
    headers: { ...json, 'content-encoding': 'gzip' },
  },
  {
    name: 'a GraphQL response type',
    body: post('{ nope }'),
    headers: { ...json, accept: 'application/graphql-response+json' },
  },
  {
    name: 'a plain query for GraphQL response JSON',
    body: post('{ stats { talks } }'),
    headers: { ...json, accept: 'application/graphql-response+json' },
  },
  {
    name: 'a browser origin',
    body: post('{ stats { talks } }'),
    headers: { ...json, origin: 'http://a.example' },
  },
  {
    name: 'text instead of JSON',
    body: post('{ stats { talks } }'),
    headers: { 'content-type': 'text/plain' },
  },
  {
    name: 'an event stream',
    body: post('{ stats { talks } }'),
    headers: { ...json, accept: 'text/event-stream' },
  },
  {
    name: 'a browser GET (GraphiQL)',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ stats { talks } }')}`,
    headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
  },
  {
    name: 'a mutation by GET',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation { x }')}`,
    headers: { accept: 'application/json' },
  },
  {
    name: 'a body over the cap',
    body: post(`{ stats { talks } } #${'x'.repeat(MAX_BODY_BYTES)}`),
  },
];

describe('the short way against Yoga', () => {
  let data: GraphData;
  let ours: Served;
  let theirs: Served;
  let calls: { fetch: number; getEnveloped: number };

  beforeAll(async () => {
    data = await bundledGraph();
    const make = () =>
      createTalkgraphYoga({
        services: createGraphServices(data, new MemoryStore(data)),
        responseCache: false,
      });
    const wrapped = counted(make());
    calls = wrapped.calls;
    ours = await serve(graphqlListener(createAnswerer(wrapped.yoga), wrapped.yoga));
    theirs = await serve(make());
  });

  afterAll(async () => {
    await ours.http.close();
    await theirs.http.close();
  });

  async function compare(init: Case): Promise<Reply> {
    const request = { ...init, headers: init.headers ?? json };
    const mine = await send(ours.base, request);
    const yoga = await send(theirs.base, request);
    expect(mine.status, init.name).toBe(yoga.status);
    expect(unframed(mine.headers), init.name).toEqual(unframed(yoga.headers));
    expect(mine.body.toString('latin1'), init.name).toBe(yoga.body.toString('latin1'));
    if (yoga.headers['content-length'] !== undefined) {
      expect(mine.headers['content-length'], init.name).toBe(yoga.headers['content-length']);
    }
    return mine;
  }

  it("answers the README's queries and a tool page byte for byte as Yoga, without asking Yoga", async () => {
    expect(README_QUERIES.length).toBeGreaterThanOrEqual(5);
    const before = calls.fetch;
    for (const [index, query] of README_QUERIES.entries()) {
      const reply = await compare({ name: `README query ${index + 1}`, body: post(query) });
      expect(reply.status).toBe(200);
      // One body of a declared length, never chunked.
      expect(reply.headers['content-length']).toBe(String(reply.body.length));
      expect(reply.headers['transfer-encoding']).toBeUndefined();
      expect(JSON.parse(reply.body.toString()).errors).toBeUndefined();
    }
    for (const first of [1, 5, 20]) {
      await compare({ name: `tool page of ${first}`, body: post(TOOL_PAGE, { name: 'gvisor', first }) });
    }
    const search = new URLSearchParams({
      query: TOOL_PAGE,
      variables: JSON.stringify({ name: 'gvisor', first: 2 }),
    });
    await compare({
      name: 'tool page by GET',
      method: 'GET',
      path: `/graphql?${search}`,
      headers: { accept: 'application/json' },
    });
    await compare({
      name: 'no Accept',
      body: post(TOOL_PAGE, { name: 'gvisor', first: 2 }),
      headers: { 'content-type': 'application/json' },
    });
    await compare({
      name: 'any type accepted, charset given',
      body: post(TOOL_PAGE, { name: 'gvisor', first: 2 }),
      headers: { 'content-type': 'application/json; charset=utf-8', accept: '*/*' },
    });
    expect(calls.fetch - before).toBe(0);
  });

  it('judges a refused query text once, however often it is sent', async () => {
    const before = calls.getEnveloped;
    const deep = post(`{ ${'tools { edges { node { '.repeat(7)}name${' } } }'.repeat(7)} }`);
    for (let i = 0; i < 3; i++) await compare({ name: 'a deep query again', body: deep });
    expect(calls.getEnveloped - before).toBe(1);
  });

  it('judges a query text once: the same text with other variables is not parsed or validated again', async () => {
    const before = calls.getEnveloped;
    for (const name of ['gvisor', 'prometheus', 'kubernetes', 'gvisor']) {
      await compare({ name: `tool page of ${name}`, body: post(`${TOOL_PAGE} `, { name, first: 3 }) });
    }
    expect(calls.getEnveloped - before).toBe(1);
  });

  for (const init of YOGAS) {
    it(`gives Yoga's answer to ${init.name}`, async () => {
      const before = calls.fetch;
      const reply = await compare(init);
      // Refused before GraphQL (the body cap), streamed by Yoga's own listener, or answered by Yoga.
      const streamed = /event-stream/.test(init.headers?.accept ?? '');
      if (reply.status !== 413) expect(calls.fetch - before).toBe(streamed ? 0 : 1);
    });
  }

  it('holds the limits on the short way: a query judged once is refused when its variables pass a limit', async () => {
    const query =
      'query ($n: Int) { tools(first: $n) { edges { node { talks(first: $n) { totalCount } } } } }';
    const small = await compare({ name: 'small pages', body: post(query, { n: 2 }) });
    expect(JSON.parse(small.body.toString()).data.tools.edges.length).toBe(2);
    const deep = await compare({
      name: 'deep variables',
      body: `{"query":${JSON.stringify(query)},"variables":{"n":2,"x":${deepJson(40)}}}`,
    });
    expect(deep.status).toBe(400);
    const tooMany = await compare({ name: 'a page over the cap', body: post(query, { n: 101 }) });
    expect(JSON.parse(tooMany.body.toString()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the answer-size cap on the short way', () => {
  it('answers under the cap, and over it refuses as Yoga does', async () => {
    const data = await bundledGraph();
    const body = post(TOOL_PAGE, { name: 'gvisor', first: 20 });
    const servedWith = async (maxResponseBytes?: number) => {
      const make = () =>
        createTalkgraphYoga({
          services: createGraphServices(data, new MemoryStore(data)),
          responseCache: false,
          maxResponseBytes,
        });
      const wrapped = counted(make());
      const ours = await serve(graphqlListener(createAnswerer(wrapped.yoga), wrapped.yoga));
      const theirs = await serve(make());
      try {
        const mine = await send(ours.base, { body, headers: json });
        const yoga = await send(theirs.base, { body, headers: json });
        expect(mine.status).toBe(yoga.status);
        expect(mine.headers).toEqual(yoga.headers);
        expect(mine.body.toString()).toBe(yoga.body.toString());
        return { reply: mine, askedYoga: wrapped.calls.fetch };
      } finally {
        await ours.http.close();
        await theirs.http.close();
      }
    };
    const size = (await servedWith()).reply.body.length;
    const roomy = await servedWith(size * 4);
    expect(JSON.parse(roomy.reply.body.toString()).data.tool.name).toBe('gVisor');
    expect(roomy.askedYoga).toBe(0);
    // Over half the cap the short way lets Yoga measure the answer, as its guard does.
    const near = await servedWith(Math.floor(size * 1.5));
    expect(JSON.parse(near.reply.body.toString()).data.tool.name).toBe('gVisor');
    expect(near.askedYoga).toBe(1);
    const over = await servedWith(Math.floor(size / 2));
    expect(JSON.parse(over.reply.body.toString()).errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
  });
});
