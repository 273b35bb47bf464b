/**
 * The loader: files outside the root, links, large and unreadable files. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { TEST_NOW } from '../helpers/indexText.js';

import { diagnostics, FIXTURE, indexQuirks } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('the loader', () => {
  let dir: string;
  let root: string;
  const SECRET = 'TOP-SECRET-NOTES-7f3a9c';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkgraph-quirks-'));
    root = join(dir, 'content');
    cpSync(FIXTURE, root, { recursive: true });
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(
      join(outside, 'secret.md'),
      `---\ntitle: "Notes from ${SECRET} Con 2019"\n---\n\n## ${SECRET} talk\n\n- Video Link: https://youtu.be/ZZZZZZZZZZZ\n- ${SECRET}: https://github.com/secret/${SECRET}\n`,
    );
    symlinkSync(join(outside, 'secret.md'), join(root, 'posts', 'leak.md'));
    symlinkSync(outside, join(root, 'posts', 'leak-dir'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a symbolic link pointing outside the content root, and indexes the rest', async () => {
    const { data: graph } = await indexContent({ root, catalogue: false, now: TEST_NOW });
    const refused = diagnostics('FILE_OUTSIDE_ROOT', undefined, graph);
    expect(refused.map((d) => [d.path, d.severity]).sort()).toEqual([
      ['posts/leak-dir', 'ERROR'],
      ['posts/leak.md', 'ERROR'],
    ]);
    expect(JSON.stringify(graph)).not.toContain(SECRET);
    expect(JSON.stringify(graph.talks)).not.toContain('ZZZZZZZZZZZ');
    expect(graph.posts.map((p) => p.path)).toEqual(data.posts.map((p) => p.path));
    expect(graph.talks.map((t) => t.slug)).toEqual(data.talks.map((t) => t.slug));
  });

  it('refuses a file over the size limit with FILE_TOO_LARGE, and indexes the rest', async () => {
    const sizes = readdirSync(join(root, 'posts'))
      .filter((f) => f.endsWith('.md') && !f.startsWith('leak'))
      .map((f) => statSync(join(root, 'posts', f)).size);
    const limit = Math.max(...sizes) + 1;
    const big = `---\ntitle: "Notes from Huge Con 2019"\n---\n\n## Huge\n\n- Video Link: https://youtu.be/YYYYYYYYYYY\n\n${'padding '.repeat(Math.ceil(limit / 8))}\n`;
    writeFileSync(join(root, 'posts', 'huge.md'), big);
    const { data: graph } = await indexContent({ root, catalogue: false, now: TEST_NOW, maxFileSize: limit });
    const refused = diagnostics('FILE_TOO_LARGE', undefined, graph);
    expect(refused.map((d) => [d.path, d.severity])).toEqual([['posts/huge.md', 'ERROR']]);
    expect(graph.talks.some((t) => t.youtubeId === 'YYYYYYYYYYY')).toBe(false);
    expect(graph.posts.some((p) => p.path === 'posts/huge.md')).toBe(false);
    expect(graph.talks.map((t) => t.slug)).toEqual(data.talks.map((t) => t.slug));
  });
});
