/**
 * Test-only helper: index markdown held in memory, without the disk. Paths
 * are relative to a notional content root; the top folder gives the role
 * (posts/ or a bare file name → post, conferences/, tools/, topics/ →
 * registries), as the loader does.
 */
import { createHash } from 'node:crypto';
import type { GraphData } from '../../src/graph/store.js';
import { type IndexOptions, indexFiles } from '../../src/indexing/indexer.js';
import { type LoadedFile, roleOf } from '../../src/load/walk.js';

/** The date against which front-matter dates are judged in tests. */
export const TEST_NOW = new Date('2026-11-25');

/** LoadedFile[] from `{ path: text }`; a key without a folder is put under posts/. */
export function loadedFiles(files: Record<string, string>): LoadedFile[] {
  return Object.entries(files).map(([key, text]) => {
    const path = key.includes('/') ? key : `posts/${key}`;
    return { path, role: roleOf(path), text, digest: createHash('sha1').update(text).digest('hex') };
  });
}

/** Index in-memory files with a fixed `now` and, unless asked, no built-in catalogue. */
export function indexPosts(
  files: Record<string, string>,
  options: Omit<IndexOptions, 'root'> = {},
): GraphData {
  return indexFiles(loadedFiles(files), { now: TEST_NOW, catalogue: false, ...options });
}
