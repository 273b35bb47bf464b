/**
 * The live graph's warm start: `serve --content` over notes it indexed
 * before loads the graph it built then instead of building it, answers as a
 * cold index, and still patches the changes that follow (`serve --watch`).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexContent } from '../src/indexing/indexer.js';
import { LiveGraph } from '../src/indexing/liveGraph.js';
import { TEST_NOW } from './helpers/indexText.js';
import { liveNotes, onePost } from './helpers/liveNotes.js';

const notes = liveNotes('live-warm');
const { write } = notes;
const live = () =>
  new LiveGraph({ root: notes.root, catalogue: false, now: TEST_NOW, cacheDir: notes.cacheDir });
const cold = async () => (await indexContent({ root: notes.root, catalogue: false, now: TEST_NOW })).data;

describe('the live graph started over notes indexed before', () => {
  it('loads the graph built last time, answers as a cold index, and patches the next change', async () => {
    const first = live();
    await first.refresh();
    expect(first.fullBuilds).toBe(1);

    const second = live();
    await second.refresh();
    expect(second.fullBuilds).toBe(0);
    expect(second.current?.data).toEqual(await cold());

    write('posts/a.md', onePost('Talk A', 'We ran gVisor in production.'));
    await second.refresh();
    expect(second.fullBuilds).toBe(0);
    expect(second.current?.data).toEqual(await cold());
  });

  it('builds the graph when a file changed since, and keeps that one for the next start', async () => {
    await live().refresh();
    write('posts/c.md', onePost('Talk C'));
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
    const [graphFile] = readdirSync(notes.cacheDir).filter((name) => name.endsWith('.graph'));
    writeFileSync(join(notes.cacheDir, graphFile as string), 'damaged');
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
    write('posts/a.md', onePost('Talk A', 'We ran gVisor in production.'));
    await first.refresh();
    expect(first.fullBuilds).toBe(1);
    write('posts/a.md', onePost('Talk A'));

    const second = live();
    await second.refresh();
    expect(second.fullBuilds).toBe(0);
    expect(second.current?.data).toEqual(await cold());
    write('posts/a.md', onePost('Talk A', 'We ran gVisor twice.'));
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
    const restarted = await indexContent({
      root: notes.root,
      catalogue: false,
      now: TEST_NOW,
      cacheDir: notes.cacheDir,
    });
    expect(restarted.data).toEqual(coldData);
    const second = live();
    await second.refresh();
    expect(second.current?.data).toEqual(coldData);
  });
});
