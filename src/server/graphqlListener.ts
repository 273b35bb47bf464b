/**
 * @module server/graphqlListener
 * The node:http listener for GraphQL requests. GET queries and JSON POSTs
 * are read here and answered by `answer` (see `fastPath`), and, with the
 * cache on, repeated ones are answered from memory before GraphQL runs: the
 * graph is read-only while one version of it is served, so a successful
 * answer stays right until the version changes. Cached GET answers carry an
 * `ETag` and `Cache-Control` (browsers and CDNs may keep them too), and a
 * matching `If-None-Match` gets 304. Everything else (GraphiQL, preflights,
 * subscriptions and other streamed answers) goes to `next`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Answer, WireRequest } from './fastPath.js';

export interface ResponseCacheOptions {
  /** The version of the graph served now; answers kept for another version are never served. */
  version: () => string | number;
  /** Distinct requests kept (default 1,000); the oldest goes first. */
  maxEntries?: number;
  /** Bytes of answers kept (default 64 MB); the oldest goes first. */
  maxBytes?: number;
  /** `max-age` sent with GET answers, in seconds (default 0: clients revalidate with the ETag). */
  maxAgeSeconds?: number;
}

export interface GraphQLListenerOptions {
  /** Path of the GraphQL endpoint (default `/graphql`). */
  endpoint?: string;
  /** Keep successful answers; off when absent. */
  cache?: ResponseCacheOptions;
}

interface Entry {
  etag: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Answer types Yoga streams. */
const STREAMED = /text\/event-stream|multipart\/mixed/i;

/** Headers that change what the GraphQL handler answers: the answer's format and CORS. */
const VARY = 'Accept, Origin';

/** True when an `If-None-Match` value names `etag` (weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendFailure(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
}

export function graphqlListener(
  answer: (request: WireRequest) => Promise<Answer>,
  next: RequestListener,
  options: GraphQLListenerOptions = {},
): RequestListener {
  const endpoint = options.endpoint ?? '/graphql';
  const cache = options.cache;
  const maxEntries = cache?.maxEntries ?? 1_000;
  const maxBytes = cache?.maxBytes ?? 64 * 1024 * 1024;
  const cacheControl = `public, max-age=${cache?.maxAgeSeconds ?? 0}, must-revalidate`;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let cachedVersion = cache?.version() ?? '';

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  const send = (req: IncomingMessage, res: ServerResponse, entry: Entry) => {
    if (req.method === 'GET' && matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': cacheControl, vary: VARY });
      res.end();
      return;
    }
    res.writeHead(200, entry.headers);
    res.end(entry.body);
  };

  const keep = (request: WireRequest, key: string, version: string | number, result: Answer): Entry => {
    // Kept as bytes: a cached answer is sent many times, and encoded once.
    const body = typeof result.body === 'string' ? Buffer.from(result.body) : result.body;
    const etag = `"${version}-${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    const headers = { ...result.headers };
    // A handler's own validators (a response cache's ETag) give way to the version-bound one.
    delete headers.etag;
    delete headers['last-modified'];
    if (request.method === 'GET') Object.assign(headers, { etag, 'cache-control': cacheControl, vary: VARY });
    const entry = { etag, headers, body };
    // The graph may have changed while this answer was computed: keep it only if it has not.
    if (version === cachedVersion && body.length <= maxBytes) {
      forget(key);
      while (entries.size >= maxEntries || bytes + body.length > maxBytes) {
        forget(entries.keys().next().value as string);
      }
      entries.set(key, entry);
      bytes += body.length;
    }
    return entry;
  };

  /** The cache's key for a request, once its version is current. */
  const keyOf = (req: IncomingMessage, request: WireRequest): string => {
    const version = (cache as ResponseCacheOptions).version();
    if (version !== cachedVersion) {
      entries.clear();
      bytes = 0;
      cachedVersion = version;
    }
    const { accept = '', origin = '' } = req.headers;
    return `${request.method} ${request.url}\n${accept}\n${origin}\n${request.body ?? ''}`;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, request: WireRequest) => {
    if (request.method === 'POST') request.body = await readBody(req);
    if (cache === undefined) {
      const result = await answer(request);
      res.writeHead(result.status, result.headers);
      res.end(result.body);
      return;
    }
    const key = keyOf(req, request);
    const entry = entries.get(key);
    if (entry !== undefined) {
      send(req, res, entry);
      return;
    }
    const version = cachedVersion;
    const result = await answer(request);
    if (!result.ok) {
      res.writeHead(result.status, result.headers);
      res.end(result.body);
      return;
    }
    send(req, res, keep(request, key, version, result));
  };

  return (req, res) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const method = req.method;
    if (path !== endpoint || !((method === 'GET' && queryAt !== -1) || method === 'POST')) {
      next(req, res);
      return;
    }
    // Streams (server-sent events, multipart) are written by Yoga as they come, never read whole here:
    // a subscription's stream does not end.
    if (STREAMED.test(req.headers.accept ?? '')) {
      next(req, res);
      return;
    }
    const request: WireRequest = { method, url, headers: req.headers };
    // A repeated GET is answered here and now, without waiting on a promise.
    if (cache !== undefined && method === 'GET') {
      const entry = entries.get(keyOf(req, request));
      if (entry !== undefined) {
        send(req, res, entry);
        return;
      }
    }
    handle(req, res, request).catch(() => sendFailure(res));
  };
}
