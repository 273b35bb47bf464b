/**
 * @module server/getCache
 * Answers repeated GraphQL GET requests from memory, before the GraphQL
 * pipeline runs. The graph is read-only while a version of it is served, so a
 * successful answer to a GET query stays right until the version changes.
 * Every cached answer carries an `ETag` and `Cache-Control` (browsers and
 * CDNs may keep it too), and a matching `If-None-Match` gets 304.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** What the cache needs of the GraphQL handler (Yoga is one): a node listener and `fetch`. */
export interface GraphQLHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  fetch(url: string, init: { method: string; headers: Headers }): Promise<Response> | Response;
}

export interface GetCacheOptions {
  /** The version of the graph served now; entries of another version are never served. */
  version: () => string;
  /** Path of the GraphQL endpoint (default `/graphql`). */
  endpoint?: string;
  /** Distinct requests kept (default 1,000); the oldest is dropped first. */
  maxEntries?: number;
  /** `max-age` sent to browsers and CDNs, in seconds (default 0: they revalidate with the ETag). */
  maxAgeSeconds?: number;
}

interface Entry {
  etag: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers that change what the GraphQL handler answers: the answer's format and CORS. */
const VARY = 'Accept, Origin';

function keyOf(req: IncomingMessage): string {
  return `${req.url}\n${req.headers.accept ?? ''}\n${req.headers.origin ?? ''}`;
}

/** True when an `If-None-Match` value names `etag` (weak or strong, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function fetchHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) out.append(name, one);
  }
  return out;
}

/** A JSON answer with data and no errors: the only kind worth keeping. */
function cacheable(status: number, contentType: string | null, body: Buffer): boolean {
  if (status !== 200 || contentType === null || !/\bjson\b/.test(contentType)) return false;
  try {
    const result = JSON.parse(body.toString('utf8')) as { data?: unknown; errors?: unknown };
    return result.errors === undefined && result.data !== undefined && result.data !== null;
  } catch {
    return false;
  }
}

/**
 * Wraps `handler`: GET requests to the endpoint are answered from the cache
 * when they can be; everything else (POST, GraphiQL pages, errors) goes to
 * `handler` as before.
 */
export function withGetCache(handler: GraphQLHandler, options: GetCacheOptions) {
  const endpoint = options.endpoint ?? '/graphql';
  const maxEntries = options.maxEntries ?? 1_000;
  const cacheControl = `public, max-age=${options.maxAgeSeconds ?? 0}, must-revalidate`;
  const entries = new Map<string, Entry>();
  let cachedVersion = options.version();

  const send = (req: IncomingMessage, res: ServerResponse, entry: Entry) => {
    if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.writeHead(304, { etag: entry.etag, 'cache-control': cacheControl, vary: VARY });
      res.end();
    } else {
      res.writeHead(200, entry.headers);
      res.end(entry.body);
    }
  };

  const miss = async (req: IncomingMessage, res: ServerResponse, key: string, version: string) => {
    const response = await handler.fetch(`http://graphql${req.url}`, {
      method: 'GET',
      headers: fetchHeaders(req.headers),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      // The handler's own validators (a response cache's ETag) give way to the version-bound one.
      const lower = name.toLowerCase();
      if (lower !== 'etag' && lower !== 'last-modified') headers[lower] = value;
    });
    headers['content-length'] = String(body.length);
    if (!cacheable(response.status, response.headers.get('content-type'), body)) {
      res.writeHead(response.status, headers);
      res.end(body);
      return;
    }
    const digest = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    const etag = `"${version}-${digest}"`;
    const entry: Entry = {
      etag,
      body,
      headers: { ...headers, etag, 'cache-control': cacheControl, vary: VARY },
    };
    // The graph may have changed while this answer was computed: keep it only if it has not.
    if (version === cachedVersion) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, entry);
    }
    send(req, res, entry);
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    if (req.method !== 'GET' || query === -1 || url.slice(0, query) !== endpoint) {
      handler(req, res);
      return;
    }
    const version = options.version();
    if (version !== cachedVersion) {
      entries.clear();
      cachedVersion = version;
    }
    const key = keyOf(req);
    const entry = entries.get(key);
    if (entry !== undefined) {
      send(req, res, entry);
      return;
    }
    miss(req, res, key, version).catch(() => {
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(JSON.stringify({ errors: [{ message: 'Unexpected error.' }] }));
      }
    });
  };
}
