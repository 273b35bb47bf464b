/**
 * @module server/operationCost
 * The cost of an operation with its variables, as `@pothos/plugin-complexity`
 * counts it with the costs of `schema/complexity`, remembered per parsed
 * document: counting walks the whole document with graphql's validator,
 * which costs more than running a small query, and a client paging through
 * a list sends the same document with the same few variables again and
 * again. The count depends only on the document, the operation, the
 * variables and the served graph's list bounds, so a remembered count is the
 * count; each request is still checked against the limit.
 */
import { createComplexityRule } from '@pothos/plugin-complexity';
import { type DocumentNode, type GraphQLError, type GraphQLSchema, validate } from 'graphql';
import type { GraphContext } from '../schema/context.js';

export interface OperationCost {
  /** The largest cost of the operation's fields, as counted. */
  cost: number;
  /** Arguments the counter could not read (a malformed id): reported as the client's error. */
  invalid: readonly GraphQLError[];
}

/**
 * Variable sets remembered per document and graph; the oldest goes first.
 * With the longest key below, a document holds at most about 16 KB of
 * counts, freed with the document when the document cache drops it.
 */
export const COST_ENTRIES_PER_DOCUMENT = 32;
/** Variables longer than this (as JSON) are counted afresh each time rather than kept as a key. */
export const COST_KEY_MAX_CHARS = 512;

/** Counts by graph (its list bounds), then by document, then by operation name and variables. */
const remembered = new WeakMap<object, WeakMap<DocumentNode, Map<string, OperationCost>>>();

function count(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: object,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
): OperationCost {
  let cost = 0;
  const rule = createComplexityRule({
    context,
    variableValues: variables,
    operationName: operationName ?? undefined,
    validate: (result: { complexity: number }) => {
      cost = Math.max(cost, result.complexity);
    },
  });
  const invalid = validate(schema, document, [rule]);
  return { cost, invalid };
}

/** The cost of running `document` with these variables in `context`, counted once per distinct request. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: object,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
): OperationCost {
  const values = variables ?? {};
  const bounds = (context as Partial<GraphContext>).listBounds;
  let key: string | undefined;
  if (bounds !== undefined) {
    const json = JSON.stringify(values);
    if (json.length <= COST_KEY_MAX_CHARS) key = `${operationName ?? ''}\u0000${json}`;
  }
  if (bounds === undefined || key === undefined)
    return count(schema, document, context, values, operationName);
  let byDocument = remembered.get(bounds);
  if (byDocument === undefined) {
    byDocument = new WeakMap();
    remembered.set(bounds, byDocument);
  }
  let byRequest = byDocument.get(document);
  if (byRequest === undefined) {
    byRequest = new Map();
    byDocument.set(document, byRequest);
  }
  const known = byRequest.get(key);
  if (known !== undefined) return known;
  const counted = count(schema, document, context, values, operationName);
  if (byRequest.size >= COST_ENTRIES_PER_DOCUMENT) byRequest.delete(byRequest.keys().next().value as string);
  byRequest.set(key, counted);
  return counted;
}
