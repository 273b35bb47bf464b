/**
 * The loader reads only inside its content root even when links change while
 * it reads: the file it opens is checked, not the path it opened. Its
 * diagnostics name files by their path in the root, never by the absolute
 * path in the OS's message, and text that is not UTF-8 is reported with its
 * line. File-system calls are wrapped so a test can act between the walk and
 * the read, as a racing attacker would.
 */

import type * as fs from 'node:fs';
import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../src/load/walk.js';

/** Runs before the loader opens or reads a file by path (set by a test). */
const hooks: { beforeOpen?: (path: string) => void; failWith?: NodeJS.ErrnoException } = {};

/** Runs the hooks before a call that opens a markdown file by path. */
function beforeOpen(path: unknown): void {
  if (!String(path).endsWith('.md')) return;
  hooks.beforeOpen?.(String(path));
  if (hooks.failWith) throw hooks.failWith;
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  const wrap =
    <A extends unknown[], R>(fn: (path: string, ...rest: A) => Promise<R>) =>
    async (path: string, ...rest: A): Promise<R> => {
      beforeOpen(path);
      return fn(path, ...rest);
    };
  return {
    ...actual,
    open: wrap(actual.open as (path: string, ...rest: unknown[]) => Promise<fsPromises.FileHandle>),
    readFile: wrap(actual.readFile as (path: string, ...rest: unknown[]) => Promise<Buffer>),
  };
});

// The loader opens files with the synchronous call, a slice of files at a time.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const openSync: typeof actual.openSync = (path, ...rest) => {
    beforeOpen(path);
    return actual.openSync(path, ...rest);
  };
  return { ...actual, default: { ...actual, openSync }, openSync };
});

let base: string;
let root: string;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'talkgraph-race-')));
  root = join(base, 'root');
  mkdirSync(join(root, 'posts'), { recursive: true });
});

afterEach(() => {
  hooks.beforeOpen = undefined;
  hooks.failWith = undefined;
  rmSync(base, { recursive: true, force: true });
});

const SECRET = '---\ntitle: SECRET OUTSIDE\n---\n## SECRET OUTSIDE talk\n';

describe('reading inside the content root', () => {
  it('refuses a link swapped to a file outside the root between the walk and the read', async () => {
    writeFileSync(join(base, 'secret.md'), SECRET);
    // A link to a file the walk does not read by itself (not markdown), so it is read through the link.
    writeFileSync(join(root, 'posts', 'inside.txt'), '# inside\n');
    const link = join(root, 'posts', 'swapped.md');
    symlinkSync('inside.txt', link);
    let swapped = false;
    hooks.beforeOpen = (path) => {
      if (swapped || !path.endsWith('swapped.md')) return;
      swapped = true;
      unlinkSync(link);
      symlinkSync(join(base, 'secret.md'), link);
    };
    const { files, diagnostics } = await loadContent(root);
    expect(swapped).toBe(true);
    expect(files.map((f) => f.text).join('')).not.toContain('SECRET');
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'FILE_OUTSIDE_ROOT', path: 'posts/swapped.md' }),
    );
  });

  it('refuses a link swapped to a device, without reading from it', async () => {
    writeFileSync(join(root, 'posts', 'inside.md'), '# inside\n');
    writeFileSync(join(root, 'posts', 'inside.txt'), '# inside\n');
    const link = join(root, 'posts', 'zero.md');
    symlinkSync('inside.txt', link);
    hooks.beforeOpen = (path) => {
      if (!path.endsWith('zero.md')) return;
      hooks.beforeOpen = undefined;
      unlinkSync(link);
      symlinkSync('/dev/zero', link);
    };
    const { files, diagnostics } = await loadContent(root);
    expect(files.map((f) => f.path)).toEqual(['posts/inside.md']);
    expect(diagnostics.map((d) => d.path)).toEqual(['posts/zero.md']);
  });

  it('names an unreadable file by its path in the root and says why in words', async () => {
    writeFileSync(join(root, 'posts', 'noperm.md'), '# no\n');
    const failure = Object.assign(
      new Error(`EACCES: permission denied, open '${join(root, 'posts', 'noperm.md')}'`),
      {
        code: 'EACCES',
      },
    );
    hooks.failWith = failure;
    const { diagnostics } = await loadContent(root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'FILE_UNREADABLE', path: 'posts/noperm.md' });
    expect(diagnostics[0]?.message).toBe('posts/noperm.md cannot be read: permission denied');
    expect(JSON.stringify(diagnostics)).not.toContain(base);
  });

  it('reports bytes that are not UTF-8 with their line, and keeps the rest of the file', async () => {
    const text = Buffer.concat([
      Buffer.from('---\ntitle: Notes \uFFFD ok\n---\n## A talk\nline five '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' broken\n'),
    ]);
    writeFileSync(join(root, 'posts', 'latin.md'), text);
    writeFileSync(join(root, 'posts', 'fine.md'), '# caf\u00e9 \uFFFD\n');
    const { files, diagnostics } = await loadContent(root);
    expect(files.map((f) => f.path)).toEqual(['posts/fine.md', 'posts/latin.md']);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'FILE_ENCODING', path: 'posts/latin.md', line: 5 }),
    ]);
  });
});
