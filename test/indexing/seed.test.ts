/**
 * The seed: a cache folder written at build time for the bundled content and
 * only read afterwards. A start whose own cache folder is empty loads the
 * seed's graph when every input is as the seed was built from, and answers
 * as a cold index; any change to any input misses it and still gives the cold
 * answer; nothing is ever written into the seed.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexContent } from '../../src/indexing/indexer.js';
import { hashCatalogue, treeStamp } from '../../src/indexing/resultCache.js';
import { fileTree } from '../helpers/fileTree.js';
import { TEST_NOW } from '../helpers/indexText.js';

let dir: string;
let content: string;
let seedDir: string;
let cacheDir: string;

/** Content, the seed built from it, and an empty cache folder. */
async function seeded(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'talkgraph-seed-'));
  content = join(dir, 'content');
  seedDir = join(dir, 'seed');
  cacheDir = join(dir, 'cache');
  cpSync('content', content, { recursive: true });
  cpSync('test/fixtures/corpus/posts', join(content, 'posts', 'more'), { recursive: true });
  await indexContent({
    root: content,
    cacheDir: seedDir,
    seedDir: undefined,
    now: TEST_NOW,
    catalogue: false,
  });
}

const first = (catalogue = false) =>
  indexContent({ root: content, cacheDir, seedDir, now: TEST_NOW, catalogue });
const cold = (catalogue = false) => indexContent({ root: content, now: TEST_NOW, catalogue });

function postsOf(): string[] {
  return readdirSync(join(content, 'posts'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
}

describe('the seed', () => {
  beforeEach(seeded);
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a start with an empty cache folder the cold graph, without building it or writing anywhere', async () => {
    const seed = fileTree(seedDir);
    const start = await first();
    expect(start.cache?.wholeGraph).toBe(true);
    expect(start.cache?.notices).toEqual([]);
    expect(start.data).toEqual((await cold()).data);
    expect(fileTree(seedDir)).toEqual(seed);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });

  it('gives the posts that did not change their results when one did, and saves to the cache folder alone', async () => {
    const seed = fileTree(seedDir);
    appendFileSync(join(content, 'posts', '2018-05-kubecon-europe.md'), '\nOne more line.\n');
    const start = await first();
    expect(start.cache?.wholeGraph).toBe(false);
    expect(start.cache?.reused).toBe(postsOf().length - 1);
    expect(start.data).toEqual((await cold()).data);
    expect(fileTree(seedDir)).toEqual(seed);
    expect((await first()).cache?.wholeGraph).toBe(true);
    expect(readdirSync(cacheDir).some((name) => name.endsWith('.graph'))).toBe(true);
  });

  it('is hit again when a post is added and then removed', async () => {
    const copy = join(content, 'posts', 'added.md');
    writeFileSync(copy, readFileSync(join(content, 'posts', '2018-05-kubecon-europe.md')));
    expect((await first()).cache?.wholeGraph).toBe(false);
    rmSync(copy);
    rmSync(cacheDir, { recursive: true, force: true });
    expect((await first()).cache?.wholeGraph).toBe(true);
  });

  it('is ignored with a notice when its graph is damaged, and the answer is the cold one', async () => {
    const graph = readdirSync(seedDir).find((name) => name.endsWith('.graph')) as string;
    const bytes = readFileSync(join(seedDir, graph));
    writeFileSync(join(seedDir, graph), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const start = await first();
    expect(start.cache?.wholeGraph).toBe(false);
    expect(start.cache?.notices).toEqual([expect.stringContaining(join(seedDir, graph))]);
    expect(start.data).toEqual((await cold()).data);
  });

  it('is ignored with a notice when its results cannot be decoded, and the answer is the cold one', async () => {
    const results = readdirSync(seedDir).find((name) => name.endsWith('.msgpack')) as string;
    writeFileSync(join(seedDir, results), 'not msgpack');
    appendFileSync(join(content, 'posts', '2018-05-kubecon-europe.md'), '\nOne more line.\n');
    const start = await first();
    expect(start.cache?.reused).toBe(0);
    expect(start.cache?.notices).toEqual([expect.stringContaining(join(seedDir, results))]);
    expect(start.data).toEqual((await cold()).data);
  });
});

/** One change to the content after the seed was built. */
const changeArb = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('registry' as const),
    folder: fc.constantFrom('tools', 'topics', 'conferences'),
  }),
);
type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

function apply(change: Change, n: number): void {
  if (change.kind === 'registry') {
    writeFileSync(join(content, change.folder, `added-${n}.md`), `---\nname: Added ${n}\n---\nAdded.\n`);
    return;
  }
  const posts = postsOf();
  const path = join(content, 'posts', posts[change.at % posts.length] as string);
  if (change.kind === 'edit')
    appendFileSync(path, `\n## An added talk ${n}\n\n- Video: https://youtu.be/abcdefghij${n % 10}\n`);
  else if (change.kind === 'add') writeFileSync(join(content, 'posts', `added-${n}.md`), readFileSync(path));
  else rmSync(path);
}

describe('the seed after random changes', () => {
  // Changes can cancel out (a copy added, then that copy removed): the seed is
  // hit exactly when the content and the catalogue switch are as it was built.
  it('is hit exactly when the content and catalogue switch are unchanged, and the graph equals a cold index', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { minLength: 0, maxLength: 3 }),
        fc.boolean(),
        async (changes, catalogue) => {
          fc.pre(changes.length > 0 || catalogue);
          await seeded();
          try {
            const seed = fileTree(seedDir);
            const before = fileTree(content);
            changes.forEach(apply);
            const unchanged = !catalogue && JSON.stringify(fileTree(content)) === JSON.stringify(before);
            const start = await first(catalogue);
            expect(start.cache?.wholeGraph).toBe(unchanged);
            expect(start.data).toEqual((await cold(catalogue)).data);
            expect(fileTree(seedDir)).toEqual(seed);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe("the catalogue's stamp", () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'talkgraph-stamp-'));
    cpSync('catalogue', folder, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const url = () => new URL(`file://${folder}/`);

  it('stays the same while no file changes', () => {
    expect(treeStamp(url())).toBe(treeStamp(url()));
  });

  it('changes when a file is edited or added', () => {
    const before = treeStamp(url());
    const file = join(folder, 'conferences.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"', "'"));
    expect(treeStamp(url())).not.toBe(before);
    const edited = treeStamp(url());
    writeFileSync(join(folder, 'tools', 'more.json'), '[]');
    expect(treeStamp(url())).not.toBe(edited);
  });

  it.skipIf(!existsSync('dist/cli/build-digest.json'))(
    'is recorded by the build beside the digest a start computes',
    () => {
      const built = JSON.parse(readFileSync('dist/cli/build-digest.json', 'utf8')) as {
        catalogue: { digest: string };
      };
      expect(built.catalogue.digest).toBe(hashCatalogue());
    },
  );
});
