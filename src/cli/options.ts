/**
 * @module cli/options
 * Options shared by the commands that index content.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const contentOptions = {
  content: { type: 'string', short: 'c' },
  'no-catalogue': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The example content shipped with talkgraph. */
const BUNDLED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url));

/** The content root: --content, else TALKGRAPH_CONTENT, else ./content, else the bundled example. */
export function contentRoot(value: string | undefined): string {
  const given = value ?? process.env.TALKGRAPH_CONTENT;
  const root = resolve(given ?? (existsSync('content') ? 'content' : BUNDLED_CONTENT));
  if (!existsSync(root)) throw new Error(`content folder ${root} does not exist (set it with --content DIR)`);
  return root;
}

/**
 * Parses a command's options; on a usage error (unknown option, missing value)
 * prints the error and the command's usage and returns null: exit 2.
 */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  command: { name: string; usage: string },
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (error) {
    process.stderr.write(`talkgraph ${command.name}: ${(error as Error).message}\n\n${command.usage}`);
    return null;
  }
}
