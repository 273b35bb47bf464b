/**
 * @module server/limits
 * Limits that refuse hostile operations while they are validated, before
 * anything runs: page sizes written in the query, depth, aliases, cost,
 * directives and tokens (graphql-armor). Then, once the variables are known
 * and still before anything runs, an estimate of how many objects the
 * operation can return (page sizes passed as variables or left to their
 * defaults included). Each refusal is one GraphQL error with a message saying
 * which limit and an `extensions.code`.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { NEIGHBORHOOD_LIMIT_MAX } from '../graph/traverse.js';
import { BAD_USER_INPUT } from '../schema/args.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../schema/connections.js';

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
  /**
   * Objects an operation may return at most, estimated before it runs with
   * its variables: every object field counts 1, a connection or paged list
   * multiplies what it holds by its page size (`first` ?? `last` ?? `limit`,
   * literal or variable, else the argument's default, else 20; capped at 100,
   * or 500 for `limit`), a list without a page size by
   * `unpagedListSize`. A page of 100 talks with their tools and conference
   * fits; pages of pages of pages (`tools { talks { tools { talks } } }`) do not.
   */
  maxObjects: 20_000,
  /** What a list without a page size argument (`Talk.tools`, `Subgraph.nodes`) is assumed to hold. */
  unpagedListSize: 20,
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

/** The parts of graphql's type objects the estimate reads (duck-typed: no `instanceof`, see above). */
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, FieldLike>;
}
interface FieldLike {
  type: TypeLike;
  args: readonly { name: string; defaultValue?: unknown }[];
}

const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

function isListType(type: TypeLike): boolean {
  let current: TypeLike | undefined = type;
  while (current) {
    if (Object.prototype.toString.call(current) === '[object GraphQLList]') return true;
    current = current.ofType;
  }
  return false;
}

function namedType(type: TypeLike): TypeLike {
  let current = type;
  while (current.ofType) current = current.ofType;
  return current;
}

/** The value of an argument node, its variables resolved; undefined when absent or null. */
function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value] ?? undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  return undefined;
}

/**
 * How many items a list or connection field may hold: its page size argument
 * (literal, variable, else default), clamped to the caps; the connection default
 * or `LIMITS.unpagedListSize` when it has none.
 */
function pageSizeOf(
  field: FieldLike,
  argNodes: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
  connection: boolean,
): number {
  for (const name of PAGE_ARGUMENTS) {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) continue;
    const node = argNodes.find((a) => a.name.value === name);
    const value = argumentValue(node?.value, variables) ?? definition.defaultValue;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const cap = name === 'limit' ? NEIGHBORHOOD_LIMIT_MAX : PAGE_SIZE_MAX;
    return Math.max(0, Math.min(Math.ceil(value), cap));
  }
  return connection ? PAGE_SIZE_DEFAULT : LIMITS.unpagedListSize;
}

/**
 * Estimates how many objects an operation returns (see `LIMITS.maxObjects`),
 * following fragments and inline fragments. Introspection fields (`__schema`,
 * `__type`) are not counted: they are bounded by the schema.
 */
export function estimateObjects(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = (
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType()
  ) as TypeLike | null | undefined;
  if (!root) return 0;

  // `inPage`: the parent field was a connection or a paged object (`neighborhood(limit)`), whose
  // lists (`edges`, `nodes`) are the page already counted on it.
  const walk = (
    selectionSet: SelectionSetNode,
    parent: TypeLike,
    seen: ReadonlySet<string>,
    inPage: boolean,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const type = (schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined) ?? parent;
        total += walk(fragment.selectionSet, type, new Set([...seen, name]), inPage);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const type = (condition ? (schema.getType(condition) as TypeLike | undefined) : undefined) ?? parent;
        total += walk(selection.selectionSet, type, seen, inPage);
      } else {
        const name = selection.name.value;
        if (name.startsWith('__') || !selection.selectionSet) continue;
        const field = parent.getFields?.()[name];
        if (!field) continue;
        const type = namedType(field.type);
        const list = isListType(field.type);
        const connection = (type.name ?? '').endsWith('Connection');
        const paged =
          connection || (!list && field.args.some((a) => PAGE_ARGUMENTS.some((n) => n === a.name)));
        const size =
          paged || (list && !inPage)
            ? pageSizeOf(field, selection.arguments ?? [], variables, connection)
            : 1;
        total += size * (1 + walk(selection.selectionSet, type, seen, paged));
      }
    }
    return total;
  };
  return walk(operation.selectionSet, root, new Set(), false);
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
  // Parsed documents are cached and reused, so the estimate is kept per document, operation and
  // variables: a repeated query is not walked again.
  const estimates = new WeakMap<DocumentNode, Map<string, number>>();
  const objects: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const key = `${args.operationName ?? ''}\n${JSON.stringify(variables)}`;
      let known = estimates.get(args.document);
      if (known === undefined) {
        known = new Map();
        estimates.set(args.document, known);
      }
      let estimate = known.get(key);
      if (estimate === undefined) {
        estimate = estimateObjects(args.schema, args.document, args.operationName, variables);
        // Bounded: a document run with ever-new variables keeps only its latest estimates, and
        // large variables are not kept at all.
        if (known.size >= 256) known.clear();
        if (key.length <= 1_000) known.set(key, estimate);
      }
      if (estimate <= LIMITS.maxObjects) return;
      setResultAndStopExecution({
        errors: [
          createGraphQLError(
            `Query Cost limit of ${LIMITS.maxObjects} objects exceeded, found about ${Math.round(estimate)} (page sizes passed as variables or left to their defaults included); ask for smaller pages or fewer nested lists.`,
            { extensions: { code: QUERY_TOO_COMPLEX } },
          ),
        ],
      });
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
  return [pageSizes, armor as Plugin, objects];
}
