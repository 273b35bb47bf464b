/**
 * Property: after any sequence of posts added, edited and deleted (titles
 * that collide, links and tools shared between posts, front matter that
 * breaks and heals), the live graph, which reuses every unchanged post's
 * results, serves exactly what a cold index of the same files builds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexContent } from '../src/indexing/indexer.js';
import { LiveGraph } from '../src/indexing/liveGraph.js';
import { TEST_NOW } from './helpers/indexText.js';

const TITLES = [
  'Scaling Envoy',
  'Scaling Envoy',
  'gVisor in production',
  'Keynote: The Future',
  'Prometheus at scale',
];
const LINKS = [
  'https://github.com/acme/widget',
  'https://example.com/slides',
  'https://youtu.be/abcdefghijk',
];
const TOOLS = ['gVisor', 'Prometheus', 'Envoy', 'widget'];
const CONFERENCES = ['FooConf 2019', 'BarCon 2021'];

const VIDEOS = ['abcdefghijk', 'bcdefghijkl', 'cdefghijklm'];
const talkArb = fc.record({
  title: fc.constantFrom(...TITLES),
  video: fc.constantFrom(...VIDEOS),
  link: fc.constantFrom(...LINKS),
  tool: fc.constantFrom(...TOOLS),
});
const postArb = fc.record({
  conference: fc.constantFrom(...CONFERENCES),
  broken: fc.boolean(),
  talks: fc.array(talkArb, { minLength: 1, maxLength: 3 }),
});
type Post = typeof postArb extends fc.Arbitrary<infer T> ? T : never;

function render(post: Post): string {
  const front = post.broken ? '---\ntitle: [unclosed\n' : `---\ntitle: Notes from ${post.conference}\n---\n`;
  const talks = post.talks.map(
    (t) =>
      `## ${t.title}\n\n- Video Link: https://www.youtube.com/watch?v=${t.video}\n- Link: ${t.link}\n\nWe ran ${t.tool} for a year.\n`,
  );
  return `${front}\n${talks.join('\n')}`;
}

const NAMES = ['a', 'b', 'c', 'd', 'e'];
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), name: fc.constantFrom(...NAMES), post: postArb }),
  fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
);

describe('the live graph after random changes', () => {
  it('equals a cold index of the same files after every refresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        async (batches) => {
          const root = mkdtempSync(join(tmpdir(), 'talkgraph-live-prop-'));
          try {
            mkdirSync(join(root, 'posts'));
            writeFileSync(
              join(root, 'posts', 'z.md'),
              render({
                conference: 'FooConf 2019',
                broken: false,
                talks: [
                  { title: 'Scaling Envoy', video: 'abcdefghijk', link: LINKS[0] as string, tool: 'Envoy' },
                ],
              }),
            );
            const live = new LiveGraph({ root, catalogue: false, now: TEST_NOW });
            await live.refresh();
            for (const batch of batches) {
              for (const op of batch) {
                const file = join(root, 'posts', `${op.name}.md`);
                if (op.kind === 'delete') rmSync(file, { force: true });
                else writeFileSync(file, render(op.post));
              }
              await live.refresh();
              const cold = await indexContent({ root, catalogue: false, now: TEST_NOW });
              const served = live.current?.data;
              // A post that broke keeps its last good version in the live graph; a cold index has none to keep.
              const held = served?.posts
                .map((p) => p.path)
                .filter((p) => !cold.data.posts.some((c) => c.path === p));
              if ((held ?? []).length === 0) expect(served).toEqual(cold.data);
              else
                expect(served?.posts.map((p) => p.path).sort()).toEqual(
                  [...cold.data.posts.map((p) => p.path), ...(held ?? [])].sort(),
                );
            }
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
