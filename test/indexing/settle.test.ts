/**
 * The pause `indexFilesAsync` makes for a server to settle its heap: once
 * every post is read and before the graph is put together, exactly once, and
 * the graph is the one indexed without it.
 */
import { describe, expect, it } from 'vitest';
import { MemoryFileResults } from '../../src/indexing/fileResults.js';
import { indexFiles, indexFilesAsync } from '../../src/indexing/indexer.js';
import { loadContent } from '../../src/load/walk.js';
import { TEST_NOW } from '../helpers/indexText.js';

describe('indexFilesAsync settle', () => {
  it('is called once, after the last post is read, and the graph is the same as without it', async () => {
    const { files } = await loadContent('test/fixtures/corpus');
    const posts = files.filter((f) => f.role === 'post').length;
    expect(posts).toBeGreaterThan(1);
    // A result of a file that is gone: dropped as the graph is put together, so still held before.
    const gone = { key: 'gone', draft: null, diagnostics: [] };
    const results = new MemoryFileResults([['posts/gone.md', gone]]);
    const readWhenSettled: number[] = [];
    const data = await indexFilesAsync(files, {
      now: TEST_NOW,
      catalogue: false,
      results,
      settle: async () => readWhenSettled.push(results.entries.size),
    });
    expect(readWhenSettled).toEqual([posts + 1]);
    expect(results.entries.has('posts/gone.md')).toBe(false);
    expect(data).toEqual(indexFiles(files, { now: TEST_NOW, catalogue: false }));
  });
});
