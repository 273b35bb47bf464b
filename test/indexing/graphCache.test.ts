/**
 * The whole-graph cache of the warm start: a start over unchanged content
 * loads the graph built last time and answers exactly as a cold index; any
 * change to any input (a post edited, added, removed or renamed, a registry
 * file, the catalogue switch) misses it and still gives the cold answer; and
 * a damaged or foreign graph file is ignored with a notice.
 */
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeSnapshot } from '../../src/graph/snapshot.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { fileTree } from '../helpers/fileTree.js';
import { TEST_NOW } from '../helpers/indexText.js';

let dir: string;
let content: string;
let cacheDir: string;

function freshContent(): void {
  dir = mkdtempSync(join(tmpdir(), 'talkgraph-graph-cache-'));
  content = join(dir, 'content');
  cacheDir = join(dir, 'cache');
  cpSync('content', content, { recursive: true });
  cpSync('test/fixtures/corpus/posts', join(content, 'posts', 'more'), { recursive: true });
}

const warm = (catalogue = false) => indexContent({ root: content, cacheDir, now: TEST_NOW, catalogue });
const cold = (catalogue = false) => indexContent({ root: content, now: TEST_NOW, catalogue });

/** Markdown files under `folder` of the content root, relative to the root. */
function filesIn(folder: string): string[] {
  return readdirSync(join(content, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${folder}/${name}`)
    .sort();
}

describe('the whole-graph cache', () => {
  beforeEach(freshContent);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a start over unchanged content the cold graph, diagnostics included, without building it', async () => {
    const first = await warm();
    expect(first.cache?.wholeGraph).toBe(false);
    const second = await warm();
    expect(second.cache?.wholeGraph).toBe(true);
    expect(second.cache?.notices).toEqual([]);
    const fresh = await cold();
    expect(second.data).toEqual(fresh.data);
    expect(second.data.diagnostics.length).toBeGreaterThan(0);
    expect(second.data.diagnostics).toEqual(fresh.data.diagnostics);
  });

  it('settles once every post is read and again before the graph file is written, and not when it reads one', async () => {
    const seen: { graphFiles: string[] }[] = [];
    const graphFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.graph'));
    const settle = async () => {
      seen.push({ graphFiles: graphFiles() });
    };
    const first = await indexContent({
      root: content,
      cacheDir,
      now: TEST_NOW,
      catalogue: false,
      settle,
    });
    expect(seen).toEqual([{ graphFiles: [] }, { graphFiles: [] }]);
    expect(graphFiles()).toHaveLength(1);
    expect(first.cache?.saveError).toBeUndefined();
    const second = await indexContent({
      root: content,
      cacheDir,
      now: TEST_NOW,
      catalogue: false,
      settle,
    });
    expect(second.cache?.wholeGraph).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('keeps one graph file per content root', async () => {
    await warm();
    appendFileSync(join(content, 'posts', '2018-05-kubecon-europe.md'), '\nOne more line.\n');
    await warm();
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.graph'))).toHaveLength(1);
  });

  it('ignores a graph file cut short, says which, and builds from the per-file results', async () => {
    const first = await warm();
    const file = first.cache?.graphFile as string;
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const again = await warm();
    expect(again.cache?.wholeGraph).toBe(false);
    expect(again.cache?.reused).toBeGreaterThan(0);
    expect(again.cache?.notices).toEqual([expect.stringContaining(file)]);
    expect(again.data).toEqual((await cold()).data);
    expect((await warm()).cache?.wholeGraph).toBe(true);
  });

  it("ignores another version's graph file and one without the graph's lists", async () => {
    const first = await warm();
    const file = first.cache?.graphFile as string;
    writeFileSync(file, encodeSnapshot(first.data, content, '0.0.0-old').bytes);
    const older = await warm();
    expect(older.cache?.wholeGraph).toBe(false);
    expect(older.cache?.notices).toEqual([expect.stringContaining('0.0.0-old')]);

    const { links: _, ...partial } = first.data;
    writeFileSync(file, encodeSnapshot(partial as typeof first.data, content).bytes);
    const cut = await warm();
    expect(cut.cache?.wholeGraph).toBe(false);
    expect(cut.cache?.notices).toEqual([expect.stringContaining('no links')]);
    expect(cut.data).toEqual((await cold()).data);
  });
});

/** One change to the content. Changes can cancel out (a copy added, then that copy removed). */
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('registry' as const),
    folder: fc.constantFrom('tools', 'topics', 'conferences'),
    at: fc.nat(),
    add: fc.boolean(),
  }),
);
type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

function apply(change: Change, n: number): void {
  if (change.kind === 'registry') {
    if (change.add) {
      writeFileSync(join(content, change.folder, `added-${n}.md`), `---\nname: Added ${n}\n---\nAdded.\n`);
      return;
    }
    const files = filesIn(change.folder);
    appendFileSync(join(content, files[change.at % files.length] as string), `\nEdited ${n}.\n`);
    return;
  }
  const posts = filesIn('posts');
  const post = posts[change.at % posts.length] as string;
  const path = join(content, post);
  if (change.kind === 'edit')
    appendFileSync(path, `\n## An added talk ${n}\n\n- Video: https://youtu.be/abcdefghij${n % 10}\n`);
  else if (change.kind === 'add') writeFileSync(join(content, 'posts', `added-${n}.md`), readFileSync(path));
  else if (change.kind === 'rename') renameSync(path, join(content, 'posts', `renamed-${n}.md`));
  else if (posts.length > 1) rmSync(path);
  else appendFileSync(path, `\nThe last post, edited ${n}.\n`);
}

describe('the whole-graph cache after random changes', () => {
  it('is missed exactly when an input changed, and the graph equals a cold index', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { minLength: 0, maxLength: 3 }),
        fc.boolean(),
        async (changes, switchCatalogue) => {
          fc.pre(changes.length > 0 || switchCatalogue);
          freshContent();
          try {
            await warm();
            const before = fileTree(content);
            changes.forEach(apply);
            const catalogue = switchCatalogue;
            const unchanged = !catalogue && JSON.stringify(fileTree(content)) === JSON.stringify(before);
            const after = await warm(catalogue);
            const expected = await cold(catalogue);
            expect(after.cache?.wholeGraph).toBe(unchanged);
            expect(after.data).toEqual(expected.data);
            const again = await warm(catalogue);
            expect(again.cache?.wholeGraph).toBe(true);
            expect(again.data).toEqual(expected.data);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
