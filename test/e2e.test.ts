/**
 * End to end over a real port: `talkgraph serve` as a child process on a
 * free port, probed with /health, queried with POST and GET, then stopped
 * with SIGTERM, which must close it cleanly with exit code 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/server/http.js';
import { bundledGraph, type Json } from './helpers/graphqlClient.js';

let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `talkgraph serve` and resolves to its GraphQL URL, read from its startup log line. */
function startServer(): Promise<{ url: string; logs: string[] }> {
  const logs: string[] = [];
  child = spawn(process.execPath, ['bin/talkgraph.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('\n')}`)), 20_000);
    started.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${logs.join('\n')}`)));
    started.stderr?.on('data', (chunk) => logs.push(String(chunk)));
    createInterface({ input: started.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      logs.push(line);
      let entry: { msg?: string; url?: string } = {};
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      // The startup line: "talkgraph serving N talks from DIR at URL".
      if (
        entry.url &&
        /^talkgraph serving \d+ talks from .+ at /.test(entry.msg ?? '') &&
        entry.msg?.endsWith(entry.url)
      ) {
        clearTimeout(timer);
        resolve({ url: entry.url, logs });
      }
    });
  });
}

function exitOf(process: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => process.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('talkgraph serve', () => {
  it('serves the bundled content over HTTP and exits 0 on SIGTERM', async () => {
    const expectedTalks = (await bundledGraph()).talks.length;
    const { url, logs } = await startServer();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);

    const health = await fetch(new URL('/health', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', talks: expectedTalks });

    const posted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://notes.example' },
      body: JSON.stringify({
        query:
          'query ($name: String!) { tool(name: $name) { talks { totalCount edges { node { title } } } } }',
        variables: { name: 'gvisor' },
      }),
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('access-control-allow-origin')).toBe('https://notes.example');
    const body = await posted.json();
    expect(body.data.tool.talks.edges.map((e: Json) => e.node.title)).toEqual([
      'Kubernetes Project Update',
      'Container Native observability & security from Google Cloud',
    ]);

    const got = await fetch(`${url}?query=${encodeURIComponent('{ stats { talks } }')}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ data: { stats: { talks: expectedTalks } } });

    const running = child as ChildProcess;
    const exited = exitOf(running);
    running.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(logs.join('\n')).toContain('talkgraph shutting down');
  });

  it('answers /health with 503 until the graph is ready, then 200', async () => {
    const http = createHttpServer();
    const base = await http.listen(0, '127.0.0.1');
    try {
      const loading = await fetch(new URL('/health', base));
      expect(loading.status).toBe(503);
      expect(await loading.json()).toEqual({ status: 'loading' });
      expect((await fetch(new URL('/graphql', base))).status).toBe(503);

      http.ready((_req, res) => res.end('graphql'), { talks: 3 });
      const ready = await fetch(new URL('/health', base));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', talks: 3 });
      expect(await (await fetch(new URL('/graphql', base))).text()).toBe('graphql');
    } finally {
      await http.close();
    }
  });

  it('refuses a body over the size cap, whether its length is declared or not', async () => {
    const http = createHttpServer({ maxBodyBytes: 1000 });
    const base = await http.listen(0, '127.0.0.1');
    http.ready((_req, res) => res.end('graphql'), {});
    try {
      const big = 'x'.repeat(5000);
      const declared = await fetch(new URL('/graphql', base), { method: 'POST', body: big });
      expect(declared.status).toBe(413);
      // A streamed body has no Content-Length: it is sent chunked.
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const chunked = await fetch(new URL('/graphql', base), {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(411);
      expect((await fetch(new URL('/graphql', base), { method: 'POST', body: 'small' })).status).toBe(200);
    } finally {
      await http.close();
    }
  });
});
