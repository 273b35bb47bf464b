/**
 * @module cli/options
 * Options shared by the commands that index content.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { defaultCacheDir } from '../indexing/resultCache.js';

const helpOption = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsConfig['options'];

export const contentOptions = {
  content: { type: 'string', short: 'c' },
  'no-catalogue': { type: 'boolean' },
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
 * Parses a command's options. On a usage error (unknown option, missing value)
 * prints the error and the command's usage and returns 2; on --help prints the
 * usage and returns 0: either number is the command's exit code.
 */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  command: { name: string; usage: string },
) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, ...helpOption },
      allowPositionals: false,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help === true) {
      process.stdout.write(command.usage);
      return 0;
    }
    return parsed;
  } catch (error) {
    process.stderr.write(`talkgraph ${command.name}: ${(error as Error).message}\n\n${command.usage}`);
    return 2;
  }
}

/** Options of the commands that keep per-file results on disk for a warm start. */
export const cacheOptions = {
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const CACHE_USAGE = `  --cache-dir DIR    keep the last built graph and per-file results here for a fast restart
                     (default: $TALKGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/talkgraph, else ~/.cache/talkgraph)
  --no-cache         index every file afresh and write no cache`;

/** The cache folder the options ask for; undefined with --no-cache. */
export function cacheDir(values: { 'cache-dir'?: string; 'no-cache'?: boolean }): string | undefined {
  if (values['no-cache'] === true) return undefined;
  return resolve(values['cache-dir'] ?? defaultCacheDir());
}

/** Tells the operator, on stderr, about cache files that were ignored or could not be written. */
export function reportCache(
  command: string,
  cache: { notices: readonly string[]; saveError?: string } | undefined,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  for (const notice of cache?.notices ?? []) write(`talkgraph ${command}: ${notice}\n`);
  if (cache?.saveError !== undefined)
    write(`talkgraph ${command}: the warm-start cache could not be written: ${cache.saveError}\n`);
}
