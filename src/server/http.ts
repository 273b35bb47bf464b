/**
 * @module server/http
 * The HTTP server: `GET /health` (503 while the graph loads, 200 once it
 * is served), everything else to the GraphQL handler, a cap on request
 * bodies, and a graceful close that lets requests in flight finish.
 */
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** Largest request body accepted (a GraphQL document with its variables). */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * A client has this long to send its headers, and its whole request: a slow
 * client cannot hold a connection open for Node's defaults (60 s, 300 s).
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** How long `close()` waits for requests in flight before cutting connections. */
export const CLOSE_GRACE_MS = 5_000;

export interface HttpServerOptions {
  logger?: Logger;
  maxBodyBytes?: number;
}

export interface TalkgraphHttpServer {
  server: Server;
  /** Listens and resolves to the server's base URL (with the real port when `port` is 0). */
  listen(port: number, host: string): Promise<URL>;
  /** From now on, serve requests with `handler` and report `health` (e.g. counts) on `/health`. */
  ready(handler: RequestListener, health: Record<string, unknown>): void;
  /** Stops accepting connections and resolves once open requests have finished. */
  close(): Promise<void>;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The base URL of a bound address; `host` as given unless it was a wildcard. */
function baseUrl(address: AddressInfo, host: string): URL {
  const name = host === '' || host === '0.0.0.0' || host === '::' ? address.address : host;
  const bracketed = name.includes(':') ? `[${name}]` : name;
  return new URL(`http://${bracketed}:${address.port}/`);
}

export function createHttpServer(options: HttpServerOptions = {}): TalkgraphHttpServer {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let handler: RequestListener | null = null;
  let health: Record<string, unknown> = {};

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      if (handler === null) sendJson(res, 503, { status: 'loading' }, { 'retry-after': '1' });
      else sendJson(res, 200, { status: 'ok', ...health });
      return;
    }
    if (handler === null) {
      sendJson(
        res,
        503,
        { errors: [{ message: 'talkgraph is still indexing its content; try again in a moment.' }] },
        { 'retry-after': '1' },
      );
      return;
    }
    // A body without a length (chunked) could outgrow the cap unseen: ask for the length instead.
    if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined) {
      sendJson(res, 411, { errors: [{ message: 'Send the request body with a Content-Length header.' }] });
      req.resume();
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > maxBodyBytes) {
      sendJson(res, 413, {
        errors: [{ message: `Request body over ${maxBodyBytes} bytes; send a smaller query.` }],
      });
      req.resume();
      return;
    }
    handler(req, res);
  });

  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  server.on('clientError', (error, socket) => {
    options.logger?.debug({ err: error }, 'bad HTTP request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });

  return {
    server,
    listen: (port, host) =>
      new Promise<URL>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(baseUrl(server.address() as AddressInfo, host));
        });
      }),
    ready: (next, info) => {
      handler = next;
      health = info;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
