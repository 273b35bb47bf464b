/**
 * Requests an attacker would send, as a table: each is answered with a 4xx
 * or a 200 with one GraphQL error and a code (a JSON client gets 200 for
 * errors found before execution, as GraphQL over HTTP asks), never a 5xx, never an echo of
 * what was sent, and the server goes on answering. Then the fixes that hold
 * this up one by one: CORS without credentials, read-only operations, deep
 * variables, invalid JSON, client errors logged at debug, the response size
 * cap and GraphiQL served compressed and cacheable (bounded caches:
 * `bounded-caches.test.ts`).
 *
 * What held, and where it is tried:
 *   depth, fragment chains and fan-out, aliases, directives, tokens,
 *   page sizes as variables, gzip bodies, ReDoS-shaped
 *   search and filter input                  HOSTILE below
 *   body caps, chunked bodies, slow clients   "over a real socket" below
 *   log injection                             "errors and logs" below
 *   huge plain lists, 4 MB notes × 30         list-caps.test.ts
 *   30,000 fuzzed files                       fuzz-files.test.ts (FUZZ_FILES=30000)
 */
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlEnabled } from '../src/cli/serve.js';
import type { GraphData } from '../src/graph/store.js';
import { createGraphServices } from '../src/schema/context.js';
import { createHttpServer, type TalkgraphHttpServer } from '../src/server/http.js';
import { createTalkgraphYoga } from '../src/server/yoga.js';
import { clientFor } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ');

interface HostileRow {
  name: string;
  body: string;
  headers?: Record<string, string>;
  /** Expected status; the body must then hold `code` in its first error. */
  status: number;
  code: string;
}

const post = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

