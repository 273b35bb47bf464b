/**
 * `talkgraph serve` as a child process: a repeated GET carries an ETag and a
 * matching If-None-Match gets 304; with --no-response-cache the same GET is
 * answered without an ETag.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `talkgraph serve` with `flags` and resolves to its GraphQL URL, read from its log. */
function serve(...flags: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    ['bin/talkgraph.js', 'serve', '--port', '0', '--host', '127.0.0.1', ...flags],
    {
      env: { ...process.env, LOG_LEVEL: 'info', PORT: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(out)?.[1];
      if (url !== undefined) resolve(url);
    });
  });
}

const QUERY = `?query=${encodeURIComponent('{ tool(name: "gvisor") { name talkCount } }')}`;

describe('talkgraph serve caching', () => {
  it('answers a repeated GET with an ETag, 304 when it matches, and no ETag with --no-response-cache', async () => {
    const [cached, uncached] = await Promise.all([serve(), serve('--no-response-cache')]);
    const first = await fetch(cached + QUERY);
    expect(await first.json()).toEqual({ data: { tool: { name: 'gVisor', talkCount: 2 } } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await fetch(cached + QUERY, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);

    const plain = await fetch(uncached + QUERY);
    expect(await plain.json()).toEqual({ data: { tool: { name: 'gVisor', talkCount: 2 } } });
    expect(plain.headers.get('etag')).toBeNull();
  });
});
