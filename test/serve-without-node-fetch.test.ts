/**
 * The built server never loads node's own fetch (undici): Yoga brings its own fetch classes, and
 * node's cost a start tens of milliseconds to load. A preload reports every read of node's fetch
 * globals; serving the first answers, a page through Yoga and GraphiQL must read none.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createGraphServices } from '../src/schema/context.js';
import { createTalkgraphYoga } from '../src/server/yoga.js';
import { syntheticGraph } from './helpers/syntheticGraph.js';

const trap = fileURLToPath(new URL('./helpers/trapFetchGlobals.cjs', import.meta.url));
const stops: (() => void)[] = [];
afterAll(() => {
  for (const stop of stops) stop();
});

/** Starts the built `talkgraph serve` with the trap; its URL, and what it wrote on stderr so far. */
function serve(): Promise<{ url: string; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    ['--require', trap, 'bin/talkgraph.js', 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      env: { ...process.env, LOG_LEVEL: 'info', PORT: '', TALKGRAPH_FROM_SOURCE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  stops.push(() => child.kill('SIGKILL'));
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`talkgraph serve exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url !== undefined) resolve({ url, stderr: () => stderr });
    });
  });
}

describe('serving without node fetch', () => {
  it('answers directly, through Yoga and with GraphiQL without reading node fetch globals', async () => {
    const { url, stderr } = await serve();
    const query = JSON.stringify({ query: '{ tool(name: "gvisor") { name talkCount } }' });
    const direct = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: query,
    });
    expect(await direct.json()).toEqual({ data: { tool: { name: 'gVisor', talkCount: 2 } } });
    // A browser's cross-origin request is answered by Yoga, with its CORS headers.
    const viaYoga = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://example.org' },
      body: query,
    });
    expect(viaYoga.headers.get('access-control-allow-origin')).toBe('https://example.org');
    expect(await viaYoga.json()).toEqual({ data: { tool: { name: 'gVisor', talkCount: 2 } } });
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    await page.text();
    expect(stderr()).not.toContain('node fetch global read');
  });

  it("hands Yoga's server adapter fetch classes that are not node's, as it is told", () => {
    const yoga = createTalkgraphYoga({ services: createGraphServices(syntheticGraph()) });
    // The adapter is told that requests carry their own abort signal: true only of these classes.
    expect(yoga.fetchAPI.Request).not.toBe(globalThis.Request);
    expect(yoga.fetchAPI.Headers).not.toBe(globalThis.Headers);
  });
});