const HOSTILE: HostileRow[] = [
  {
    name: 'a query 20 levels deep',
    body: post(`{ ${'tools { edges { node { '.repeat(7)}name${' } } }'.repeat(7)} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'a chain of 40 fragments',
    body: post(`{ ...F0 } ${fragments} fragment F40 on Query { stats { talks } }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'fragment fan-out: each fragment spread ten times into the next',
    body: post(
      `{ tools(first: 100) { edges { node { ...A } } } }
       fragment A on Tool { ${'talks(first: 100) { edges { node { ...B } } } '.repeat(1)} }
       fragment B on Talk { tools { ...C } }
       fragment C on Tool { talks(first: 100) { edges { node { title } } } }`,
    ),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: '200 aliases',
    body: post(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: stats { talks }`).join(' ')} }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'a page size of a million passed as a variable',
    body: post('query ($n: Int) { talks(first: $n) { edges { node { title } } } }', { n: 1_000_000 }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'pages of pages passed as variables',
    body: post(
      'query ($n: Int) { tools(first: $n) { edges { node { talks(first: $n) { edges { node { tools { talks(first: $n) { totalCount } } } } } } } } }',
      { n: 100 },
    ),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  { name: 'a mutation', body: post('mutation { x }'), status: 200, code: 'BAD_USER_INPUT' },
  {
    name: 'a subscription to a field that does not exist',
    body: post('subscription { x }'),
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'variables nested 20,000 levels deep',
    body: `{"query":"query ($x: String) { stats { talks } }","variables":{"x":${deepJson(20_000)}}}`,
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'an unterminated JSON body',
    body: `{"query": "${'x'.repeat(50_000)}`,
    status: 200,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a gzip body (never inflated)',
    body: gzipSync(post('{ stats { talks } }')).toString('latin1'),
    headers: { 'content-encoding': 'gzip' },
    status: 200,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a search shaped to backtrack',
    body: post('query ($q: String!) { search(query: $q) { score } }', { q: `${'a'.repeat(199)}!` }),
    status: 200,
    code: '',
  },
  {
    name: 'a talk filter shaped to backtrack',
    body: post('query ($q: String!) { talks(filter: { query: $q }) { totalCount } }', {
      q: `${'a'.repeat(199)}!`,
    }),
    status: 200,
    code: '',
  },
  {
    name: 'tool, link and speaker filters shaped to backtrack',
    body: post(
      `query ($q: String!) { tools(filter: { query: $q }) { totalCount } links(filter: { query: $q, host: $q }) { totalCount }
        speakers(filter: { query: $q }) { totalCount } }`,
      { q: `${'a.'.repeat(99)}!` },
    ),
    status: 200,
    code: '',
  },
  {
    name: 'fifty directives on one field',
    body: post(`{ stats ${'@include(if: true) '.repeat(50)}{ talks } }`),
    status: 200,
    code: 'QUERY_TOO_COMPLEX',
  },
  {
    name: 'a document of 5,000 tokens',
    body: post(`{ stats { ${'talks '.repeat(5000)}} }`),
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'an operation name forging a log line',
    body: JSON.stringify({
      query: 'query Q { stats { talks } }',
      operationName: 'Q\n{"level":60,"msg":"forged"}',
    }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'a search longer than 200 characters',
    body: post('query ($q: String!) { search(query: $q) { score } }', { q: 'a '.repeat(5000) }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
];

describe('hostile requests', () => {
  let data: GraphData;
  beforeAll(() => {
    data = manyTalksGraph(36);
  });

  for (const row of HOSTILE) {
    it(`answers ${row.name} with ${row.status}${row.code ? ` and ${row.code}` : ''}, echoing nothing`, async () => {
      const { yoga } = clientFor(data);
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...row.headers },
        body: row.headers?.['content-encoding'] ? Buffer.from(row.body, 'latin1') : row.body,
      });
      const text = await response.text();
      expect(response.status).toBe(row.status);
      expect(text.length).toBeLessThan(2000);
      const body = JSON.parse(text);
      if (row.code === '') expect(body.errors).toBeUndefined();
      else expect(body.errors?.[0]?.extensions?.code).toBe(row.code);
      // The server still answers.
      const after = await clientFor(data).query('{ stats { talks } }');
      expect(after.data.stats.talks).toBe(36);
    });
  }
});

describe('CORS', () => {
  it('lets any origin read answers, without credentials, when no origin is configured', async () => {
    const { yoga } = clientFor(manyTalksGraph(3));
    for (const origin of ['https://evil.example', 'null']) {
      const response = await yoga.fetch('http://yoga/graphql?query={stats{talks}}', { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('lets only the configured origin read answers, still without credentials', async () => {
    const { yoga } = clientFor(manyTalksGraph(3), undefined, { corsOrigin: ['https://notes.example'] });
    const response = await yoga.fetch('http://yoga/graphql?query={stats{talks}}', {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const listed = await yoga.fetch('http://yoga/graphql?query={stats{talks}}', {
      headers: { origin: 'https://notes.example' },
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://notes.example');
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives an unlisted origin, null included, no CORS headers when several are configured', async () => {
    const { yoga } = clientFor(manyTalksGraph(3), undefined, {
      corsOrigin: ['https://a.example', 'https://b.example'],
    });
    for (const origin of ['null', 'https://evil.example']) {
      const response = await yoga.fetch('http://yoga/graphql?query={stats{talks}}', { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

/** A pino logger writing its lines into an array. */
function capturedLogger(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe('errors and logs', () => {
  it('logs client errors at debug, in JSON lines their text cannot forge', async () => {
    const { logger, lines } = capturedLogger();
    const client = clientFor(manyTalksGraph(3), undefined, { logger });
    const forged = 'x\n{"level":60,"msg":"forged"}';
    const malformedId = await client.query('query ($id: ID!) { node(id: $id) { id } }', { id: forged });
    expect(malformedId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badJson = await client.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "${forged}`,
    });
    expect(badJson.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(entries.some((e) => e.msg === 'forged')).toBe(false);
    expect(entries.filter((e) => e.level >= 40)).toEqual([]);
    expect(entries.some((e) => e.level === 20 && /invalid JSON/.test(e.msg))).toBe(true);
  });

  it('answers invalid JSON with where it broke, not with the body', async () => {
    const { yoga } = clientFor(manyTalksGraph(3));
    const secret = 'S'.repeat(10_000);
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "${secret}`,
    });
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toContain('SSSS');
    expect(JSON.parse(text).errors[0].message).toMatch(/invalid JSON \(at byte \d+\)/);
  });
});

describe('answer size', () => {
  it('refuses an answer over the response cap, however it was asked for', async () => {
    const data = manyTalksGraph(3);
    const talk = data.talks[0] as (typeof data.talks)[number];
    talk.notes = 'n'.repeat(300_000);
    const client = clientFor(data, undefined, { maxResponseBytes: 1_000_000 });
    const aliases = Array.from({ length: 5 }, (_, i) => `a${i}: talk(slug: "${talk.slug}") { notes }`);
    const refused = await client.query(`{ ${aliases.join(' ')} }`);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    const one = await client.query(`{ ${aliases.slice(0, 2).join(' ')} }`);
    expect(one.data.a1.notes).toHaveLength(300_000);
  });
});

describe('errors that echo their input', () => {
  const longId = 'Z'.repeat(5_000);
  const aliased = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: node(id: "${longId}") { id }`).join(' ')} }`;

  it('are cut to a few hundred characters', async () => {
    const client = clientFor(manyTalksGraph(3));
    const answer = await client.query(aliased(1));
    const message = answer.errors?.[0]?.message ?? '';
    expect(message).toContain('ZZZZ');
    expect(message.length).toBeLessThan(400);
    expect(message).toMatch(/cut at 300 characters/);
  });
});

describe('GraphiQL', () => {
  const browser = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };

  it('is sent compressed with an ETag, and a reload costs a 304', async () => {
    const { yoga } = clientFor(manyTalksGraph(3));
    const first = await yoga.fetch('http://yoga/graphql', { headers: browser });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(Number(first.headers.get('content-length'))).toBeLessThan(4_000_000);
    const again = await yoga.fetch('http://yoga/graphql', {
      headers: { ...browser, 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('is off in production unless asked for, and off whenever refused', () => {
    expect(graphiqlEnabled({}, {})).toBe(true);
    expect(graphiqlEnabled({}, { NODE_ENV: 'production' })).toBe(false);
    expect(graphiqlEnabled({ graphiql: true }, { NODE_ENV: 'production' })).toBe(true);
    expect(graphiqlEnabled({ 'no-graphiql': true }, {})).toBe(false);
  });

  it('can be turned off, leaving the endpoint to GraphQL', async () => {
    const { yoga } = clientFor(manyTalksGraph(3), undefined, { graphiql: false });
    const response = await yoga.fetch('http://yoga/graphql?query={stats{talks}}', { headers: browser });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(response.status).toBeLessThan(500);
  });
});

describe('over a real socket', () => {
  let http: TalkgraphHttpServer;
  let base: URL;
  beforeAll(async () => {
    http = createHttpServer({ maxBodyBytes: 10_000 });
    base = await http.listen(0, '127.0.0.1');
    http.ready(createTalkgraphYoga({ services: createGraphServices(manyTalksGraph(3)) }), {});
  });
  afterAll(() => http.close());

  /** Sends raw bytes and resolves to the status line of the answer. */
  function raw(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(base.port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => {
        answer += String(chunk);
      });
      socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
      socket.end(request);
    });
  }

  it('refuses a chunked body without a length with 411', async () => {
    const status = await raw(
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
    );
    expect(status).toBe('HTTP/1.1 411 Length Required');
  });

  it('refuses a declared body over the cap with 413', async () => {
    const status = await raw(
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 20000\r\nconnection: close\r\n\r\n{}',
    );
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('answers others while a slow client trickles its headers', async () => {
    const slow = connect(Number(base.port), '127.0.0.1');
    slow.write('POST /graphql HTTP/1.1\r\nhost: x\r\n');
    try {
      const response = await fetch(new URL('/graphql?query={stats{talks}}', base));
      expect(await response.json()).toEqual({ data: { stats: { talks: 3 } } });
      expect(http.server.headersTimeout).toBeLessThanOrEqual(20_000);
      expect(http.server.requestTimeout).toBeLessThanOrEqual(60_000);
    } finally {
      slow.destroy();
    }
  });
});
