/**
 * The live graph's warm start: `serve --content` over notes it indexed
 * before loads the graph it built then instead of building it, answers as a
 * cold index, and still patches the changes that follow (`serve --watch`).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexContent } from '../src/indexing/indexer.js';
import { LiveGraph } from '../src/indexing/liveGraph.js';
import { TEST_NOW } from './helpers/indexText.js';

let root: string;
let cacheDir: string;
const post = (title: string, note = 'We ran gVisor.') =>
  `---\ntitle: Notes from FooConf 2019\n---\n## ${title}\n- Video: https://youtu.be/abcdefghijk\n\n${note}\n`;
const write = (path: string, text: string) => writeFileSync(join(root, ...path.split('/')), text);
const live = () => new LiveGraph({ root, catalogue: false, now: TEST_NOW, cacheDir });
const cold = async () => (await indexContent({ root, catalogue: false, now: TEST_NOW })).data;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'talkgraph-live-warm-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'talkgraph-live-warm-cache-'));
  mkdirSync(join(root, 'posts'));
  write('posts/a.md', post('Talk A'));
  write('posts/b.md', post('Talk B'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the live graph started over notes indexed before', () => {
  it('loads the graph built last time, answers as a cold index, and patches the next change', async () => {
    const first = live();
    await first.refresh();
    expect(first.fullBuilds).toBe(1);

    const second = live();
    await second.refresh();
    expect(second.fullBuilds).toBe(0);
    expect(second.current?.data).toEqual(await cold());

    write('posts/a.md', post('Talk A', 'We ran gVisor in production.'));
    await second.refresh();
    expect(second.fullBuilds).toBe(0);
    expect(second.current?.data).toEqual(await cold());
  });

  it('builds the graph when a file changed since, and keeps that one for the next start', async () => {
    await live().refresh();
    write('posts/c.md', post('Talk C'));
    const second = live();
    await second.refresh();
    expect(second.fullBuilds).toBe(1);
    expect(second.current?.data).toEqual(await cold());
    const third = live();
    await third.refresh();
    expect(third.fullBuilds).toBe(0);
    expect(third.current?.data.talks.map((t) => t.title).sort()).toEqual(['Talk A', 'Talk B', 'Talk C']);
  });

  it('ignores a damaged graph file with a notice and builds the graph', async () => {
    await live().refresh();
    const [graphFile] = readdirSync(cacheDir).filter((name) => name.endsWith('.graph'));
    writeFileSync(join(cacheDir, graphFile as string), 'damaged');
    const second = live();
    await second.refresh();
    expect(second.notices).toEqual([expect.stringContaining(graphFile as string)]);
    expect(second.fullBuilds).toBe(1);
    expect(second.current?.data).toEqual(await cold());
  });

  it('indexes again on the first change when the saved results are of other text than the graph', async () => {
    const first = live();
    await first.refresh();
    // A patched version saves its results but not its graph: then a.md goes back to the text of the graph.
    write('posts/a.md', post('Talk A', 'We ran gVisor in production.'));
    await first.refresh();
    expect(first.fullBuilds).toBe(1);
    write('posts/a.md', post('Talk A'));

    const second = live();
    await second.refresh();
    expect(second.fullBuilds).toBe(0);
    expect(second.current?.data).toEqual(await cold());
    write('posts/a.md', post('Talk A', 'We ran gVisor twice.'));
    await second.refresh();
    expect(second.fullBuilds).toBe(1);
    expect(second.current?.data).toEqual(await cold());
  });

  it('saves a broken post as its text gives it, so a later start answers as a cold index', async () => {
    const first = live();
    await first.refresh();
    write('posts/a.md', '---\ntitle: [unclosed\n---\n## Talk A\n');
    await first.refresh();
    // The running server keeps the last good version of a.md...
    expect(first.current?.data.talks.map((t) => t.title).sort()).toEqual(['Talk A', 'Talk B']);

    // ...but a restart over the same files reads the saved results, and must not.
    const coldData = await cold();
    expect(coldData.talks.map((t) => t.title)).toEqual(['Talk B']);
    const restarted = await indexContent({ root, catalogue: false, now: TEST_NOW, cacheDir });
    expect(restarted.data).toEqual(coldData);
    const second = live();
    await second.refresh();
    expect(second.current?.data).toEqual(coldData);
  });
});
