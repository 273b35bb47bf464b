/**
 * @module schema/args
 * Expected errors at the GraphQL boundary: a message that says what was wrong
 * and what is accepted, and a stable `extensions.code`. Anything else thrown
 * by a resolver is masked by the server.
 */
import { createGraphQLError } from 'graphql-yoga';

/** The code of every error caused by an argument the client sent. */
export const BAD_USER_INPUT = 'BAD_USER_INPUT';

export function badUserInput(message: string): Error {
  return createGraphQLError(message, { extensions: { code: BAD_USER_INPUT } });
}

/** The longest text accepted by `query` filters and lookups by name. */
export const MAX_TEXT_ARG = 200;

/** Checks a free-text argument and returns it lower-cased and trimmed ('' when absent). */
export function textArg(name: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value.length > MAX_TEXT_ARG) {
    throw badUserInput(
      `Argument "${name}" is ${value.length} characters long; at most ${MAX_TEXT_ARG} are accepted.`,
    );
  }
  return value.trim().toLowerCase();
}

/** Checks an integer argument against a range. */
export function intArg(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`Argument "${name}" must be an integer from ${min} to ${max}; got ${value}.`);
  }
  return value;
}
