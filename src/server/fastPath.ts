/**
 * @module server/fastPath
 * Answers plain GraphQL queries without the HTTP layer of Yoga: the query
 * runs through the same envelop pipeline (limits, compiled execution, error
 * masking, the request context), but the request and response are not
 * converted to and from fetch objects. That layer costs more than a small
 * query itself. Anything else (an error, a browser's cross-origin request, a
 * media type other than JSON, a mutation) is answered by Yoga as before.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { getOperationAST } from 'graphql';
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

interface Params {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Plain JSON is what the client takes: no Accept, or one naming JSON, and no other GraphQL type. */
function wantsPlainJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === '') return true;
  if (/graphql-response|multipart|event-stream/.test(accept)) return false;
  return /application\/json|\*\/\*/.test(accept);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The query, variables and operation name of a simple request; null when Yoga should judge it. */
function paramsOf(request: WireRequest): Params | null {
  let raw: unknown;
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
    const variables = search.get('variables');
    try {
      raw = {
        query: search.get('query'),
        variables: variables === null ? undefined : JSON.parse(variables),
        operationName: search.get('operationName') ?? undefined,
        extensions: search.get('extensions') ?? undefined,
      };
    } catch {
      return null;
    }
  } else {
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) return null;
    try {
      raw = JSON.parse(request.body ?? '');
    } catch {
      return null;
    }
  }
  if (!isObject(raw) || typeof raw.query !== 'string' || raw.extensions != null) return null;
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
  const headers = new Headers();
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
 * Runs a query directly when it is simple and succeeds; returns null when Yoga
 * must answer (its status codes, error format and CORS headers then apply).
 */
async function direct(yoga: TalkgraphYoga, request: WireRequest): Promise<Answer | null> {
  if (request.headers.origin !== undefined || !wantsPlainJson(request.headers.accept)) return null;
  const params = paramsOf(request);
  if (params === null) return null;
  const fetchRequest = {
    method: request.method,
    url: request.url,
    headers: new Headers(),
  } as unknown as Request;
  const enveloped = yoga.getEnveloped({ request: fetchRequest, params });
  const document = enveloped.parse(params.query);
  if (enveloped.validate(enveloped.schema, document).length > 0) return null;
  if (getOperationAST(document, params.operationName)?.operation !== 'query') return null;
  const result: unknown = await enveloped.execute({
    schema: enveloped.schema,
    document,
    contextValue: await enveloped.contextFactory(),
    variableValues: params.variables,
    operationName: params.operationName,
  });
  if (!isObject(result) || result.errors !== undefined || result.data == null) return null;
  const body = JSON.stringify(result);
  return {
    status: 200,
    headers: { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(body)) },
    body,
    ok: true,
  };
}

/**
 * Answers a GraphQL request: directly when it can, else through Yoga. Build
 * `yoga` without its response cache: that plugin needs Yoga's HTTP layer, so
 * with it every query would take the slow way.
 */
export function createAnswerer(yoga: TalkgraphYoga): (request: WireRequest) => Promise<Answer> {
  return async (request) => {
    let answer: Answer | null = null;
    try {
      answer = await direct(yoga, request);
    } catch {
      // A limit refusing the query, a resolver failing: Yoga reports it in its own words.
    }
    return answer ?? viaYoga(yoga, request);
  };
}
