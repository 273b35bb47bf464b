/**
 * @module server/limits
 * Limits that refuse hostile operations while they are validated, before
 * anything runs: page sizes written in the query, depth, aliases,
 * directives and tokens (graphql-armor). Then, once the variables are known
 * and still before anything runs, the operation's cost as
 * `@pothos/plugin-complexity` counts it with the costs of `schema/complexity`
 * (objects it can return, page sizes passed as variables or left to their
 * defaults included, the longest plain lists of the graph, and the words of
 * every search). Each refusal is one GraphQL error with a message saying
 * which limit and an `extensions.code`.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { type ASTVisitor, type GraphQLError, Kind, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { BAD_USER_INPUT } from '../schema/args.js';
import { PAGE_SIZE_MAX } from '../schema/connections.js';
import { operationCost } from './operationCost.js';

/** Limits on every operation, checked before it runs. */
export const LIMITS = {
  /** Nesting of selections (introspection excepted). */
  maxDepth: 12,
  maxAliases: 30,

  /** Lexical tokens of a document. */
  maxTokens: 2000,
  maxDirectives: 10,
  /**
   * Cost an operation may have at most, counted with its variables before it
   * runs (`schema/complexity.ts`): 1 per object it can return, with pages at
   * their size and plain lists at the longest of their kind in the graph, and
   * 100 per word of each search, wherever it is nested. A page of 100 talks
   * with their tools and conference fits; pages of pages of pages
   * (`tools { talks { tools { talks } } }`) and a search under every item of
   * a page do not.
   */
  maxCost: 20_000,
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

/**
 * Refuses with an armor error as a validation error with a code, without the
 * "Syntax Error" prefix. Thrown, not reported, so validation stops with this
 * one error: fifty repeated directives would otherwise also get forty-nine
 * errors of their own, an answer many times the size of the request.
 */
const reportTooComplex: GraphQLArmorRejectCallback = (_context, error) => {
  throw createGraphQLError(error.message.replace(/^Syntax Error: /, ''), {
    nodes: error.nodes,
    extensions: { code: QUERY_TOO_COMPLEX },
  });
};

const reported = { propagateOnRejection: false, onReject: [reportTooComplex] };

/** The plugins enforcing `LIMITS`, to put first in the plugin list. */
export function limitPlugins(): Plugin[] {
  const pageSizes: Plugin = {
    onValidate({ addValidationRule }) {
      addValidationRule(pageSizeRule);
    },
  };
  const cost: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      // Run here, not as a validation rule: Yoga caches validation by document, and cost depends on variables.
      const { cost: found, invalid } = operationCost(
        args.schema,
        args.document,
        args.contextValue as object,
        args.variableValues as Record<string, unknown> | null | undefined,
        args.operationName,
      );
      if (found <= LIMITS.maxCost && invalid.length === 0) return;
      setResultAndStopExecution({
        errors: [
          invalid.length > 0 && found <= LIMITS.maxCost
            ? // Arguments that cannot be read (a malformed id): the client's error, as execution would say.
              createGraphQLError((invalid[0] as GraphQLError).message, {
                nodes: (invalid[0] as GraphQLError).nodes,
                extensions: { code: BAD_USER_INPUT },
              })
            : createGraphQLError(
                `Query Cost limit of ${LIMITS.maxCost} exceeded, found ${found} (page sizes passed as variables or left to their defaults, long lists and every searched word included); ask for smaller pages, fewer nested lists or searches.`,
                { extensions: { code: QUERY_TOO_COMPLEX } },
              ),
        ],
      });
    },
  };
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: LIMITS.maxDepth, ...reported },
    maxAliases: { n: LIMITS.maxAliases, ...reported },
    // Cost is counted by the complexity plugin, with variables (see `cost`).
    costLimit: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, ...reported },
    // Counted while parsing, where there is no validation context to report to: it throws
    // (Yoga answers with code GRAPHQL_PARSE_FAILED).
    maxTokens: { n: LIMITS.maxTokens },
  });
  return [pageSizes, armor as Plugin, cost];
}
