/**
 * The GET cache in front of GraphQL: repeated GETs are answered without the
 * GraphQL handler, with an ETag on the graph's version and 304 for a
 * matching If-None-Match; a new version, errors and other methods go to the
 * handler. Served over a real node:http server on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type GraphQLHandler, matchesEtag, withGetCache } from '../src/server/getCache.js';
import { bundledGraph, clientFor } from './helpers/graphqlClient.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in GraphQL handler that counts calls and answers `answer(url)`. */
function fakeHandler(answer: (url: string) => { status: number; body: unknown }) {
  const calls = { fetch: 0, listener: 0 };
  const handler = ((_req: IncomingMessage, res: ServerResponse) => {
    calls.listener += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{"posted":true}}');
  }) as GraphQLHandler;
  handler.fetch = (url) => {
    calls.fetch += 1;
    const { status, body } = answer(url);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { handler, calls };
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
    const { handler, calls } = fakeHandler(() => ({
      status: 200,
      body: { data: { tool: { name: 'gVisor' } } },
    }));
    const base = await serve(withGetCache(handler, { version: () => 'v1' }));
    const first = await fetch(base + QUERY);
    const second = await fetch(base + QUERY);
    expect(calls.fetch).toBe(1);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('etag')).toMatch(/^"v1-[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toContain('must-revalidate');
    expect(second.headers.get('vary')).toBe('Accept, Origin');
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const { handler } = fakeHandler(() => ({ status: 200, body: { data: { tool: null } } }));
    const base = await serve(withGetCache(handler, { version: () => 'v1' }));
    const etag = (await fetch(base + QUERY)).headers.get('etag') as string;
    const again = await fetch(base + QUERY, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetch(base + QUERY, { headers: { 'if-none-match': '"v0-old"' } });
    expect(stale.status).toBe(200);
  });

  it('asks the handler again once the graph version changes, with a new ETag', async () => {
    let version = 'v1';
    const { handler, calls } = fakeHandler(() => ({ status: 200, body: { data: { version } } }));
    const base = await serve(withGetCache(handler, { version: () => version }));
    const before = await fetch(base + QUERY);
    version = 'v2';
    const after = await fetch(base + QUERY, {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });
    expect(calls.fetch).toBe(2);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ data: { version: 'v2' } });
    expect(after.headers.get('etag')).toMatch(/^"v2-/);
  });

  it('keeps no answer with errors or a status other than 200', async () => {
    const { handler, calls } = fakeHandler((url) =>
      url.includes('bad')
        ? { status: 400, body: { errors: [{ message: 'no' }] } }
        : { status: 200, body: { data: { tool: null }, errors: [{ message: 'partly' }] } },
    );
    const base = await serve(withGetCache(handler, { version: () => 'v1' }));
    for (const path of [QUERY, QUERY, '/graphql?query=bad', '/graphql?query=bad']) {
      const response = await fetch(base + path);
      expect(response.headers.get('etag')).toBeNull();
    }
    expect(calls.fetch).toBe(4);
  });

  it('keeps one answer per Accept and Origin, and passes POSTs to the handler', async () => {
    const { handler, calls } = fakeHandler(() => ({ status: 200, body: { data: { ok: true } } }));
    const base = await serve(withGetCache(handler, { version: () => 'v1' }));
    await fetch(base + QUERY, { headers: { origin: 'http://a.example' } });
    await fetch(base + QUERY, { headers: { origin: 'http://b.example' } });
    await fetch(base + QUERY, { headers: { origin: 'http://a.example' } });
    expect(calls.fetch).toBe(2);
    const posted = await fetch(`${base}/graphql`, { method: 'POST', body: '{}' });
    expect(await posted.json()).toEqual({ data: { posted: true } });
    expect(calls.listener).toBe(1);
  });

  it('drops the oldest answer when full', async () => {
    const { handler, calls } = fakeHandler(() => ({ status: 200, body: { data: { ok: true } } }));
    const base = await serve(withGetCache(handler, { version: () => 'v1', maxEntries: 2 }));
    for (const n of [1, 2, 3, 1]) await fetch(`${base}/graphql?query=${n}`);
    expect(calls.fetch).toBe(4);
  });

  it('serves the talkgraph schema: the cached answer equals a fresh one', async () => {
    const { yoga } = clientFor(await bundledGraph());
    const base = await serve(withGetCache(yoga, { version: () => 'v1' }));
    const query = `/graphql?query=${encodeURIComponent('{ tools(first: 3) { edges { node { name } } } }')}`;
    const fresh = await (
      await yoga.fetch(`http://yoga${query}`, { headers: { accept: 'application/json' } })
    ).json();
    await fetch(base + query, { headers: { accept: 'application/json' } });
    const cached = await fetch(base + query, { headers: { accept: 'application/json' } });
    expect(cached.headers.get('etag')).not.toBeNull();
    expect(await cached.json()).toEqual(fresh);
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
