/**
 * @module server/leanLane
 * The short way for the common request: a query whose text was already
 * parsed, validated and compiled once (through Yoga's own parser, validator
 * and limits, then graphql-jit) runs as compiled code on a fresh request
 * context, without Yoga's per-request pipeline (its fetch objects and its
 * plugin chain). The checks those plugins make per request are made here the
 * same way: the nesting of the variables, the cost limit with the variables,
 * and the answer-size cap. Whatever the lane does not answer with data alone
 * (an error of any kind, an operation it does not run) it gives up on, and
 * Yoga answers the request from the start in its own words.
 */
import {
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { createCompiledQueryCache } from './caches.js';
import { nestsDeeperThan } from './guards.js';
import { jitCanCompile } from './jitGuard.js';
import { LIMITS } from './limits.js';
import { operationCost } from './operationCost.js';
import { type LaneSettings, laneSettingsOf, type TalkgraphYoga } from './yoga.js';

/** What a request asks for, once read off the wire. */
export interface LaneParams {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** A query the lane runs: its document, compiled, and its operation's name. */
interface Compiled {
  document: DocumentNode;
  compiled: CompiledQuery;
  name: string | undefined;
}

/** A query text the lane leaves to Yoga (an error, a mutation, several operations...): judged once. */
const YOGA = 'yoga';

export type LaneEntry = Compiled | typeof YOGA;

/** Introspection runs on graphql-js in Yoga; left to it rather than compared field by field. */
const INTROSPECTION = /__schema|__type\b/;

/** The single query operation of a document, or null when there is none or more than one. */
function onlyQuery(document: DocumentNode): OperationDefinitionNode | null {
  let found: OperationDefinitionNode | null = null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (found !== null || definition.operation !== 'query') return null;
    found = definition;
  }
  return found;
}

/**
 * Parses, validates and compiles a query text as Yoga would see it: Yoga's
 * parser (with its token limit) and its validation (with every rule its
 * plugins add: depth, aliases, directives, page sizes, read-only).
 */
function judge(
  yoga: TalkgraphYoga,
  settings: LaneSettings,
  canCompile: (args: { schema: GraphQLSchema; document: DocumentNode }) => boolean,
  params: LaneParams,
): LaneEntry {
  if (INTROSPECTION.test(params.query)) return YOGA;
  // Yoga's Headers, not the global one, which would load node's fetch (undici) for this alone.
  const request = {
    method: 'POST',
    url: '/graphql',
    headers: new yoga.fetchAPI.Headers(),
  } as unknown as Request;
  const enveloped = yoga.getEnveloped({ request, params });
  let document: DocumentNode;
  try {
    document = enveloped.parse(params.query);
    // Some limits throw rather than report, to stop validation at their one error.
    if (enveloped.validate(enveloped.schema, document).length > 0) return YOGA;
  } catch {
    return YOGA;
  }
  const operation = onlyQuery(document);
  if (operation === null) return YOGA;
  // Operations with a variable of a self-containing input type run on graphql-js (see jitGuard).
  if (!canCompile({ schema: settings.schema, document })) return YOGA;
  const compiled = compileQuery(settings.schema, document, operation.name?.value);
  if (!isCompiledQuery(compiled)) return YOGA;
  return { document, compiled, name: operation.name?.value };
}

/**
 * Runs a query the short way and resolves to its answer's JSON text, or to
 * null when Yoga must answer it. The lane's entries are kept by query text,
 * bounded as Yoga's own document cache is.
 */
export function createLeanLane(yoga: TalkgraphYoga): ((params: LaneParams) => Promise<string | null>) | null {
  const settings = laneSettingsOf(yoga);
  if (settings === undefined) return null;
  const entries = createCompiledQueryCache<LaneEntry>();
  const canCompile = jitCanCompile(settings.schema);
  // Answers up to half the cap are let through without measuring them as the guard does: its
  // count of a value is at most its JSON length plus one per list (see `jsonSizeOver`), so it
  // cannot reach the cap. Larger ones go to Yoga, whose guard measures them.
  const largestAnswer = Math.floor(settings.maxResponseBytes / 2);
  return async (params) => {
    let entry = entries.get(params.query);
    if (entry === undefined) {
      entry = judge(yoga, settings, canCompile, params);
      entries.set(params.query, entry);
    }
    if (entry === YOGA) return null;
    if (params.operationName !== undefined && params.operationName !== entry.name) return null;
    const { variables } = params;
    if (variables !== undefined && nestsDeeperThan(variables, settings.maxVariableDepth)) return null;
    const context = settings.context();
    const { cost, invalid } = operationCost(
      settings.schema,
      entry.document,
      context,
      variables,
      params.operationName,
    );
    if (cost > LIMITS.maxCost || invalid.length > 0) return null;
    const result = (await entry.compiled.query(undefined, context, variables)) as ExecutionResult;
    if (result.errors !== undefined || result.data == null) return null;
    const text = JSON.stringify(result);
    return text.length > largestAnswer ? null : text;
  };
}
