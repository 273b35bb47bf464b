/**
 * @module cli/options
 * Options shared by the commands that index content.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const contentOptions = {
  content: { type: 'string', short: 'c' },
  'no-catalogue': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The content root: --content, else TALKGRAPH_CONTENT, else ./content. */
export function contentRoot(value: string | undefined): string {
  const root = resolve(value ?? process.env.TALKGRAPH_CONTENT ?? 'content');
  if (!existsSync(root)) throw new Error(`content folder ${root} does not exist (set it with --content DIR)`);
  return root;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
}
