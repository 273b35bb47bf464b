/**
 * @module bench/serveCommand
 * How `npm start` runs the server, read from package.json's start script:
 * the Node flags it passes before `bin/talkgraph.js`. Benchmarks start their
 * servers with the same flags, so they measure the server as it is shipped
 * (the image and the example Deployment pass them too).
 */
import { readFileSync } from 'node:fs';

const ENTRY = 'bin/talkgraph.js';

/** The Node flags of a command line that runs `node [flags] bin/talkgraph.js serve`. */
export function nodeFlagsOf(words: readonly string[]): string[] {
  const node = words.indexOf('node');
  const entry = words.indexOf(ENTRY);
  if (node === -1 || entry < node || words[entry + 1] !== 'serve') {
    throw new Error(`not a command that runs \`node … ${ENTRY} serve\`: ${words.join(' ')}`);
  }
  return words.slice(node + 1, entry);
}

/** The Node flags `npm start` runs the server with. */
export function serverNodeFlags(packageJson = new URL('../package.json', import.meta.url)): string[] {
  const { scripts } = JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts?: { start?: string } };
  if (scripts?.start === undefined) throw new Error('package.json has no start script');
  return nodeFlagsOf(scripts.start.trim().split(/\s+/));
}
