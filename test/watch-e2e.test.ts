/**
 * Live content end to end: a watched content root served through the
 * GraphQL endpoint, a `graphChanged` subscription read over server-sent
 * events, and a file added, edited, broken, fixed and deleted on disk. After
 * each step the event names the file (with its diagnostics) and the answers
 * to queries follow the files.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveServing, serveLive } from '../src/server/liveServer.js';
import type { Json } from './helpers/graphqlClient.js';

let root: string;
let serving: LiveServing;
const post = (title: string) =>
  `---\ntitle: Notes from FooConf 2019\n---\n## ${title}\n- Video: https://youtu.be/abcdefghijk\n\nWe ran gVisor.\n`;
const write = (name: string, text: string) => writeFileSync(join(root, 'posts', name), text);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'talkgraph-watch-'));
  mkdirSync(join(root, 'posts'));
  mkdirSync(join(root, 'tools'));
  writeFileSync(join(root, 'tools', 'gvisor.md'), '---\nname: gVisor\n---\n');
  write('a.md', post('Talk A'));
  serving = await serveLive({ root, catalogue: false, settleMs: 50 });
});

afterAll(async () => {
  await serving?.close();
  rmSync(root, { recursive: true, force: true });
});

async function query(text: string): Promise<Json> {
  const response = await serving.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  return ((await response.json()) as Json).data;
}

/** Subscribes over SSE; `next()` resolves to the payload of the next event. */
async function subscribe(text: string) {
  const response = await serving.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: text }),
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    async next(): Promise<Json> {
      for (;;) {
        const end = buffered.indexOf('\n\n');
        if (end !== -1) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (data !== '') return JSON.parse(data);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the subscription ended');
        buffered += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

const titles = async () =>
  ((await query('{ talks { edges { node { title } } } }')).talks.edges as Json[])
    .map((e) => e.node.title)
    .sort();

describe('serve --watch', () => {
  it('announces each change and answers from the new version: add, edit, break, fix, delete', async () => {
    expect(await query('{ graphVersion }')).toEqual({ graphVersion: 1 });
    expect(await titles()).toEqual(['Talk A']);
    const events = await subscribe(
      'subscription { graphChanged { version changedPaths diagnostics { code path severity } } }',
    );
    try {
      write('b.md', post('Talk B'));
      expect((await events.next()).data.graphChanged).toEqual({
        version: 2,
        changedPaths: ['posts/b.md'],
        diagnostics: [],
      });
      expect(await titles()).toEqual(['Talk A', 'Talk B']);

      write('b.md', post('Talk B, edited'));
      expect((await events.next()).data.graphChanged).toMatchObject({
        version: 3,
        changedPaths: ['posts/b.md'],
      });
      expect(await titles()).toEqual(['Talk A', 'Talk B, edited']);

      write('b.md', '---\ntitle: [unclosed\n---\n## Broken\n');
      expect((await events.next()).data.graphChanged).toEqual({
        version: 4,
        changedPaths: ['posts/b.md'],
        diagnostics: [{ code: 'FRONTMATTER_INVALID', path: 'posts/b.md', severity: 'ERROR' }],
      });
      expect(await titles()).toEqual(['Talk A', 'Talk B, edited']);

      write('b.md', post('Talk B, fixed'));
      expect((await events.next()).data.graphChanged).toMatchObject({ version: 5, diagnostics: [] });
      expect(await titles()).toEqual(['Talk A', 'Talk B, fixed']);

      unlinkSync(join(root, 'posts', 'b.md'));
      expect((await events.next()).data.graphChanged).toEqual({
        version: 6,
        changedPaths: ['posts/b.md'],
        diagnostics: [],
      });
      expect(await titles()).toEqual(['Talk A']);
      const gvisor = await query('{ tool(name: "gvisor") { talks { totalCount } } graphVersion }');
      expect(gvisor).toEqual({ tool: { talks: { totalCount: 1 } }, graphVersion: 6 });
    } finally {
      await events.cancel();
    }
  });
});
