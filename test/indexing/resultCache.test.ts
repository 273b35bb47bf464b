/**
 * The warm start: per-file results cached on disk give the same graph as a
 * cold index, and only files whose digest or context changed are extracted
 * again.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryFileResults } from '../../src/indexing/fileResults.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { openResultCache } from '../../src/indexing/resultCache.js';

const now = new Date('2026-06-01T00:00:00Z');
let dir: string;
let content: string;
let cacheDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkgraph-cache-'));
  content = join(dir, 'content');
  cacheDir = join(dir, 'cache');
  cpSync('content', content, { recursive: true });
  cpSync('test/fixtures/corpus/posts', join(content, 'posts', 'more'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const index = () => indexContent({ root: content, cacheDir, now });

describe('the on-disk result cache', () => {
  it('gives a warm index the same graph as the cold one, extracting nothing again', async () => {
    const cold = await index();
    const posts = cold.data.posts.length;
    expect(cold.cache?.reused).toBe(0);
    const warm = await index();
    expect(warm.cache?.reused).toBeGreaterThanOrEqual(posts);
    expect(warm.data).toEqual(cold.data);
    const fresh = await indexContent({ root: content, now });
    expect(warm.data).toEqual(fresh.data);
  });

  it('extracts a changed post again and reuses the others', async () => {
    await index();
    const unchanged = await index();
    const postFiles = unchanged.cache?.reused ?? 0;
    await appendFile(
      join(content, 'posts', '2018-05-kubecon-europe.md'),
      '\n## A talk added later\n\n- Video Link: https://www.youtube.com/watch?v=abcdefghijk\n',
    );
    const warm = await index();
    expect(warm.cache?.reused).toBe(postFiles - 1);
    expect(warm.data.talks.map((t) => t.title)).toContain('A talk added later');
    expect(warm.data.talks).toHaveLength(unchanged.data.talks.length + 1);
  });

  it('extracts every post again when a registry file changes', async () => {
    await index();
    writeFileSync(join(content, 'tools', 'widgetron.md'), '---\nname: Widgetron\n---\nA tool.\n');
    const warm = await index();
    expect(warm.cache?.reused).toBe(0);
    expect(warm.data.tools.map((t) => t.slug)).toContain('widgetron');
  });

  it('ignores cache files it cannot read, says so, and writes good ones', async () => {
    const cold = await index();
    const files = [cold.cache?.file as string, cold.cache?.graphFile as string];
    for (const file of files) writeFileSync(file, 'not a cache');
    const again = await index();
    expect(again.cache?.reused).toBe(0);
    expect(again.data).toEqual(cold.data);
    expect(again.cache?.notices).toHaveLength(2);
    for (const file of files) expect(again.cache?.notices).toContainEqual(expect.stringContaining(file));
    const third = await index();
    expect(third.cache?.wholeGraph).toBe(true);
    expect(third.cache?.notices).toEqual([]);
  });

  it('writes results a few hundred at a time and reads them all back; a file cut short is ignored with a notice', async () => {
    const root = join(dir, 'many');
    const first = await openResultCache(cacheDir, root, undefined);
    const written = Array.from({ length: 700 }, (_v, i) => [
      `posts/${i}.md`,
      { key: `k${i}`, draft: null, diagnostics: [] },
    ]) as [string, { key: string; draft: null; diagnostics: [] }][];
    for (const [path, result] of written) first.results.set(path, result);
    expect(await first.save()).toBe(true);
    const again = await openResultCache(cacheDir, root, undefined);
    expect(again.notice).toBeUndefined();
    expect([...again.results.entries]).toEqual(written);
    const bytes = readFileSync(first.file);
    writeFileSync(first.file, bytes.subarray(0, bytes.length - 1));
    const cut = await openResultCache(cacheDir, root, undefined);
    expect(cut.loaded).toBe(0);
    expect(cut.notice).toContain(first.file);
    // Cut where a frame ends: whole frames are left, but no tail says how many results there were.
    const head = 4 + bytes.readUInt32BE(0);
    const chunk = 4 + bytes.readUInt32BE(head);
    writeFileSync(first.file, bytes.subarray(0, head + chunk));
    const short = await openResultCache(cacheDir, root, undefined);
    expect(short.loaded).toBe(0);
    expect(short.notice).toContain('cut short');
  });

  it('drops the results of deleted posts', async () => {
    const results = new MemoryFileResults([
      ['posts/a.md', { key: 'k1', draft: null, diagnostics: [] }],
      ['posts/b.md', { key: 'k2', draft: null, diagnostics: [] }],
    ]);
    expect(results.retain(new Set(['posts/b.md']))).toBe(1);
    expect(results.get('posts/a.md', 'k1')).toBeUndefined();
    expect(results.get('posts/b.md', 'k2')).toBeDefined();
    expect(results.get('posts/b.md', 'another key')).toBeUndefined();
  });
});
