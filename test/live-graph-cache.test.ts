import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexContent } from '../src/indexing/indexer.js';
import { LiveGraph } from '../src/indexing/liveGraph.js';
import { openResultCache } from '../src/indexing/resultCache.js';
import { TEST_NOW } from './helpers/indexText.js';
import { liveNotes, onePost } from './helpers/liveNotes.js';

const notes = liveNotes('live-cache');
const { write } = notes;
const titles = (live: LiveGraph) => live.current?.data.talks.map((t) => t.title).sort();

describe('the live graph with an on-disk cache', () => {
  it('writes each version back and starts the next process from it', async () => {
    const first = new LiveGraph({
      root: notes.root,
      catalogue: false,
      now: TEST_NOW,
      cacheDir: notes.cacheDir,
    });
    await first.refresh();
    write('posts/c.md', onePost('Talk C'));
    await first.refresh();
    expect((await openResultCache(notes.cacheDir, resolve(notes.root))).loaded).toBe(3);

    // Mark the saved result of a.md: a live graph that reads the cache serves the mark.
    const cache = await openResultCache(notes.cacheDir, resolve(notes.root));
    const saved = cache.results.entries.get('posts/a.md');
    const talk = saved?.draft?.talks[0];
    if (saved === undefined || talk === undefined) throw new Error('a.md was not cached');
    talk.title = 'Talk A, as cached';
    cache.results.changed = true;
    await cache.save();
    write('posts/b.md', onePost('Talk B2'));

    const second = new LiveGraph({
      root: notes.root,
      catalogue: false,
      now: TEST_NOW,
      cacheDir: notes.cacheDir,
    });
    await second.refresh();
    expect(titles(second)).toEqual(['Talk A, as cached', 'Talk B2', 'Talk C']);
  });

  it('equals a fresh index of the same files', async () => {
    const first = new LiveGraph({
      root: notes.root,
      catalogue: false,
      now: TEST_NOW,
      cacheDir: notes.cacheDir,
    });
    await first.refresh();
    write('posts/a.md', onePost('Talk A2'));
    const second = new LiveGraph({
      root: notes.root,
      catalogue: false,
      now: TEST_NOW,
      cacheDir: notes.cacheDir,
    });
    await second.refresh();
    const fresh = await indexContent({ root: notes.root, catalogue: false, now: TEST_NOW });
    expect(second.current?.data).toEqual(fresh.data);
  });
});
