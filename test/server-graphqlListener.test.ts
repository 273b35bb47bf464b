/**
 * The GraphQL listener and its cache: repeated GETs and POSTs are answered
 * without running GraphQL, GETs with an ETag on the graph's version and 304
 * for a matching If-None-Match; a new version or an answer with errors is
 * asked for again; other requests go to the next listener. Served over a
 * real node:http server on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, WireRequest } from '../src/server/fastPath.js';
import { createAnswerer } from '../src/server/fastPath.js';
import { graphqlListener, matchesEtag } from '../src/server/graphqlListener.js';
import { bundledGraph, clientFor } from './helpers/graphqlClient.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in answerer that counts calls and answers `reply(request)`, and a next listener. */
function fakeHandler(reply: (request: WireRequest) => { status: number; body: unknown }) {
  const calls = { answer: 0, next: 0 };
  const answer = async (request: WireRequest): Promise<Answer> => {
    calls.answer += 1;
    const { status, body } = reply(request);
    const bytes = Buffer.from(JSON.stringify(body));
    const result = body as { data?: unknown; errors?: unknown };
    return {
      status,
      headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
      body: bytes,
      ok: status === 200 && result.errors === undefined && result.data != null,
    };
  };
  const next = (_req: IncomingMessage, res: ServerResponse) => {
    calls.next += 1;
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>GraphiQL</html>');
  };
  return { answer, next, calls };
}

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(listener);
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

const QUERY = `/graphql?query=${encodeURIComponent('{ tool(name: "gvisor") { name } }')}`;

describe('GET cache', () => {
  it('answers a repeated GET from memory with the same body, an ETag and Cache-Control', async () => {
    const { answer, next, calls } = fakeHandler(() => ({
      status: 200,
      body: { data: { tool: { name: 'gVisor' } } },
    }));
    const base = await serve(graphqlListener(answer, next, { cache: { version: () => 'v1' } }));
    const first = await fetch(base + QUERY);
    const second = await fetch(base + QUERY);
    expect(calls.answer).toBe(1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('etag')).toMatch(/^"v1-[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toContain('must-revalidate');
    expect(second.headers.get('vary')).toBe('Accept, Origin');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const { answer, next } = fakeHandler(() => ({ status: 200, body: { data: { tool: null } } }));
    const base = await serve(graphqlListener(answer, next, { cache: { version: () => 'v1' } }));
    const etag = (await fetch(base + QUERY)).headers.get('etag') as string;
    const again = await fetch(base + QUERY, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetch(base + QUERY, { headers: { 'if-none-match': '"v0-old"' } });
    expect(stale.status).toBe(200);
  });

  it('asks the handler again once the graph version changes, with a new ETag', async () => {
    let version = 'v1';
    const { answer, next, calls } = fakeHandler(() => ({ status: 200, body: { data: { version } } }));
    const base = await serve(graphqlListener(answer, next, { cache: { version: () => version } }));
    const before = await fetch(base + QUERY);
    version = 'v2';
    const after = await fetch(base + QUERY, {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });
    expect(calls.answer).toBe(2);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ data: { version: 'v2' } });
    expect(after.headers.get('etag')).toMatch(/^"v2-/);
  });

  it('keeps no answer with errors or a status other than 200', async () => {
    const { answer, next, calls } = fakeHandler((request) =>
      request.url.includes('bad')
        ? { status: 400, body: { errors: [{ message: 'no' }] } }
        : { status: 200, body: { data: { tool: null }, errors: [{ message: 'partly' }] } },
    );
    const base = await serve(graphqlListener(answer, next, { cache: { version: () => 'v1' } }));
    for (const path of [QUERY, QUERY, '/graphql?query=bad', '/graphql?query=bad']) {
      const response = await fetch(base + path);
      expect(response.headers.get('etag')).toBeNull();
    }
    expect(calls.answer).toBe(4);
  });

  it('keeps one answer per Accept, Origin and POST body, and sends other requests on', async () => {
    const { answer, next, calls } = fakeHandler(() => ({ status: 200, body: { data: { ok: true } } }));
    const base = await serve(graphqlListener(answer, next, { cache: { version: () => 'v1' } }));
    await fetch(base + QUERY, { headers: { origin: 'http://a.example' } });
    await fetch(base + QUERY, { headers: { origin: 'http://b.example' } });
    await fetch(base + QUERY, { headers: { origin: 'http://a.example' } });
    expect(calls.answer).toBe(2);
    const post = (query: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: query,
      });
    await post('{"query":"{ a }"}');
    const again = await post('{"query":"{ a }"}');
    await post('{"query":"{ b }"}');
    expect(calls.answer).toBe(4);
    expect(await again.json()).toEqual({ data: { ok: true } });
    expect(again.headers.get('etag')).toBeNull();
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('GraphiQL');
    expect(calls.next).toBe(1);
  });

  it('drops the oldest answer when full', async () => {
    const { answer, next, calls } = fakeHandler(() => ({ status: 200, body: { data: { ok: true } } }));
    const base = await serve(
      graphqlListener(answer, next, { cache: { version: () => 'v1', maxEntries: 2 } }),
    );
    for (const n of [1, 2, 3, 1]) await fetch(`${base}/graphql?query=${n}`);
    expect(calls.answer).toBe(4);
  });

  it('answers every request afresh without a cache, and sends no ETag', async () => {
    const { answer, next, calls } = fakeHandler(() => ({ status: 200, body: { data: { ok: true } } }));
    const base = await serve(graphqlListener(answer, next));
    const first = await fetch(base + QUERY);
    await fetch(base + QUERY);
    expect(calls.answer).toBe(2);
    expect(first.headers.get('etag')).toBeNull();
  });
});

