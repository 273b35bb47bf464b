/**
 * parseFrontMatter: the three front-matter formats, broken ones with their
 * file line and column, and the lines of keys.
 */
import { describe, expect, it } from 'vitest';
import { type FrontMatter, keyLine, parseFrontMatter } from '../../src/parse/frontmatter.js';
import { createSource } from '../../src/parse/source.js';

function frontMatter(text: string): FrontMatter {
  const result = parseFrontMatter(createSource('posts/p.md', text));
  if (!result.ok) throw new Error(`front matter failed: ${result.error.message}`);
  return result.value;
}

function frontMatterError(text: string) {
  const result = parseFrontMatter(createSource('posts/p.md', text));
  if (result.ok) throw new Error('front matter parsed but should not have');
  return result.error;
}

describe('parseFrontMatter', () => {
  it('reads TOML front matter between +++ lines', () => {
    const fm = frontMatter('+++\ntitle = "Notes"\ndate = 2019-05-02\ntags = ["go", "k8s"]\n+++\n\nBody\n');
    expect(fm.format).toBe('toml');
    expect(fm.data).toEqual({ title: 'Notes', date: '2019-05-02', tags: ['go', 'k8s'] });
    expect(fm.bodyLine).toBe(6);
    expect(fm.body).toBe('\nBody\n');
  });

  it('reads YAML front matter between --- lines, with dates as written', () => {
    const fm = frontMatter('---\ntitle: Notes\ndate: 2019-05-02\ndraft: true\n---\nBody');
    expect(fm.format).toBe('yaml');
    expect(fm.data).toEqual({ title: 'Notes', date: '2019-05-02', draft: true });
    expect(fm.bodyLine).toBe(6);
    expect(fm.body).toBe('Body');
  });

  it('reads JSON front matter, an object opening the file', () => {
    const fm = frontMatter('{\n  "title": "Notes",\n  "tags": ["a"]\n}\nBody\n');
    expect(fm.format).toBe('json');
    expect(fm.data).toEqual({ title: 'Notes', tags: ['a'] });
    expect(fm.bodyLine).toBe(5);
    expect(fm.body).toBe('Body\n');
  });

  it('reads a file without front matter as all body', () => {
    const fm = frontMatter('# Title\n\nText\n');
    expect(fm.format).toBe('none');
    expect(fm.data).toEqual({});
    expect(fm.bodyLine).toBe(1);
    expect(fm.body).toBe('# Title\n\nText\n');
  });

  it('reads front matter after a byte-order mark and with CRLF line endings', () => {
    expect(frontMatter('\uFEFF---\ntitle: bom\n---\n').data).toEqual({ title: 'bom' });
    const crlf = frontMatter('+++\r\ntitle = "crlf"\r\n+++\r\nBody');
    expect(crlf.data).toEqual({ title: 'crlf' });
    expect(crlf.bodyLine).toBe(4);
    expect(crlf.body).toBe('Body');
  });

  it('reports malformed TOML with its file line and column', () => {
    const error = frontMatterError('+++\ntitle = "x"\ndate = \n+++\n');
    expect(error).toMatchObject({ code: 'FRONTMATTER_INVALID', severity: 'ERROR', path: 'posts/p.md' });
    expect([error.line, error.column]).toEqual([3, 8]);
    expect(error.message).toMatch(/^TOML/);
  });

  it('reports malformed YAML with its file line and column', () => {
    const error = frontMatterError('---\ntitle: x\ntags:\n  - a\n - b\n---\n');
    expect(error).toMatchObject({ code: 'FRONTMATTER_INVALID', severity: 'ERROR' });
    expect([error.line, error.column]).toEqual([5, 2]);
    expect(error.message).toMatch(/^YAML/);
  });

  it('reports malformed JSON with its file line and column', () => {
    const missingComma = frontMatterError('{\n  "title": "x",\n  "date": 2019-01-01\n}\n');
    expect([missingComma.line, missingComma.column]).toEqual([3, 15]);
    expect(missingComma.message).toMatch(/^JSON/);
    const trailingComma = frontMatterError('{\n  "title": "x",\n}\n');
    expect([trailingComma.line, trailingComma.column]).toEqual([3, 1]);
  });

  it('reports front matter that is never closed, in each format', () => {
    for (const text of [
      '+++\ntitle = "x"\n\nBody\n',
      '---\ntitle: x\n\nBody\n',
      '{\n  "title": "x"\n\nBody\n',
    ]) {
      const error = frontMatterError(text);
      expect(error).toMatchObject({ code: 'FRONTMATTER_UNCLOSED', severity: 'ERROR', line: 1 });
    }
  });

  it('refuses front matter that is not a table of fields', () => {
    expect(frontMatterError('---\n- a\n- b\n---\n').code).toBe('FRONTMATTER_INVALID');
  });

  it('finds the file line of a key in each format, the first line when absent', () => {
    expect(keyLine(frontMatter('+++\ntitle = "x"\ndate = "3018-05-16"\n+++\n'), 'date')).toBe(3);
    expect(keyLine(frontMatter('---\ntitle: x\n\ndate: 2019-01-01\n---\n'), 'date')).toBe(4);
    expect(keyLine(frontMatter('{\n  "title": "x",\n  "date": "2019"\n}\n'), 'date')).toBe(3);
    expect(keyLine(frontMatter('---\ntitle: x\n---\n'), 'date')).toBe(1);
    // A key is matched whole: `dated` is not `date`.
    expect(keyLine(frontMatter('---\ndated: x\ndate: y\n---\n'), 'date')).toBe(3);
  });
});
