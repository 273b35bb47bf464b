/**
 * Hostile and broken input costs its own file at most: never a crash, never
 * the rest of the graph. (Results are asserted; a regression to quadratic
 * work shows up as a test that no longer finishes.)
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../src/extract/links.js';
import { loadContent } from '../src/load/walk.js';
import { indexPosts } from './helpers/indexText.js';

const GOOD = '---\ntitle: Notes from FooConf 2019\n---\n## A talk\n- Video: https://youtu.be/abcdefghijk\n';

describe('hostile input', () => {
  it('reports a self-referencing YAML alias as invalid front matter and indexes the rest', () => {
    const data = indexPosts({ 'bomb.md': '---\na: &a [*a]\n---\nbody\n', 'good.md': GOOD });
    expect(data.diagnostics.find((d) => d.path === 'posts/bomb.md')).toMatchObject({
      code: 'FRONTMATTER_INVALID',
      severity: 'ERROR',
    });
    expect(data.talks.map((t) => t.title)).toEqual(['A talk']);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f'].entries()) {
      const prev = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const data = indexPosts({ 'laughs.md': `---\n${levels.join('\n')}\n---\n`, 'good.md': GOOD });
    expect(
      data.diagnostics.some((d) => d.path === 'posts/laughs.md' && d.code === 'FRONTMATTER_INVALID'),
    ).toBe(true);
    expect(data.talks).toHaveLength(1);
  });

  it('strips four thousand unbalanced closing brackets from a URL', () => {
    const result = normaliseUrl(`https://a.io/x${')'.repeat(4000)}`);
    expect(result).toMatchObject({ url: 'https://a.io/x' });
  });

  it('refuses an address longer than any browser takes', () => {
    expect(normaliseUrl(`https://a.io/${'x'.repeat(10_000)}`)).toHaveProperty('invalid');
  });

  it('reads thousands of HTML blocks, each followed by markdown, without losing the file', () => {
    const body = Array.from({ length: 4000 }, (_, i) => `<div>\nline ${i} https://example.com/${i}\n`).join(
      '\n',
    );
    const data = indexPosts({ 'html.md': `${GOOD}${body}` });
    expect(data.diagnostics.filter((d) => d.code === 'EXTRACTION_FAILED')).toEqual([]);
    expect(data.links.length).toBeGreaterThan(4000);
  });

  it('gives thousands of talks with one title distinct slugs', () => {
    const body = Array.from(
      { length: 3000 },
      () => '## Same title\n- Video: https://youtu.be/abcdefghijk\n',
    ).join('\n');
    const data = indexPosts({ 'many.md': `---\ntitle: Notes from FooConf 2019\n---\n${body}` });
    expect(new Set(data.talks.map((t) => t.slug)).size).toBe(3000);
  });
});

describe('links inside the content root', () => {
  it('reads a linked folder under its own path once, and never walks a loop', async () => {
    const root = mkdtempSync(join(tmpdir(), 'talkgraph-links-'));
    try {
      mkdirSync(join(root, 'posts'));
      mkdirSync(join(root, 'tools'));
      writeFileSync(join(root, 'tools', 'foo.md'), '---\nname: Foo\n---\n');
      writeFileSync(join(root, 'posts', 'a.md'), '# a\n');
      symlinkSync('../tools', join(root, 'posts', 't'));
      symlinkSync('..', join(root, 'posts', 'loop'));
      const { files } = await loadContent(root);
      expect(files.map((f) => [f.path, f.role])).toEqual([
        ['posts/a.md', 'post'],
        ['tools/foo.md', 'tool'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
