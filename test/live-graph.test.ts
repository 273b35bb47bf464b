/**
 * The live graph follows its files: a new version per change with the paths
 * that changed; only changed files are parsed again, and the result equals a
 * fresh index of the same files; a post that breaks keeps its last good
 * version and reports why; a deleted or renamed post leaves nothing behind.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexContent } from '../src/indexing/indexer.js';
import { LiveGraph } from '../src/indexing/liveGraph.js';
import { TEST_NOW } from './helpers/indexText.js';

let root: string;
const post = (title: string, tool = 'gVisor') =>
  `---\ntitle: Notes from FooConf 2019\n---\n## ${title}\n- Video: https://youtu.be/abcdefghijk\n\nWe ran ${tool}.\n`;
const write = (path: string, text: string) => writeFileSync(join(root, ...path.split('/')), text);
const titles = (live: LiveGraph) => live.current?.data.talks.map((t) => t.title).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'talkgraph-live-'));
  mkdirSync(join(root, 'posts'));
  mkdirSync(join(root, 'tools'));
  write('tools/gvisor.md', '---\nname: gVisor\n---\n');
  write('tools/prometheus.md', '---\nname: Prometheus\n---\n');
  write('posts/a.md', post('Talk A'));
  write('posts/b.md', post('Talk B', 'Prometheus'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the live graph', () => {
  it('makes a version per change, naming the paths, and equals a fresh index after each', async () => {
    const live = new LiveGraph({ root, catalogue: false, now: TEST_NOW });
    expect(await live.refresh()).toMatchObject({ version: 1 });
    expect(titles(live)).toEqual(['Talk A', 'Talk B']);
    expect(await live.refresh()).toBeNull();

    write('posts/c.md', post('Talk C'));
    write('posts/a.md', post('Talk A2', 'Prometheus'));
    expect(await live.refresh()).toMatchObject({ version: 2, changedPaths: ['posts/a.md', 'posts/c.md'] });
    const fresh = await indexContent({ root, catalogue: false, now: TEST_NOW });
    expect(live.current?.data).toEqual(fresh.data);

    rmSync(join(root, 'posts', 'b.md'));
    renameSync(join(root, 'posts', 'c.md'), join(root, 'posts', 'd.md'));
    expect(await live.refresh()).toMatchObject({
      version: 3,
      changedPaths: ['posts/b.md', 'posts/c.md', 'posts/d.md'],
    });
    const data = live.current?.data;
    expect(data?.posts.map((p) => p.path).sort()).toEqual(['posts/a.md', 'posts/d.md']);
    const mentioning = data?.talks.filter((t) => t.mentions.some((m) => m.toolSlug === 'prometheus'));
    expect(mentioning?.map((t) => t.title)).toEqual(['Talk A2']);
    expect(data?.links.flatMap((l) => l.talkSlugs).every((s) => data.talks.some((t) => t.slug === s))).toBe(
      true,
    );
    expect(data).toEqual((await indexContent({ root, catalogue: false, now: TEST_NOW })).data);
  });

  it('keeps the last good version of a post that breaks, with its diagnostic, until it is fixed', async () => {
    const live = new LiveGraph({ root, catalogue: false, now: TEST_NOW });
    await live.refresh();
    write('posts/a.md', '---\ntitle: [unclosed\n---\n## Broken\n');
    const broken = await live.refresh();
    expect(broken?.changedPaths).toEqual(['posts/a.md']);
    expect(broken?.diagnostics).toEqual([
      expect.objectContaining({ code: 'FRONTMATTER_INVALID', path: 'posts/a.md' }),
    ]);
    expect(titles(live)).toEqual(['Talk A', 'Talk B']);

    write('posts/a.md', post('Talk A fixed'));
    const fixed = await live.refresh();
    expect(fixed?.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(titles(live)).toEqual(['Talk A fixed', 'Talk B']);
  });

  it('folds refreshes asked for while one runs into one more', async () => {
    const live = new LiveGraph({ root, catalogue: false, now: TEST_NOW });
    await live.refresh();
    write('posts/c.md', post('Talk C'));
    const first = live.refresh();
    write('posts/d.md', post('Talk D'));
    const [a, b, c] = await Promise.all([first, live.refresh(), live.refresh()]);
    expect(a?.version).toBe(2);
    expect(b).toBe(c);
    expect(live.current?.version).toBeLessThanOrEqual(3);
    expect(titles(live)).toEqual(['Talk A', 'Talk B', 'Talk C', 'Talk D']);
  });
});