describe('answers over the talkgraph schema', () => {
  // As served: the listener's cache replaces Yoga's, which needs Yoga's HTTP layer.
  const talkgraphYoga = async () => clientFor(await bundledGraph(), undefined, { responseCache: false }).yoga;

  const TOOL_PAGE =
    'query ToolPage($name: String!, $first: Int!) { tool(name: $name) { name talks(first: $first) { totalCount edges { cursor node { id title conference { name } links { url kind } } } } } }';

  async function both(
    init: { body?: string; headers?: Record<string, string>; method?: string },
    path = '/graphql',
  ) {
    const yoga = await talkgraphYoga();
    const base = await serve(graphqlListener(createAnswerer(yoga), yoga));
    const headers = { 'content-type': 'application/json', ...init.headers };
    const fromYoga = await yoga.fetch(`http://yoga${path}`, { ...init, headers });
    const fromUs = await fetch(base + path, { ...init, headers });
    return { fromYoga, fromUs };
  }

  it('gives the same answer as Yoga for a tool page, by POST and by GET', async () => {
    const body = JSON.stringify({ query: TOOL_PAGE, variables: { name: 'gvisor', first: 2 } });
    const posted = await both({ method: 'POST', body });
    expect(posted.fromUs.status).toBe(200);
    const expected = await posted.fromYoga.json();
    expect(expected.data.tool.talks.edges.length).toBe(2);
    expect(await posted.fromUs.json()).toEqual(expected);
    const search = new URLSearchParams({
      query: TOOL_PAGE,
      variables: JSON.stringify({ name: 'gvisor', first: 2 }),
    });
    const got = await both({ method: 'GET' }, `/graphql?${search}`);
    expect(await got.fromUs.json()).toEqual(await got.fromYoga.json());
  });

  it('runs a plain query without the HTTP layer of Yoga, and hands an invalid one to it', async () => {
    const yoga = await talkgraphYoga();
    let fetches = 0;
    const counted = new Proxy(yoga, {
      get: (target, property) =>
        property === 'fetch'
          ? (...args: Parameters<typeof yoga.fetch>) => {
              fetches += 1;
              return target.fetch(...args);
            }
          : Reflect.get(target, property),
    });
    const answer = createAnswerer(counted);
    const request = (query: string) => ({
      method: 'POST' as const,
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { name: 'gvisor', first: 1 } }),
    });
    const plain = await answer(request(TOOL_PAGE));
    expect(plain.ok).toBe(true);
    expect(fetches).toBe(0);
    const invalid = await answer(request('{ nope }'));
    expect(invalid.ok).toBe(false);
    expect(fetches).toBe(1);
  });

  it("leaves invalid queries, refused page sizes and cross-origin requests to Yoga's answer", async () => {
    for (const init of [
      { method: 'POST', body: JSON.stringify({ query: '{ nope }' }) },
      { method: 'POST', body: JSON.stringify({ query: '{ tools(first: 1000) { totalCount } }' }) },
      { method: 'POST', body: 'not json' },
      {
        method: 'POST',
        body: JSON.stringify({ query: '{ tools(first: 1) { totalCount } }' }),
        headers: { origin: 'http://a.example' },
      },
    ]) {
      const { fromYoga, fromUs } = await both(init);
      expect(fromUs.status).toBe(fromYoga.status);
      expect(fromUs.headers.get('access-control-allow-origin')).toBe(
        fromYoga.headers.get('access-control-allow-origin'),
      );
      expect(await fromUs.text()).toBe(await fromYoga.text());
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    }
  });
});

describe('matchesEtag', () => {
  it('matches listed, weak and wildcard tags and nothing else', () => {
    expect(matchesEtag('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(undefined, '"b"')).toBe(false);
  });
});
