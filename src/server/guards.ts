/**
 * @module server/guards
 * Checks on a request and its answer that the query limits cannot make:
 * variables nested too deeply (they would overflow the stack of every
 * recursive walk after parsing: coercion, the response cache's key), an
 * operation this read-only API has no root type for (`mutation`,
 * `subscription` without a subscription type), and answers larger than the
 * response cap (measured without building the JSON text, and stopped as soon
 * as the cap is passed), errors included: an error that echoes its input
 * (an invalid id, say) is cut to a few hundred characters, so one large
 * variable used by many aliases cannot multiply into a large answer.
 */
import type { ExecutionResult, GraphQLError, OperationDefinitionNode, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { BAD_USER_INPUT } from '../schema/args.js';

export const GUARD_DEFAULTS = {
  /** Nesting of objects and arrays in a request's variables. */
  maxVariableDepth: 32,
  /** JSON bytes of one answer (before compression). */
  maxResponseBytes: 16 * 1024 * 1024,
  /** Characters of one error message; longer ones (echoes of input) are cut. */
  maxErrorMessage: 300,
} as const;

/** The code of an answer refused for its size. */
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

/** Whether a value nests deeper than `limit` (iterative: a deep value cannot overflow the stack here). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/**
 * The JSON length of a value, about (strings counted by characters, escapes
 * ignored), or `Infinity` as soon as it passes `limit`.
 */
export function jsonSizeOver(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') size += current.length + 2;
    else if (current === null || current === undefined) size += 4;
    else if (typeof current !== 'object') size += String(current).length;
    else if (Array.isArray(current)) {
      size += 2 + current.length;
      for (const item of current) stack.push(item);
    } else {
      // Keys, not entries: no pair is made for each field of every object of an answer.
      const record = current as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        size += key.length + 4;
        stack.push(record[key]);
      }
      size += 2;
    }
    if (size > limit) return Number.POSITIVE_INFINITY;
  }
  return size;
}

/** The error with its message cut to `maxErrorMessage` characters, when longer. */
function shortened(error: GraphQLError): GraphQLError {
  const max = GUARD_DEFAULTS.maxErrorMessage;
  if (error.message.length <= max) return error;
  return createGraphQLError(`${error.message.slice(0, max)}… (cut at ${max} characters)`, {
    nodes: error.nodes,
    path: error.path,
    extensions: error.extensions,
    originalError: error.originalError,
  });
}

const readOnly = (kind: string) =>
  `This API is read-only and has no ${kind} operations; send a query instead.`;

/** The plugins enforcing the guards; to put before the response cache, which keys on the variables. */
export function guardPlugins(
  options: { maxVariableDepth?: number; maxResponseBytes?: number } = {},
): Plugin[] {
  const maxDepth = options.maxVariableDepth ?? GUARD_DEFAULTS.maxVariableDepth;
  const maxBytes = options.maxResponseBytes ?? GUARD_DEFAULTS.maxResponseBytes;
  const requests: Plugin = {
    onParams({ params }) {
      if (params.variables !== undefined && nestsDeeperThan(params.variables, maxDepth)) {
        throw createGraphQLError(`Variables are nested more than ${maxDepth} levels deep.`, {
          extensions: { code: BAD_USER_INPUT, http: { status: 400 } },
        });
      }
    },
    onValidate({ params, addValidationRule }) {
      addValidationRule((context: ValidationContext) => ({
        OperationDefinition(node: OperationDefinitionNode) {
          const kind = node.operation;
          const root =
            kind === 'mutation' ? params.schema.getMutationType() : params.schema.getSubscriptionType();
          if (kind === 'query' || root) return;
          context.reportError(
            createGraphQLError(readOnly(kind), { nodes: [node], extensions: { code: BAD_USER_INPUT } }),
          );
        },
      }));
    },
  };
  const answers: Plugin = {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          let single = result as ExecutionResult;
          if (single.errors?.some((e) => e.message.length > GUARD_DEFAULTS.maxErrorMessage)) {
            single = { ...single, errors: single.errors.map(shortened) };
            setResult(single);
          }
          const errors = single.errors?.map((e) => e.toJSON());
          if (jsonSizeOver({ data: single.data, errors }, maxBytes) !== Number.POSITIVE_INFINITY) return;
          setResult({
            errors: [
              createGraphQLError(
                `The answer is over ${maxBytes} bytes; ask for fewer fields, smaller pages or fewer aliases.`,
                { extensions: { code: RESPONSE_TOO_LARGE } },
              ),
            ],
          });
        },
      };
    },
  };
  return [requests, answers];
}
