/**
 * @module server/yoga
 * The GraphQL endpoint: Yoga over the talkgraph schema, with GraphiQL (and a
 * default query that shows what the graph is for), limits that refuse
 * hostile queries before they run, compiled execution, a response cache (the
 * graph never changes while served), bounded caches, CORS for any origin
 * without credentials, and masked unexpected errors. Errors a client caused
 * are logged at debug level: they are not the server's failures.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { PothosValidationError } from '@pothos/core';
import { createServerAdapter } from '@whatwg-node/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import {
  createGraphQLError,
  maskError,
  type Plugin,
  type YogaLogger,
  YogaServer,
  type YogaServerOptions,
} from 'graphql-yoga';
import type { Logger } from 'pino';
import { BAD_USER_INPUT } from '../schema/args.js';
import { createContext, type GraphContext, type GraphServices } from '../schema/context.js';
import { schema } from '../schema/index.js';
import {
  type BoundedResponseCache,
  createDocumentCache,
  createParseErrorCache,
  createResponseCache,
} from './caches.js';
import { graphiqlPlugin } from './graphiql.js';
import { GUARD_DEFAULTS, guardPlugins } from './guards.js';
import { jitCanCompile } from './jitGuard.js';
import { limitPlugins } from './limits.js';
import { useRequestErrorStatus } from './requestErrorStatus.js';

/** The query GraphiQL opens with: gVisor's talks with videos, and the other tools those talks mention. */
export const DEFAULT_QUERY = `# Welcome to talkgraph: conference talks, and the tools and topics they mention.
# Press the run button to see which talks mention gVisor (any case works),
# their videos, and which other tools the same talks mention.
# The Docs panel describes every type and field.
query GVisorTalks {
  tool(name: "gvisor") {
    name
    description
    talkCount
    talks(filter: { hasVideo: true }) {
      totalCount
      edges {
        node {
          title
          videoUrl
          thumbnailUrl
          conference {
            name
            year
          }
          tools {
            name
          }
        }
      }
    }
  }
}
`;

export interface YogaOptions {
  /** The graph to serve, or a function giving the version to serve now (live content): read once per request. */
  services: GraphServices | (() => GraphServices);
  /** The version of the graph served now (live content); answers are cached per version. */
  graphVersion?: () => number;
  /** Where Yoga logs; silent when absent. */
  logger?: Logger;
  /** Allowed CORS origins; any origin when absent. Credentials are never allowed: the API has no sessions. */
  corsOrigin?: string | string[];
  /** Cache whole responses (default true): safe because the graph is immutable once served. */
  responseCache?: boolean;
  /** The response cache to use (default: a new one with the documented bounds). */
  responseCacheStore?: BoundedResponseCache;
  /** Parsed documents by source text (default: `createDocumentCache()`, bounded by entries and bytes). */
  documentCache?: ReturnType<typeof createDocumentCache>;
  /** Compile operations with graphql-jit (default true). */
  jit?: boolean;
  /** Serve GraphiQL to browsers at the endpoint (default true). */
  graphiql?: boolean;
  /** Largest answer, in JSON bytes (default `GUARD_DEFAULTS.maxResponseBytes`). */
  maxResponseBytes?: number;
}

/**
 * What the short way for plain queries (`leanLane`) needs to run a compiled
 * query as this Yoga would: its schema, the context it gives each request,
 * and the per-request limits its plugins hold. Absent when queries are not
 * compiled (`jit: false`): then every request takes Yoga's way.
 */
export interface LaneSettings {
  schema: GraphQLSchema;
  context: () => GraphContext;
  maxVariableDepth: number;
  maxResponseBytes: number;
}

/** Where a Yoga made by `createTalkgraphYoga` keeps them (read through wrappers of it too). */
const LANE = Symbol('talkgraph lane settings');

/** The settings of a Yoga made by `createTalkgraphYoga`, for the short way; undefined without one. */
export function laneSettingsOf(yoga: object): LaneSettings | undefined {
  return (yoga as { [LANE]?: LaneSettings })[LANE];
}

/** CORS options: any origin without credentials, or exactly the listed origins. */
function corsFor(allowed: string | string[] | undefined) {
  if (allowed === undefined) return { origin: '*', credentials: false };
  const list = typeof allowed === 'string' ? [allowed] : allowed;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin !== null && list.includes(origin) ? { origin, credentials: false } : false;
  };
}

/** Whether an error is the client's doing (bad input, a refused query) rather than the server's. */
function isClientError(error: Error): boolean {
  if (rootCause(error) instanceof Error && (rootCause(error) as Error).name === PothosValidationError.name)
    return true;
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: number } } }).extensions;
  const status = extensions?.http?.status;
  return (typeof status === 'number' && status >= 400 && status < 500) || extensions?.code === BAD_USER_INPUT;
}

function yogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error && level === 'error' && isClientError(first))
        logger.debug({ err: first }, first.message);
      else if (first instanceof Error) logger[level]({ err: first }, first.message);
      else logger[level]({ details: rest.length > 0 ? rest : undefined }, String(first));
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

/** The innermost error a GraphQL error wraps. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (
    typeof current === 'object' &&
    current !== null &&
    'originalError' in current &&
    current.originalError
  ) {
    current = current.originalError;
  }
  return current;
}

/**
 * Errors the client caused keep their message, with a code; Pothos' own
 * argument checks (a malformed global id, say) become BAD_USER_INPUT; every
 * other error is replaced by "Unexpected error." without details.
 */
function maskTalkgraphError(error: unknown, message: string): Error {
  const cause = rootCause(error);
  // Yoga echoes the whole body of an invalid JSON request in its parser's message: keep only where it broke.
  const extensions = error instanceof GraphQLError ? error.extensions : undefined;
  if (error instanceof GraphQLError && extensions?.originalError !== undefined) {
    const original = extensions.originalError as { message?: unknown };
    const at = /position (\d+)/.exec(String(original.message ?? ''))?.[1];
    const { originalError: _echo, ...kept } = extensions;
    const message = error.message.replace(/\.$/, '');
    return createGraphQLError(at === undefined ? error.message : `${message} (at byte ${at}).`, {
      extensions: kept,
    });
  }
  // By name, not `instanceof`: a test runner may load a second copy of graphql or @pothos/core.
  if (cause instanceof Error && cause.name === PothosValidationError.name) {
    const located = error instanceof GraphQLError ? error : null;
    return createGraphQLError(cause.message, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions: { code: BAD_USER_INPUT },
    });
  }
  return maskError(error, message, false);
}

export function createTalkgraphYoga(options: YogaOptions) {
  const { services, graphVersion } = options;
  const current = typeof services === 'function' ? services : () => services;
  const plugins: Plugin[] = [
    ...guardPlugins({ maxResponseBytes: options.maxResponseBytes }),
    ...limitPlugins(),
    useRequestErrorStatus(),
  ];
  if (options.graphiql ?? true) {
    plugins.push(graphiqlPlugin({ title: 'talkgraph', defaultQuery: DEFAULT_QUERY, endpoint: '/graphql' }));
  }
  // No `customJSONSerializer`: the bundle leaves out the fast-json-stringify it would need (scripts/build.mjs).
  if (options.jit ?? true) plugins.push(useGraphQlJit({}, { enableIf: jitCanCompile(schema) }) as Plugin);
  if (options.responseCache ?? true) {
    plugins.push(
      useResponseCache({
        // Keyed by graph version: an answer cached for one version is never served for another.
        session: () => (graphVersion === undefined ? null : String(graphVersion())),
        includeExtensionMetadata: false,
        cache: options.responseCacheStore ?? createResponseCache(),
        // Answers with errors are not cached (and not reported: they are the client's).
        shouldCacheResult: ({ result }) => result.errors === undefined || result.errors.length === 0,
      }),
    );
  }
  const context = () => createContext(current());
  const yoga = createYoga({
    schema,
    context,
    plugins,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    // Any origin, or only the listed ones (others get no CORS headers at all), and never credentials:
    // no page can read answers with a visitor's cookies.
    cors: corsFor(options.corsOrigin),
    logging: options.logger === undefined ? false : yogaLogger(options.logger),
    maskedErrors: { maskError: maskTalkgraphError, errorMessage: 'Unexpected error.', isDev: false },
    // GraphiQL is served by `graphiqlPlugin` (rendered and compressed once), not by Yoga.
    graphiql: false,
    parserAndValidationCache: {
      documentCache: options.documentCache ?? createDocumentCache(),
      errorCache: createParseErrorCache(),
    },
  });
  if (options.jit ?? true) {
    const settings: LaneSettings = {
      schema,
      context,
      maxVariableDepth: GUARD_DEFAULTS.maxVariableDepth,
      maxResponseBytes: options.maxResponseBytes ?? GUARD_DEFAULTS.maxResponseBytes,
    };
    Object.defineProperty(yoga, LANE, { value: settings });
  }
  return yoga;
}

/**
 * Yoga's `createYoga`, but for one answer it gives the server adapter: Yoga's fetch classes are not
 * node's own (they are @whatwg-node's), so requests carry their own abort signal. `createYoga` has
 * the adapter find that out by comparing with the global `Request`, and that comparison alone loads
 * node's fetch (undici) at every start, which talkgraph never uses.
 */
function createYoga(options: YogaServerOptions<Record<string, unknown>, GraphContext>) {
  const server = new YogaServer(options);
  return createServerAdapter(server, {
    fetchAPI: server.fetchAPI,
    // biome-ignore lint/complexity/useLiteralKeys: protected in Yoga's types; createYoga reads it so too
    plugins: server['plugins'],
    __useCustomAbortCtrl: true,
  });
}

export type TalkgraphYoga = ReturnType<typeof createTalkgraphYoga>;
