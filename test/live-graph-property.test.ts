/**
 * Property: after any sequence of posts added, edited and deleted (titles
 * that collide, links and tools shared between posts, labels, notes and
 * lines that move, front matter that breaks and heals), the live graph
 * serves exactly what a cold index of the same files builds: the same data
 * and the same answers from its store. Edits that stay within a post are
 * patched into the graph; the rest rebuild it; both paths are taken.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/graph/store.js';
import type { EntityKind } from '../src/graph/types.js';
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
  'https://example.org/notes',
];
const LABELS = [null, 'Slides', 'The write-up'];
const TOOLS = ['gVisor', 'Prometheus', 'Envoy', 'widget', 'Grafana'];
const NOTES = ['', 'It went well.', 'Later we added Prometheus and Grafana.', 'Envoy sat in front.'];
const CONFERENCES = ['FooConf 2019', 'BarCon 2021'];

const VIDEOS = ['abcdefghijk', 'bcdefghijkl', 'cdefghijklm'];
const talkArb = fc.record({
  title: fc.constantFrom(...TITLES),
  video: fc.constantFrom(...VIDEOS),
  link: fc.constantFrom(...LINKS),
  label: fc.constantFrom(...LABELS),
  tool: fc.constantFrom(...TOOLS),
  note: fc.constantFrom(...NOTES),
});
const postArb = fc.record({
  conference: fc.constantFrom(...CONFERENCES),
  broken: fc.boolean(),
  intro: fc.nat(2),
  talks: fc.array(talkArb, { minLength: 1, maxLength: 3 }),
});
type Post = typeof postArb extends fc.Arbitrary<infer T> ? T : never;
type Talk = Post['talks'][number];

function render(post: Post): string {
  const front = post.broken ? '---\ntitle: [unclosed\n' : `---\ntitle: Notes from ${post.conference}\n---\n`;
  const intro = 'Some words before the talks.\n\n'.repeat(post.intro);
  const talks = post.talks.map((t) => {
    const link = t.label === null ? `- Link: ${t.link}` : `- [${t.label}](${t.link})`;
    return `## ${t.title}\n\n- Video Link: https://www.youtube.com/watch?v=${t.video}\n${link}\n\nWe ran ${t.tool} for a year. ${t.note}\n`;
  });
  return `${front}\n${intro}${talks.join('\n')}`;
}

const NAMES = ['a', 'b', 'c', 'd', 'e'];
/** An edit of one talk of a post that exists: the kind of change that stays within the post. */
const editArb = fc.record({
  kind: fc.constant('edit' as const),
  name: fc.constantFrom(...NAMES),
  talk: fc.nat(2),
  intro: fc.option(fc.nat(2), { nil: undefined }),
  change: fc.record(
    {
      link: fc.constantFrom(...LINKS),
      label: fc.constantFrom(...LABELS),
      tool: fc.constantFrom(...TOOLS),
      note: fc.constantFrom(...NOTES),
      video: fc.constantFrom(...VIDEOS),
    },
    { requiredKeys: [] },
  ),
});
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), name: fc.constantFrom(...NAMES), post: postArb }),
  fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
  editArb,
  editArb,
  editArb,
);

/** What a store answers about every entity: lookups, relation lists and names. */
async function answers(store: GraphStore) {
  const kinds: EntityKind[] = ['conference', 'talk', 'tool', 'topic', 'speaker', 'link'];
  const keys = Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await store.list(k)])));
  const tools: string[] = keys.tool;
  const topics: string[] = keys.topic;
  return {
    keys,
    talks: await store.talks(keys.talk),
    links: await store.links(keys.link),
    conferences: await store.conferences(keys.conference),
    talksOfTools: await store.talksOfTools([...tools, 'nothing']),
    talksOfTopics: await store.talksOfTopics([...topics, 'nothing']),
    toolsOfTopics: await store.toolsOfTopics([...topics, 'nothing']),
    resolved: await Promise.all(
      kinds.flatMap((k) => (keys[k] as string[]).map((key) => store.resolve(k, key))),
    ),
    suggestions: await store.suggestions?.(),
  };
}

const paths = { patched: 0, rebuilt: 0 };

describe('the live graph after random changes', () => {
  it('equals a cold index of the same files after every refresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(postArb, { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (initial, batches) => {
          const root = mkdtempSync(join(tmpdir(), 'talkgraph-live-prop-'));
          const posts = new Map<string, Post>();
          const write = (name: string, post: Post) => {
            posts.set(name, post);
            writeFileSync(join(root, 'posts', `${name}.md`), render(post));
          };
          try {
            mkdirSync(join(root, 'posts'));
            mkdirSync(join(root, 'tools'));
            writeFileSync(
              join(root, 'tools', 'prometheus.md'),
              '---\nname: Prometheus\ntopics: [monitoring]\n---\n',
            );
            writeFileSync(
              join(root, 'tools', 'grafana.md'),
              '---\nname: Grafana\ntopics: [monitoring, dashboards]\n---\n',
            );
            writeFileSync(join(root, 'tools', 'envoy.md'), '---\nname: Envoy\ntopics: [networking]\n---\n');
            const first: Talk = {
              title: 'Scaling Envoy',
              video: 'abcdefghijk',
              link: LINKS[0] as string,
              label: null,
              tool: 'Envoy',
              note: '',
            };
            write('z', { conference: 'FooConf 2019', broken: false, intro: 0, talks: [first] });
            initial.forEach((post, i) => {
              write(NAMES[i] as string, { ...post, broken: false });
            });
            const live = new LiveGraph({ root, catalogue: false, now: TEST_NOW });
            await live.refresh();
            for (const batch of batches) {
              for (const op of batch) {
                const post = posts.get(op.name);
                if (op.kind === 'delete') {
                  rmSync(join(root, 'posts', `${op.name}.md`), { force: true });
                  posts.delete(op.name);
                } else if (op.kind === 'write') write(op.name, op.post);
                else if (post !== undefined) {
                  const talks = post.talks.slice();
                  const at = op.talk % talks.length;
                  talks[at] = { ...(talks[at] as Talk), ...op.change };
                  write(op.name, { ...post, intro: op.intro ?? post.intro, talks });
                }
              }
              const before = live.fullBuilds;
              const change = await live.refresh();
              if (change !== null) {
                if (live.fullBuilds === before) paths.patched += 1;
                else paths.rebuilt += 1;
              }
              const cold = await indexContent({ root, catalogue: false, now: TEST_NOW });
              const current = live.current;
              const served = current?.data;
              // A post that broke keeps its last good version in the live graph; a cold index has none to keep.
              const held = served?.posts
                .map((p) => p.path)
                .filter((p) => !cold.data.posts.some((c) => c.path === p));
              if ((held ?? []).length === 0) {
                expect(served).toEqual(cold.data);
                expect(await answers(current?.store as GraphStore)).toEqual(await answers(cold.store));
              } else
                expect(served?.posts.map((p) => p.path).sort()).toEqual(
                  [...cold.data.posts.map((p) => p.path), ...(held ?? [])].sort(),
                );
            }
          } finally {
            rmSync(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 30 },
    );
    // Both ways of making a version were checked: patching the changed posts, and indexing again.
    // How many of each is up to the random runs (some seeds patch only 4 times in 30 runs): at least once.
    expect(paths.patched).toBeGreaterThan(0);
    expect(paths.rebuilt).toBeGreaterThan(0);
  });
});
