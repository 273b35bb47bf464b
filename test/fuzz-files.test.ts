/**
 * Thousands of generated files on disk, mostly broken in some way (binary
 * bytes, invalid UTF-8, front matter of every format and type, deep lists,
 * long lines, links everywhere), loaded and indexed together: nothing
 * throws, no file fails for a bug of ours, every file is either indexed or
 * reported, and every diagnostic names a file of the root by its relative
 * path with a line inside it. Sized for a few seconds on two cores; set
 * FUZZ_FILES=30000 for the full run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { indexFiles } from '../src/indexing/indexer.js';
import { loadContent } from '../src/load/walk.js';
import { TEST_NOW } from './helpers/indexText.js';

const FILES = Number(process.env.FUZZ_FILES ?? 800);

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '## Talk title - Jane Doe',
    '- Video: https://youtu.be/abcdefghijk',
    '<!-- a\ncomment -->',
    '`code\nspan`',
    '{{< youtube abcdefghijk >}}',
    '<iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>',
    '| a | b |\n| - | - |\n| c | https://example.com |',
    '```\nfence',
    '[link](https://github.com/google/gvisor)',
    `${'- '.repeat(60)}deep`,
    'x'.repeat(5000),
  ),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '+++\ntitle = "Notes"\nspeakers = 5\n+++\n',
    '---\ntitle: [a, b]\ndraft: maybe\n---\n',
    '---\ntitle: x\n',
    '{ "title": 1 }\n',
    '---\na: &a [*a]\n---\n',
    '+++\ndate = 2019-05-02\n+++\n',
  ),
);

const fileBytes = fc.oneof(
  {
    arbitrary: fc
      .tuple(frontMatter, fc.array(piece, { maxLength: 12 }))
      .map(([fm, parts]) => Buffer.from(`${fm}${parts.join('\n')}`)),
    weight: 8,
  },
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 30 }), fc.uint8Array({ minLength: 1, maxLength: 4 }))
      .map(([text, bytes]) =>
        Buffer.concat([Buffer.from(`# ${text}\n`), Buffer.from(bytes.map((b) => b | 0x80))]),
      ),
    weight: 1,
  },
);

const root = mkdtempSync(join(tmpdir(), 'talkgraph-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('many generated files', () => {
  it(`loads and indexes ${FILES} files, each indexed or reported`, async () => {
    const contents = fc.sample(fileBytes, { numRuns: FILES, seed: 20261201 });
    mkdirSync(join(root, 'posts', 'a'), { recursive: true });
    mkdirSync(join(root, 'tools'), { recursive: true });
    writeFileSync(join(root, 'tools', 'gvisor.md'), '---\nname: gVisor\n---\n');
    const lineCounts = new Map<string, number>();
    contents.forEach((bytes, i) => {
      const path = `posts/${i % 2 === 0 ? 'a/' : ''}f${i}.md`;
      writeFileSync(join(root, ...path.split('/')), bytes);
      lineCounts.set(path, bytes.toString('utf8').split(/\r\n|\r|\n/).length);
    });

    const loaded = await loadContent(root);
    const data = indexFiles(loaded.files, { now: TEST_NOW, catalogue: false });
    const diagnostics = [...loaded.diagnostics, ...data.diagnostics];

    expect(diagnostics.filter((d) => d.code === 'EXTRACTION_FAILED')).toEqual([]);
    const readPaths = new Set(loaded.files.map((f) => f.path));
    for (const path of lineCounts.keys()) {
      const reported = loaded.diagnostics.some((d) => d.path === path);
      expect(readPaths.has(path) || reported, path).toBe(true);
    }
    for (const d of diagnostics) {
      expect(d.path.startsWith('/') || d.message.includes(root), d.message).toBe(false);
      const lines = lineCounts.get(d.path);
      if (lines !== undefined) expect(d.line, `${d.path}: ${d.message}`).toBeLessThanOrEqual(lines);
    }
    expect(diagnostics.some((d) => d.code === 'FILE_ENCODING')).toBe(true);
    expect(diagnostics.some((d) => d.code === 'FRONTMATTER_TYPE')).toBe(true);
  });
});
