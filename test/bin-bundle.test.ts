/**
 * The built CLI as `npm start` runs it: one bundle compiled through node:vm
 * with the code V8 recorded at build time. What it loads lazily (GraphiQL
 * from node_modules, the notes renderer) must still load, and its answers
 * must not depend on whether V8 took the recorded code.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the built `talkgraph serve` and resolves to its GraphQL URL, read from its log. */
function serve(): Promise<string> {
  const child = spawn(process.execPath, ['bin/talkgraph.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '', TALKGRAPH_FROM_SOURCE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`talkgraph serve exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url !== undefined) resolve(url);
    });
  });
}

function indexJson(nodeFlags: string[]): string {
  const result = spawnSync(
    process.execPath,
    [...nodeFlags, 'bin/talkgraph.js', 'index', '--json', '--no-cache'],
    {
      encoding: 'utf8',
      env: { ...process.env, TALKGRAPH_FROM_SOURCE: '' },
    },
  );
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the built talkgraph command', () => {
  it('serves GraphiQL to a browser and renders notes, both loaded on first use', async () => {
    const url = await serve();
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>talkgraph</title>');

    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ talks(first: 1) { edges { node { notesHtml } } } }' }),
    });
    const body = (await answer.json()) as { data: { talks: { edges: { node: { notesHtml: string } }[] } } };
    expect(body.data.talks.edges[0]?.node.notesHtml).toMatch(/^<[a-z]/);
  });

  it('takes the code recorded at build time, for a server and for index alike', () => {
    for (const args of [['--help'], ['index', '--json', '--no-cache'], ['serve', '--help']]) {
      const result = spawnSync(process.execPath, ['bin/talkgraph.js', ...args], {
        encoding: 'utf8',
        env: { ...process.env, TALKGRAPH_FROM_SOURCE: '', TALKGRAPH_REPORT_CODE_CACHE: '1' },
      });
      expect(result.stderr).toContain('talkgraph: code cache accepted');
    }
  });

  it('indexes alike whether V8 takes the recorded code or compiles the bundle afresh', () => {
    // Any V8 flag on the command line makes V8 reject code recorded without it.
    expect(indexJson(['--stack-size=2000'])).toBe(indexJson([]));
  });
});
