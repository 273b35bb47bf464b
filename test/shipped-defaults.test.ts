/**
 * Every default the README's "Running in production" and "Deploying"
 * sections state is the one the code ships: each row names the README's
 * words and the code's value, so changing either alone fails here. Defaults
 * no other test exercises are also tried from both sides: directives,
 * nesting of variables, the HTTP timeouts and the caches' bounds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTLE_MS } from '../src/indexing/watchContent.js';
import { DEFAULT_MAX_FILE_SIZE } from '../src/load/walk.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../src/schema/connections.js';
import { LIST_CAPS } from '../src/schema/listCapTable.js';
import {
  CACHE_DEFAULTS,
  createDocumentCache,
  createParseErrorCache,
  createResponseCache,
  DOCUMENT_BYTES_PER_SOURCE_BYTE,
} from '../src/server/caches.js';
import { GUARD_DEFAULTS } from '../src/server/guards.js';
import {
  CLOSE_GRACE_MS,
  createHttpServer,
  HEADERS_TIMEOUT_MS,
  MAX_BODY_BYTES,
  REQUEST_TIMEOUT_MS,
} from '../src/server/http.js';
import { LIMITS } from '../src/server/limits.js';
import { clientFor } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

const README = readFileSync('README.md', 'utf8');
const MB = 1024 * 1024;

/** What the README says, and the values in the code that must agree with it. */
const DEFAULTS: { readme: string; code: number[]; shipped: number[] }[] = [
  { readme: '| request body | 1 MB,', code: [MAX_BODY_BYTES], shipped: [1_000_000] },
  {
    readme: '| headers / whole request | 10 s / 30 s',
    code: [HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS],
    shipped: [10_000, 30_000],
  },
  { readme: '| query depth | 12 |', code: [LIMITS.maxDepth], shipped: [12] },
  { readme: '| aliases | 30 |', code: [LIMITS.maxAliases], shipped: [30] },
  { readme: '| tokens in a document | 2,000 |', code: [LIMITS.maxTokens], shipped: [2000] },
  { readme: '| directives | 10 |', code: [LIMITS.maxDirectives], shipped: [10] },
  { readme: '| 20,000 | `QUERY_TOO_COMPLEX` |', code: [LIMITS.maxCost], shipped: [20_000] },
  {
    readme: '| page size | 100 (default 20) |',
    code: [PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT],
    shipped: [100, 20],
  },
  {
    readme: '`Talk.links` 100 by default, at most 500',
    code: [LIST_CAPS['Talk.links'].default, LIST_CAPS['Talk.links'].max],
    shipped: [100, 500],
  },
  { readme: '| nesting of variables | 32 levels |', code: [GUARD_DEFAULTS.maxVariableDepth], shipped: [32] },
  {
    readme: '| answer size | 16 MB of JSON, errors included |',
    code: [GUARD_DEFAULTS.maxResponseBytes],
    shipped: [16 * MB],
  },
  { readme: '| error message | 300 characters |', code: [GUARD_DEFAULTS.maxErrorMessage], shipped: [300] },
  { readme: '| indexed file | 4 MiB |', code: [DEFAULT_MAX_FILE_SIZE], shipped: [4 * MB] },
  {
    readme: '1,000 answers and 64 MB of JSON; an answer over 4 MB is not cached',
    code: [CACHE_DEFAULTS.responseEntries, CACHE_DEFAULTS.responseBytes, CACHE_DEFAULTS.responseEntryBytes],
    shipped: [1000, 64 * MB, 4 * MB],
  },
  {
    readme: '1,000 documents and about 64 MB (estimated at 30 bytes per byte of query text)',
    code: [CACHE_DEFAULTS.documentEntries, CACHE_DEFAULTS.documentBytes, DOCUMENT_BYTES_PER_SOURCE_BYTE],
    shipped: [1000, 64 * MB, 30],
  },
  {
    readme: '| documents that failed to parse | 1,000 |',
    code: [CACHE_DEFAULTS.documentEntries],
    shipped: [1000],
  },
  { readme: '(requests in flight get up\nto 5 s)', code: [CLOSE_GRACE_MS], shipped: [5000] },
  { readme: '(150 ms quiet)', code: [SETTLE_MS], shipped: [150] },
];

describe('the README and the code', () => {
  for (const row of DEFAULTS) {
    it(`agree on "${row.readme.replace(/\s+/g, ' ')}"`, () => {
      expect(README).toContain(row.readme);
      expect(row.code).toEqual(row.shipped);
    });
  }

  it('says how logs are levelled, info by default', () => {
    expect(README).toContain('`LOG_LEVEL` (`debug`, `info` by default');
    expect(readFileSync('src/cli/serve.ts', 'utf8')).toContain("level: process.env.LOG_LEVEL ?? 'info'");
  });
});

describe('shipped defaults, from both sides', () => {
  const client = clientFor(manyTalksGraph(3), undefined, { responseCache: false });

  it('takes 10 directives and refuses 11', async () => {
    const directives = (n: number) => `{ stats ${'@include(if: true) '.repeat(n)}{ talks } }`;
    // Repeating one directive is also a validation error: the limit is checked first, alone.
    const eleven = await client.query(directives(11));
    expect(eleven.errors).toHaveLength(1);
    expect(eleven.errors?.[0]?.message).toMatch(/Directives limit of 10 exceeded, found 11/);
    const ten = await client.query(directives(10));
    expect(ten.errors?.[0]?.message ?? '').not.toMatch(/Directives limit/);
  });

  it('takes variables nested 32 levels deep and refuses 33', async () => {
    const nested = (levels: number): unknown => (levels === 0 ? 1 : { a: nested(levels - 1) });
    const query = 'query ($x: String) { stats { talks } }';
    // Nesting is checked before the variable's type: at 32 levels the answer is a type error, not the limit.
    const within = await client.query(query, { x: nested(31) });
    expect(within.errors?.[0]?.message ?? '').not.toMatch(/nested more than/);
    const over = await client.query(query, { x: nested(32) });
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toBe('Variables are nested more than 32 levels deep.');
  });

  it('gives a client 10 s for its headers and 30 s for its whole request', () => {
    const http = createHttpServer();
    expect([http.server.headersTimeout, http.server.requestTimeout]).toEqual([10_000, 30_000]);
  });

  it('keeps at most 1,000 answers, none over 4 MB, and 1,000 documents and parse errors', () => {
    const answers = createResponseCache();
    for (let i = 0; i < 1001; i++) answers.set(`q${i}`, { data: { i } }, [], Number.POSITIVE_INFINITY);
    expect(answers.size).toBe(1000);
    expect(answers.get('q0')).toBeUndefined();
    answers.set('large', { data: { text: 'x'.repeat(4 * MB) } }, [], Number.POSITIVE_INFINITY);
    expect(answers.get('large')).toBeUndefined();
    answers.set('just under', { data: { text: 'x'.repeat(4 * MB - 100) } }, [], Number.POSITIVE_INFINITY);
    expect(answers.get('just under')).toBeDefined();
    expect([createDocumentCache().max, createDocumentCache().maxSize]).toEqual([1000, 64 * MB]);
    expect(createParseErrorCache().max).toBe(1000);
  });
});
