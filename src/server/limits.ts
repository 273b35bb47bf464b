/**
 * @module server/limits
 * Limits that refuse hostile operations while they are validated, before
 * anything runs: page sizes written in the query, depth, aliases, cost,
 * directives and tokens (graphql-armor). Each refusal is one GraphQL error
 * with a message saying which limit and an `extensions.code`.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { type ASTVisitor, Kind, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { PAGE_SIZE_MAX } from '../schema/connections.js';
import { BAD_USER_INPUT } from '../schema/errors.js';

/** Limits on every operation, checked before it runs. */
export const LIMITS = {
  /** Nesting of selections (introspection excepted). */
  maxDepth: 12,
  maxAliases: 30,
  /**
   * graphql-armor cost: objects 2, scalars 1, times 1.5 per level, times the
   * `first`/`last` written on a list. A page of 100 talks with their fields,
   * conference and tools fits; a page of 100 inside a page of 100 does not.
   */
  maxCost: 50_000,
  /** Lexical tokens of a document. */
  maxTokens: 2000,
  maxDirectives: 10,
} as const;

/** The code of an operation refused for its shape (too deep, too costly...). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** Name of a field's type without its list and non-null wrappers (no `instanceof`: see below). */
function namedTypeName(type: unknown): string {
  let current = type as { ofType?: unknown; name?: string };
  while (current.ofType) current = current.ofType as { ofType?: unknown; name?: string };
  return current.name ?? '';
}

/**
 * Refuses page sizes of connections written in the document (`first: 10000`)
 * with the same message a resolver gives for them. Thrown, not reported, so
 * validation stops with this one error even though the cost limit (which
 * multiplies by `first`) has already objected. Page sizes passed as variables
 * are checked by the resolvers.
 *
 * Uses only the validation context and plain AST values, never graphql's
 * `instanceof`-based helpers, so it works when a test runner loads two copies
 * of graphql (ESM and CJS).
 */
function pageSizeRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(arg) {
      const name = arg.name.value;
      if ((name !== 'first' && name !== 'last') || arg.value.kind !== Kind.INT) return;
      const field = context.getFieldDef();
      if (!field || !namedTypeName(field.type).endsWith('Connection')) return;
      const size = Number(arg.value.value);
      if (size >= 0 && size <= PAGE_SIZE_MAX) return;
      throw createGraphQLError(
        `Argument "${name}" must be from 0 to ${PAGE_SIZE_MAX} (pages are capped at ${PAGE_SIZE_MAX} items); got ${size}.`,
        { nodes: [arg], source: context.getDocument().loc?.source, extensions: { code: BAD_USER_INPUT } },
      );
    },
  };
}

/** Reports an armor refusal as a validation error with a code, without the "Syntax Error" prefix. */
const reportTooComplex: GraphQLArmorRejectCallback = (context, error) => {
  context?.reportError(
    createGraphQLError(error.message.replace(/^Syntax Error: /, ''), {
      nodes: error.nodes,
      extensions: { code: QUERY_TOO_COMPLEX },
    }),
  );
};

const reported = { propagateOnRejection: false, onReject: [reportTooComplex] };

/** The plugins enforcing `LIMITS`, to put first in the plugin list. */
export function limitPlugins(): Plugin[] {
  const pageSizes: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(pageSizeRule);
    },
  };
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.maxDepth, ...reported },
    maxAliases: { n: LIMITS.maxAliases, ...reported },
    costLimit: { maxCost: LIMITS.maxCost, ...reported },
    maxDirectives: { n: LIMITS.maxDirectives, ...reported },
    // Counted while parsing, where there is no validation context to report to: it throws
    // (Yoga answers with code GRAPHQL_PARSE_FAILED).
    maxTokens: { n: LIMITS.maxTokens },
  });
  return [pageSizes, armor as Plugin];
}
