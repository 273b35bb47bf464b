/**
 * Registry entries are the files right in conferences/, tools/ and topics/;
 * notes filed deeper (`conferences/2024/pycon-us.md`, as people file a
 * year's conference notes) are posts and their talks are read.
 */
import { describe, expect, it } from 'vitest';
import { roleOf } from '../../src/load/walk.js';
import { indexPosts } from '../helpers/indexText.js';

describe('notes filed inside a registry folder', () => {
  it('are posts when filed below its top level', () => {
    expect(roleOf('conferences/pycon-us-2024.md')).toBe('conference');
    expect(roleOf('tools/ruff.md')).toBe('tool');
    expect(roleOf('conferences/2024/pycon-us.md')).toBe('post');
    expect(roleOf('topics/python/typing.md')).toBe('post');
  });

  it('yield their talks', () => {
    const text = [
      '# PyCon US 2024 (Pittsburgh)',
      '',
      '- Greta Lindqvist: Design Pressure',
      '  - types push you toward better design',
      '- Omar Haddad: Ruff, uv and the future of Python tooling',
      '  - https://www.youtube.com/watch?v=zOY9mc4zRxk',
      '',
    ].join('\n');
    const data = indexPosts({ 'conferences/2024/pycon-us.md': text });
    expect(data.talks.map((t) => t.title)).toEqual([
      'Design Pressure',
      'Ruff, uv and the future of Python tooling',
    ]);
  });
});
