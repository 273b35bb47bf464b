/**
 * @module server/requestErrorStatus
 * HTTP statuses as the GraphQL-over-HTTP spec asks: a response without
 * `data` (the request was refused before or as it started: a page size over
 * the cap, a query too deep, an unknown name in a filter) is a request error,
 * answered 400 to clients that accept `application/graphql-response+json`.
 * Clients that accept only `application/json` keep getting 200, as the spec
 * says for them. Errors Yoga already gave a status to keep it, and masked
 * unexpected errors stay Yoga's (500).
 */
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const REQUEST_ERROR = { status: 400, spec: true } as const;

function asRequestError(error: GraphQLError): GraphQLError {
  if (error.extensions.http !== undefined) return error;
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...error.extensions, http: REQUEST_ERROR },
  });
}

export function useRequestErrorStatus(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      const errors = result.errors ?? [];
      if (result.data != null || errors.length === 0) return;
      // Only errors the client caused (each with a code) make a 4xx; anything else is the server's.
      if (!errors.every((e) => e instanceof GraphQLError && typeof e.extensions.code === 'string')) return;
      const { data: _data, ...rest } = result;
      setResult({ ...rest, errors: errors.map((e) => asRequestError(e as GraphQLError)) });
    },
  };
}
