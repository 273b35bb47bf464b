/**
 * @module server/yoga
 * The GraphQL endpoint: Yoga over the talkgraph schema, with GraphiQL (and a
 * default query that shows what the graph is for), limits that refuse
 * hostile queries before they run, compiled execution, a response cache (the
 * graph never changes while served) and masked unexpected errors.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, maskError, type Plugin, type YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import { BAD_USER_INPUT } from '../schema/args.js';
import { createContext, type GraphContext, type GraphServices } from '../schema/context.js';
import { schema } from '../schema/index.js';
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
  services: GraphServices;
  /** Where Yoga logs; silent when absent. */
  logger?: Logger;
  /** Allowed CORS origins; any origin when absent. */
  corsOrigin?: string | string[];
  /** Cache whole responses (default true): safe because the graph is immutable once served. */
  responseCache?: boolean;
  /** Compile operations with graphql-jit (default true). */
  jit?: boolean;
}

function yogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) logger[level]({ err: first }, first.message);
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
  const { services } = options;
  const plugins: Plugin[] = [...limitPlugins(), useRequestErrorStatus()];
  if (options.jit ?? true) plugins.push(useGraphQlJit({}, { enableIf: jitCanCompile(schema) }) as Plugin);
  if (options.responseCache ?? true) {
    plugins.push(useResponseCache({ session: () => null, includeExtensionMetadata: false }));
  }
  return createYoga<Record<string, unknown>, GraphContext>({
    schema,
    context: () => createContext(services),
    plugins,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    cors: options.corsOrigin === undefined ? undefined : { origin: options.corsOrigin },
    logging: options.logger === undefined ? false : yogaLogger(options.logger),
    maskedErrors: { maskError: maskTalkgraphError, errorMessage: 'Unexpected error.', isDev: false },
    graphiql: { title: 'talkgraph', defaultQuery: DEFAULT_QUERY },
    // GraphiQL's scripts are served from this package, not a CDN: it works offline. The package is
    // 9 MB of JavaScript, so it is loaded on the first GraphiQL page, not at start-up.
    renderGraphiQL: async (graphiql) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiql),
  });
}

export type TalkgraphYoga = ReturnType<typeof createTalkgraphYoga>;
