/**
 * Files named or written to find the prototype of a lookup table: a post
 * whose first line is `constructor` or `__proto__`, a folder named after
 * them. (Found by the fuzz test at 30,000 files: the front-matter table
 * answered `constructor` with Object's constructor and indexing threw.)
 */
import { describe, expect, it } from 'vitest';
import { roleOf } from '../src/load/walk.js';
import { indexPosts } from './helpers/indexText.js';

const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

describe('names of prototype members', () => {
  it('indexes a post whose first line is the name of a prototype member as a post without front matter', () => {
    const files = Object.fromEntries(
      PROTOTYPE_KEYS.map((key, i) => [
        `p${i}.md`,
        `${key}\n## Talk ${i}\n- Video: https://youtu.be/abcdefghijk\n`,
      ]),
    );
    const data = indexPosts(files);
    expect(data.talks.map((t) => t.title).sort()).toEqual(['Talk 0', 'Talk 1', 'Talk 2', 'Talk 3']);
    expect(data.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  });

  it('reads a folder named after a prototype member as posts', () => {
    for (const key of PROTOTYPE_KEYS) expect(roleOf(`${key}/a.md`), key).toBe('post');
    expect(roleOf('tools/a.md')).toBe('tool');
  });
});
