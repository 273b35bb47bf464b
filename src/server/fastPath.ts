/**
 * @module server/fastPath
 * Answers GraphQL requests read off node:http. A plain one (a JSON POST or a
 * GET, asking for plain JSON, from no browser origin, with no parameter Yoga
 * would refuse) is run the short way (`leanLane`): compiled once, then run
 * without converting the request and answer to and from fetch objects or
 * going through Yoga's plugin chain, which cost more than a small query
 * itself. Anything else, and anything the short way gives up on (every
 * error), is answered by Yoga from the start, so its answers, statuses and
 * headers are the ones clients get.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createLeanLane, type LaneParams } from './leanLane.js';
import type { TalkgraphYoga } from './yoga.js';

/** A GraphQL request read off the wire: GET with a query string, or POST with a JSON body. */
export interface WireRequest {
  method: 'GET' | 'POST';
  /** Path and query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The JSON text, or its bytes: a text is written out as it is, without first copying it into a Buffer. */
  body: string | Buffer;
  /** True when the body is a result with data and no errors. */
  ok: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The client takes plain JSON and nothing else Yoga would weigh: no Accept,
 * or one naming only `application/json` or any type. A browser's `text/html`
 * (GraphiQL), GraphQL's own response type, streams and quality values are
 * left to Yoga's negotiation.
 */
function wantsPlainJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === '') return true;
  return accept.split(',').every((range) => {
    const type = range.trim().toLowerCase();
    return type === 'application/json' || type === '*/*';
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request parameters Yoga reads; any other one (with a value) makes Yoga refuse the request. */
const PARAMS = new Set(['query', 'variables', 'operationName', 'extensions']);

/** A POST body as Yoga takes it without question: JSON, uncompressed, in UTF-8. */
function plainJsonBody(headers: IncomingHttpHeaders): boolean {
  if (headers['content-encoding'] !== undefined) return false;
  const type = headers['content-type'] ?? '';
  return /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type);
}

/** The query, variables and operation name of a plain request; null when Yoga should judge it. */
function paramsOf(request: WireRequest): LaneParams | null {
  const { headers } = request;
  if (headers.origin !== undefined || !wantsPlainJson(headers.accept)) return null;
  let raw: unknown;
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
    const params: Record<string, unknown> = {};
    try {
      for (const [name, value] of search) {
        if (name in params) return null;
        params[name] = name === 'variables' ? JSON.parse(value) : value;
      }
    } catch {
      return null;
    }
    raw = params;
  } else {
    if (!plainJsonBody(headers) || request.url.includes('?')) return null;
    try {
      raw = JSON.parse(request.body ?? '');
    } catch {
      return null;
    }
  }
  if (!isObject(raw) || typeof raw.query !== 'string' || raw.extensions != null) return null;
  for (const name in raw) if (raw[name] != null && !PARAMS.has(name)) return null;
  const { variables, operationName } = raw;
  if (variables != null && !isObject(variables)) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return {
    query: raw.query,
    variables: variables ?? undefined,
    operationName: operationName ?? undefined,
  };
}

/** Yoga's own answer, read into memory. */
async function viaYoga(yoga: TalkgraphYoga, request: WireRequest): Promise<Answer> {
  // Yoga's Headers, not the global one: that would load node's fetch (undici), which nothing else needs.
  const headers = new yoga.fetchAPI.Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const response = await yoga.fetch(`http://graphql${request.url}`, {
    method: request.method,
    headers,
    body: request.method === 'POST' ? request.body : undefined,
  });
  const body = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  out['content-length'] = String(body.length);
  let ok = false;
  if (response.status === 200 && /\bjson\b/.test(out['content-type'] ?? '')) {
    try {
      const result = JSON.parse(body.toString('utf8')) as { data?: unknown; errors?: unknown };
      ok = result.errors === undefined && result.data != null;
    } catch {
      // Not a result: stays not ok.
    }
  }
  return { status: response.status, headers: out, body, ok };
}

/**
 * Answers a GraphQL request: directly when it can, else through Yoga. Build
 * `yoga` without its response cache: that plugin needs Yoga's HTTP layer, so
 * with it every query would take the slow way.
 */
export function createAnswerer(yoga: TalkgraphYoga): (request: WireRequest) => Promise<Answer> {
  const lane = createLeanLane(yoga);
  return async (request) => {
    const params = lane === null ? null : paramsOf(request);
    let text: string | null = null;
    if (params !== null) {
      try {
        text = await (lane as NonNullable<typeof lane>)(params);
      } catch {
        // A resolver failing: Yoga reports it in its own words.
      }
    }
    if (text === null) return viaYoga(yoga, request);
    return {
      status: 200,
      headers: { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(text)) },
      body: text,
      ok: true,
    };
  };
}
