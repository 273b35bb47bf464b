/**
 * @module cli/text
 * Wording helpers for command output.
 */

/** "1 talk", "7 talks", "1 conference". */
export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
