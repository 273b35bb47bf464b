/**
 * @module load/walk
 * Walks a content root and reads its markdown files, confined to the root:
 * a symbolic link that resolves outside it is refused with a diagnostic, and
 * nothing outside is ever read. Files come back in a stable order (by path)
 * with a digest for change detection.
 */
import { createHash } from 'node:crypto';
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
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

/** The role of a file from its top folder: conferences/, tools/, topics/ hold registries; anything else is a post. */
export function roleOf(path: string): FileRole {
  const top = path.split('/')[0] ?? '';
  return path.includes('/') ? (ROLES[top] ?? 'post') : 'post';
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

export async function loadContent(
  rootDir: string,
  options: LoadOptions = {},
): Promise<{ files: LoadedFile[]; diagnostics: Diagnostic[] }> {
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const root = await realpath(rootDir);
  const found: string[] = [];
  const diagnostics: Diagnostic[] = [];
  // Real paths already taken: a file reached twice (through a link) is read once, under its own path.
  const seen = new Set<string>([root]);
  // Links are followed after every real folder is walked, so `posts/t -> ../tools` cannot claim tools/.
  const links: { full: string; rel: string; name: string }[] = [];

  async function visit(full: string, rel: string, name: string, target: string): Promise<void> {
    if (seen.has(target)) return;
    let info: Stats;
    try {
      info = await stat(target);
    } catch (error) {
      diagnostics.push(
        diagnostic('FILE_UNREADABLE', rel, 0, `${rel} cannot be read: ${(error as Error).message}`),
      );
      return;
    }
    if (info.isDirectory()) {
      seen.add(target);
      await walk(full);
    } else if (info.isFile() && MARKDOWN.test(name)) {
      seen.add(target);
      found.push(rel);
    }
  }

  async function walk(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      // One unreadable folder costs its files, not the graph.
      const rel = relative(root, dir).split(sep).join('/') || '.';
      diagnostics.push(
        diagnostic('FILE_UNREADABLE', rel, 0, `folder ${rel} cannot be read: ${(error as Error).message}`),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isSymbolicLink()) links.push({ full, rel, name: entry.name });
      else await visit(full, rel, entry.name, await realpath(full).catch(() => full));
    }
  }

  await walk(root);
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
  for (const path of found) {
    const full = join(root, ...path.split('/'));
    try {
      // Checked again at read time: a link may have been changed since the walk.
      if (!isInside(root, await realpath(full))) {
        diagnostics.push(
          diagnostic('FILE_OUTSIDE_ROOT', path, 0, `${path} links outside the content root and was not read`),
        );
        continue;
      }
      const info = await lstat(full);
      const size = info.isSymbolicLink() ? (await stat(full)).size : info.size;
      if (size > maxSize) {
        diagnostics.push(
          diagnostic(
            'FILE_TOO_LARGE',
            path,
            0,
            `${path} is ${size} bytes, over the limit of ${maxSize}; not indexed`,
          ),
        );
        continue;
      }
      const buffer = await readFile(full);
      if (buffer.includes(0)) {
        diagnostics.push(
          diagnostic('FILE_UNREADABLE', path, 0, `${path} is not a text file (it contains NUL bytes)`),
        );
        continue;
      }
      const text = buffer.toString('utf8');
      const digest = createHash('sha1').update(buffer).digest('hex');
      files.push({ path, role: roleOf(path), text, digest });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(diagnostic('FILE_UNREADABLE', path, 0, `${path} cannot be read: ${reason}`));
    }
  }
  return { files, diagnostics };
}
