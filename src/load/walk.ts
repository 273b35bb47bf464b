/**
 * @module load/walk
 * Walks a content root and reads its markdown files, confined to the root:
 * a symbolic link that resolves outside it is refused with a diagnostic, and
 * nothing outside is ever read. Files come back in a stable order (by path)
 * with a digest for change detection.
 *
 * A link can be swapped between a check and a read, so a file is opened
 * once and the opened file itself is checked (`readConfined`): it must be a
 * regular file, the same one the walk found inside the root (device and
 * inode), and where the OS says the descriptor points must be inside the
 * root. Bytes are read from that descriptor, never more than the size cap.
 * Diagnostics name files by their path in the root and say what went wrong
 * in words, never with the OS's message (it holds absolute paths).
 */

import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';

export type FileRole = 'post' | 'conference' | 'tool' | 'topic';

export interface LoadedFile {
  /** Path relative to the root, `/`-separated. */
  path: string;
  role: FileRole;
  text: string;
  digest: string;
}

export interface LoadOptions {
  /** Files larger than this are refused (bytes). */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
const MARKDOWN = /\.(md|markdown|mdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const ROLES: Record<string, FileRole> = { conferences: 'conference', tools: 'tool', topics: 'topic' };

/**
 * The role of a file from its top folder: files right in conferences/, tools/, topics/ are registry entries;
 * anything else is a post, notes filed deeper included (`conferences/2024/pycon-us.md` is a post).
 */
export function roleOf(path: string): FileRole {
  const parts = path.split('/');
  const top = parts[0] ?? '';
  // Own keys only: a folder named `constructor` or `__proto__` holds posts.
  return parts.length === 2 && Object.hasOwn(ROLES, top) ? (ROLES[top] as FileRole) : 'post';
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

const REASONS: Record<string, string> = {
  ENOENT: 'it no longer exists',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk could not read it',
};

/** Why a file-system call failed, in words and without the path the OS put in its message. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return REASONS[code] ?? `the system refused it (${code})`;
  return 'it could not be read';
}

/** The 1-based line of the first byte that is not UTF-8, or null when the text is all UTF-8. */
export function firstInvalidUtf8Line(buffer: Buffer, text: string): number | null {
  if (isUtf8(buffer)) return null;
  // Characters before the first U+FFFD decoded from valid bytes, so their byte length says where it is.
  let bytes = 0;
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
    bytes += Buffer.byteLength(text.slice(from, at));
    from = at + 1;
    const written = buffer[bytes] === 0xef && buffer[bytes + 1] === 0xbf && buffer[bytes + 2] === 0xbd;
    if (!written) return text.slice(0, at).split('\n').length;
    bytes += 3;
  }
  return 1;
}

/** Where an open descriptor points, when the OS says (Linux's /proc); null elsewhere. */
function descriptorPath(fd: number): string | null {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

export type ReadResult = { ok: true; buffer: Buffer } | { ok: false; diagnostic: Diagnostic };

/**
 * Opens `path` (relative to `root`) once and reads it through that one
 * descriptor, after checking the opened file: a regular file, the one the
 * walk saw when `expected` is given, inside the root, at most `maxSize` bytes.
 *
 * Synchronous: a file is a handful of system calls of a few microseconds
 * each, where each promise-based call costs a trip through the thread pool
 * (at 10,000 files that was seconds of CPU). `loadContent` yields between
 * slices of files, so a server's event loop still answers meanwhile.
 */
export function readConfinedSync(
  root: string,
  path: string,
  maxSize: number,
  expected?: { dev: number; ino: number },
  scratch: { buffer: Buffer } = { buffer: Buffer.alloc(0) },
): ReadResult {
  const refuse = (code: 'FILE_OUTSIDE_ROOT' | 'FILE_UNREADABLE' | 'FILE_TOO_LARGE', message: string) => ({
    ok: false as const,
    diagnostic: diagnostic(code, path, 0, message),
  });
  const outside = () =>
    refuse('FILE_OUTSIDE_ROOT', `${path} links outside the content root and was not read`);
  let fd: number;
  try {
    // Non-blocking: a FIFO swapped in must not hang the reader.
    fd = openSync(join(root, ...path.split('/')), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse('FILE_UNREADABLE', `${path} cannot be read: ${describeFsError(error)}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return refuse('FILE_UNREADABLE', `${path} is not a regular file and was not read`);
    if (expected && (info.dev !== expected.dev || info.ino !== expected.ino)) return outside();
    const where = descriptorPath(fd);
    if (where !== null && !isInside(root, where)) return outside();
    if (info.size > maxSize) {
      return refuse(
        'FILE_TOO_LARGE',
        `${path} is ${info.size} bytes, over the limit of ${maxSize}; not indexed`,
      );
    }
    // Read to the end, but never past one byte over the cap: a file that grew since `stat` is refused.
    // Into the caller's scratch buffer when it is large enough: a buffer per file would leave the
    // allocator holding the bytes of every file read until the next collection.
    const wanted = Math.min(maxSize + 1, info.size + 1);
    let buffer = scratch.buffer.length >= wanted ? scratch.buffer : Buffer.allocUnsafe(wanted);
    let length = 0;
    for (;;) {
      // What may be read into the buffer: never more than one byte over the cap.
      const room = Math.min(buffer.length, maxSize + 1);
      if (length === room) {
        if (length > maxSize) break;
        const grown = Buffer.allocUnsafe(Math.min(maxSize + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, length, Math.min(buffer.length, maxSize + 1) - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (buffer.length > scratch.buffer.length) scratch.buffer = buffer;
    if (length > maxSize) {
      return refuse('FILE_TOO_LARGE', `${path} grew over the limit of ${maxSize} bytes; not indexed`);
    }
    return { ok: true, buffer: buffer.subarray(0, length) };
  } catch (error) {
    return refuse('FILE_UNREADABLE', `${path} cannot be read: ${describeFsError(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** Longest stretch of reading between two yields to the event loop. */
const SLICE_MS = 10;

/** Resolves at once when the slice has time left, else on the next turn of the event loop. */
function slicer(): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceStart = performance.now();
        resolve();
      }),
    );
  };
}

export async function loadContent(
  rootDir: string,
  options: LoadOptions = {},
): Promise<{ files: LoadedFile[]; diagnostics: Diagnostic[] }> {
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const root = await realpath(rootDir);
  const pause = slicer();
  const found: string[] = [];
  const diagnostics: Diagnostic[] = [];
  // Real paths already taken: a file reached twice (through a link) is read once, under its own path.
  const seen = new Set<string>([root]);
  // The device and inode of each file the walk found inside the root: the file read must be that one.
  const identities = new Map<string, { dev: number; ino: number }>();
  // Links are followed after every real folder is walked, so `posts/t -> ../tools` cannot claim tools/.
  const links: { full: string; rel: string; name: string }[] = [];

  async function visit(full: string, rel: string, name: string, target: string): Promise<void> {
    if (seen.has(target)) return;
    let info: Stats;
    try {
      info = statSync(target);
    } catch (error) {
      diagnostics.push(
        diagnostic('FILE_UNREADABLE', rel, 0, `${rel} cannot be read: ${describeFsError(error)}`),
      );
      return;
    }
    if (info.isDirectory()) {
      seen.add(target);
      await walk(full, full === target);
    } else if (info.isFile() && MARKDOWN.test(name)) {
      seen.add(target);
      found.push(rel);
      identities.set(rel, { dev: info.dev, ino: info.ino });
    }
  }

  /** `real`: no link on the way to `dir`, so the real path of an entry that is not a link is its path. */
  async function walk(dir: string, real: boolean): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      // One unreadable folder costs its files, not the graph.
      const rel = relative(root, dir).split(sep).join('/') || '.';
      diagnostics.push(
        diagnostic('FILE_UNREADABLE', rel, 0, `folder ${rel} cannot be read: ${describeFsError(error)}`),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isSymbolicLink()) links.push({ full, rel, name: entry.name });
      else {
        let target = full;
        try {
          if (!real) target = realpathSync.native(full);
        } catch {
          // gone since the listing: the read reports it
        }
        await visit(full, rel, entry.name, target);
      }
      await pause();
    }
  }

  await walk(root, true);
  for (let k = 0; k < links.length; k++) {
    const { full, rel, name } = links[k] as (typeof links)[number];
    let target: string;
    try {
      target = await realpath(full);
    } catch {
      diagnostics.push(diagnostic('FILE_UNREADABLE', rel, 0, `${rel} is a broken symbolic link`));
      continue;
    }
    if (!isInside(root, target)) {
      diagnostics.push(
        diagnostic('FILE_OUTSIDE_ROOT', rel, 0, `${rel} links outside the content root and was not read`),
      );
      continue;
    }
    await visit(full, rel, name, target);
  }
  found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const files: LoadedFile[] = [];
  const scratch = { buffer: Buffer.allocUnsafe(64 * 1024) };
  for (const path of found) {
    await pause();
    // The bytes are read into `scratch` and used up before the next file is read.
    const read = readConfinedSync(root, path, maxSize, identities.get(path), scratch);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const { buffer } = read;
    if (buffer.includes(0)) {
      diagnostics.push(
        diagnostic('FILE_UNREADABLE', path, 0, `${path} is not a text file (it contains NUL bytes)`),
      );
      continue;
    }
    const text = buffer.toString('utf8');
    const badLine = firstInvalidUtf8Line(buffer, text);
    if (badLine !== null) {
      diagnostics.push(
        diagnostic(
          'FILE_ENCODING',
          path,
          badLine,
          `${path} is not valid UTF-8 at line ${badLine}; the bytes that are not were read as U+FFFD (�)`,
        ),
      );
    }
    const digest = createHash('sha1').update(buffer).digest('hex');
    files.push({ path, role: roleOf(path), text, digest });
  }
  return { files, diagnostics };
}
