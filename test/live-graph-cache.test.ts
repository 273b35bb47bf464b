/**
 * The live graph with an on-disk cache: each version is written back, and a
 * new live graph over the same notes starts from the saved results rather
 * than parsing every file again, while changed files are read afresh.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexContent } from '../src/indexing/indexer.js';
import { LiveGraph } from '../src/indexing/liveGraph.js';
import { openResultCache } from '../src/indexing/resultCache.js';
import { TEST_NOW } from './helpers/indexText.js';

let root: string;
let cacheDir: string;
const post = (title: string) =>
  `---\ntitle: Notes from FooConf 2019\n---\n## ${title}\n- Video: https://youtu.be/abcdefghijk\n\nWe ran gVisor.\n`;
const write = (path: string, text: string) => writeFileSync(join(root, ...path.split('/')), text);
const titles = (live: LiveGraph) => live.current?.data.talks.map((t) => t.title).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'talkgraph-live-cache-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'talkgraph-live-cache-dir-'));
  mkdirSync(join(root, 'posts'));
  write('posts/a.md', post('Talk A'));
  write('posts/b.md', post('Talk B'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the live graph with an on-disk cache', () => {
  it('writes each version back and starts the next process from it', async () => {
    const first = new LiveGraph({ root, catalogue: false, now: TEST_NOW, cacheDir });
    await first.refresh();
    write('posts/c.md', post('Talk C'));
    await first.refresh();
    expect((await openResultCache(cacheDir, resolve(root))).loaded).toBe(3);

    // Mark the saved result of a.md: a live graph that reads the cache serves the mark.
    const cache = await openResultCache(cacheDir, resolve(root));
    const saved = cache.results.entries.get('posts/a.md');
    const talk = saved?.draft?.talks[0];
    if (saved === undefined || talk === undefined) throw new Error('a.md was not cached');
    talk.title = 'Talk A, as cached';
    cache.results.changed = true;
    await cache.save();
    write('posts/b.md', post('Talk B2'));

    const second = new LiveGraph({ root, catalogue: false, now: TEST_NOW, cacheDir });
    await second.refresh();
    expect(titles(second)).toEqual(['Talk A, as cached', 'Talk B2', 'Talk C']);
  });

  it('equals a fresh index of the same files', async () => {
    const first = new LiveGraph({ root, catalogue: false, now: TEST_NOW, cacheDir });
    await first.refresh();
    write('posts/a.md', post('Talk A2'));
    const second = new LiveGraph({ root, catalogue: false, now: TEST_NOW, cacheDir });
    await second.refresh();
    const fresh = await indexContent({ root, catalogue: false, now: TEST_NOW });
    expect(second.current?.data).toEqual(fresh.data);
  });
});
