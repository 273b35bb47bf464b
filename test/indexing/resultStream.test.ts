/**
 * A one-off index writes its warm-start results as it makes them: the file
 * grows while the index runs, is put in place only when it ends, holds only
 * the files that are still there, and a folder that cannot be written costs
 * the next start its warmth, never this index its graph.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexContent } from '../../src/indexing/indexer.js';
import { openResultCache } from '../../src/indexing/resultCache.js';
import { openResultStream } from '../../src/indexing/resultStream.js';

const now = new Date('2026-06-01T00:00:00Z');
let dir: string;
let content: string;
let cacheDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkgraph-stream-'));
  content = join(dir, 'content');
  cacheDir = join(dir, 'cache');
  cpSync('content', content, { recursive: true });
  cpSync('test/fixtures/corpus/posts', join(content, 'posts', 'more'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const result = (i: number) => ({ key: `k${i}`, draft: null, diagnostics: [] });

describe('results written as they are made', () => {
  it('go to a temporary file while the index runs, and into place when it ends', async () => {
    const root = join(dir, 'many');
    const stream = await openResultStream(cacheDir, root, undefined);
    for (let i = 0; i < 600; i++) stream.results.set(`posts/${i}.md`, result(i));
    // Chunks of results reach the disk before the index ends, in a file no reader looks at. The
    // writes go through libuv's thread pool: on a busy machine they land after some turns, not at once.
    await vi.waitFor(
      () => {
        const partial = readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'));
        expect(partial).toHaveLength(1);
        expect(statSync(join(cacheDir, partial[0] as string)).size).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 5 },
    );
    expect(existsSync(stream.file)).toBe(false);
    await stream.finish();
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const read = await openResultCache(cacheDir, root, undefined);
    expect(read.notice).toBeUndefined();
    expect([...read.results.entries]).toEqual(
      Array.from({ length: 600 }, (_v, i) => [`posts/${i}.md`, result(i)]),
    );
  });

  it('hand each kept result out once and write it again; a result with another key is not handed out', async () => {
    const root = join(dir, 'kept');
    const first = await openResultStream(cacheDir, root, undefined);
    for (let i = 0; i < 3; i++) first.results.set(`posts/${i}.md`, result(i));
    await first.finish();
    const second = await openResultStream(cacheDir, root, undefined);
    expect(second.results.get('posts/0.md', 'k0')).toEqual(result(0));
    expect(second.results.get('posts/1.md', 'another key')).toBeUndefined();
    second.results.set('posts/1.md', { ...result(1), key: 'another key' });
    await second.finish();
    expect(second.results.hits).toBe(1);
    // posts/2.md was not visited: a file that is gone.
    const read = await openResultCache(cacheDir, root, undefined);
    expect([...read.results.entries]).toEqual([
      ['posts/0.md', result(0)],
      ['posts/1.md', { ...result(1), key: 'another key' }],
    ]);
  });

  it('keep no result of a deleted post, and the next start gives the graph of the posts that are left', async () => {
    const cold = await indexContent({ root: content, cacheDir, now });
    const before = (await openResultCache(cacheDir, join(content), undefined)).loaded;
    rmSync(join(content, 'posts', '2018-05-kubecon-europe.md'));
    const warm = await indexContent({ root: content, cacheDir, now });
    expect(warm.cache?.reused).toBe(before - 1);
    const after = await openResultCache(cacheDir, join(content), undefined);
    expect(after.loaded).toBe(before - 1);
    expect([...after.results.entries.keys()].some((path) => path.endsWith('2018-05-kubecon-europe.md'))).toBe(
      false,
    );
    const fresh = await indexContent({ root: content, now });
    expect(warm.data).toEqual(fresh.data);
    expect(warm.data.talks.length).toBeLessThan(cold.data.talks.length);
  });

  it('index in full when the cache folder cannot be written, and say why', async () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const indexed = await indexContent({ root: content, cacheDir: join(blocked, 'cache'), now });
    const fresh = await indexContent({ root: content, now });
    expect(indexed.data).toEqual(fresh.data);
    expect(indexed.cache?.saveError).toMatch(/ENOTDIR|not a directory/);
  });
});
