/**
 * The search index kept beside a warm-start graph: a restart over the same
 * content restores it rather than building it, with the same answers; a
 * file that cannot be read is ignored with a notice, and none is written
 * where there is no graph to sit beside.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoveryOf } from '../../src/graph/discovery.js';
import { SearchIndex } from '../../src/graph/search.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { readSearch, searchFileOf, writeSearch } from '../../src/indexing/searchCache.js';

const now = new Date('2026-06-01T00:00:00Z');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkgraph-search-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the search index kept beside the warm-start graph', () => {
  it('is restored by the next start over the same content, with the same answers', async () => {
    const cacheDir = join(dir, 'cache');
    const cold = await indexContent({ root: 'content', cacheDir, now });
    const graphFile = cold.cache?.graphFile as string;
    const built = discoveryOf(cold.data).search;
    expect(
      await writeSearch(graphFile, built.packed() as NonNullable<ReturnType<SearchIndex['packed']>>),
    ).toBe(true);

    const warm = await indexContent({ root: 'content', cacheDir, now });
    expect(warm.cache?.wholeGraph).toBe(true);
    expect(warm.cache?.search).toBe(true);
    for (const query of ['gvisor', 'kubernetes', 'observability google']) {
      expect(discoveryOf(warm.data).search.search(query, { limit: 20 })).toEqual(
        built.search(query, { limit: 20 }),
      );
    }
  });

  it('reads back every array as written', async () => {
    const { data } = await indexContent({ root: 'content', now });
    const packed = SearchIndex.build(data).packed();
    const graphFile = join(dir, 'x.graph');
    writeFileSync(graphFile, 'a graph');
    await writeSearch(graphFile, packed as NonNullable<typeof packed>);
    const read = await readSearch(graphFile);
    expect(read.notice).toBeUndefined();
    expect(read.search).toEqual(packed);
  });

  it('is ignored with a notice when cut short, and is nothing to say when missing', async () => {
    const { data } = await indexContent({ root: 'content', now });
    const packed = SearchIndex.build(data).packed();
    const graphFile = join(dir, 'x.graph');
    writeFileSync(graphFile, 'a graph');
    expect(await readSearch(graphFile)).toEqual({});
    await writeSearch(graphFile, packed as NonNullable<typeof packed>);
    const bytes = readFileSync(searchFileOf(graphFile));
    writeFileSync(searchFileOf(graphFile), bytes.subarray(0, bytes.length - 3));
    const cut = await readSearch(graphFile);
    expect(cut.search).toBeUndefined();
    expect(cut.notice).toContain(searchFileOf(graphFile));
  });

  it('is not written where there is no graph file to sit beside', async () => {
    const { data } = await indexContent({ root: 'content', now });
    const packed = SearchIndex.build(data).packed();
    const graphFile = join(dir, 'absent.graph');
    expect(await writeSearch(graphFile, packed as NonNullable<typeof packed>)).toBe(false);
    expect(existsSync(searchFileOf(graphFile))).toBe(false);
  });

  it('goes with its graph when a graph of other inputs replaces it', async () => {
    const content = join(dir, 'content');
    cpSync('content', content, { recursive: true });
    const cacheDir = join(dir, 'cache');
    const first = await indexContent({ root: content, cacheDir, now });
    const graphFile = first.cache?.graphFile as string;
    const packed = discoveryOf(first.data).search.packed();
    await writeSearch(graphFile, packed as NonNullable<typeof packed>);
    expect(existsSync(searchFileOf(graphFile))).toBe(true);
    appendFileSync(join(content, 'posts', '2018-05-kubecon-europe.md'), '\nOne more line.\n');
    const second = await indexContent({ root: content, cacheDir, now });
    expect(second.cache?.graphFile).not.toBe(graphFile);
    expect(existsSync(graphFile)).toBe(false);
    expect(existsSync(searchFileOf(graphFile))).toBe(false);
  });
});
