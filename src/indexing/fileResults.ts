/**
 * @module indexing/fileResults
 * What indexing one post produced, kept between indexes so that a file whose
 * text and context did not change is not parsed or extracted again. This is
 * where the warm start (results kept on disk, `resultCache.ts`) and live
 * reload (results kept in memory between reindexes) meet: both hand the
 * indexer a `FileResults`.
 *
 * A result is valid for one `key`: the file's digest combined with the
 * digest of everything else extraction reads (registries, catalogue, the
 * year dates are judged against). The indexer computes the key; a store
 * only compares it.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import type { PostDraft } from '../extract/post.js';
import type { LoadedFile } from '../load/walk.js';

/**
 * Digest of what extraction reads besides the post itself: the registry
 * files (tools/, topics/, conferences/), the indexing settings that
 * extraction reads (`settings`: the catalogue switch, the root's folder
 * name, ...), and the year dates are judged against. The code and the catalogue do
 * not change within a process; the on-disk cache keys on them separately.
 */
export function contextDigest(files: readonly LoadedFile[], now: Date, settings: string): string {
  const hash = createHash('sha1');
  hash.update(`${settings}\u0000${now.getUTCFullYear()}`);
  for (const file of files) {
    if (file.role !== 'post') hash.update(`\u0000${file.path}\u0000${file.digest}`);
  }
  return hash.digest('hex');
}

/** The key a post's result is valid for. */
export function resultKey(fileDigest: string, context: string): string {
  return `${fileDigest}:${context}`;
}

export interface FileResult {
  /** Digest of the file's bytes and of the extraction context. */
  key: string;
  /** The extracted post; null when the file could not be indexed (its diagnostics say why). */
  draft: PostDraft | null;
  /** What extraction reported for this file. */
  diagnostics: Diagnostic[];
}

export interface FileResults {
  /** The result for `path` if it was made with the same key. */
  get(path: string, key: string): FileResult | undefined;
  set(path: string, result: FileResult): void;
  /** The result kept for `path`, whatever its key: what the graph built from these results holds. */
  peek(path: string): FileResult | undefined;
  /** Forgets the results of files that are gone; returns how many were dropped. */
  retain(paths: ReadonlySet<string>): number;
}

/** Results in a Map: the in-memory store, and the body of the on-disk one. */
export class MemoryFileResults implements FileResults {
  readonly entries: Map<string, FileResult>;
  /** Set whenever a result is added, replaced or dropped: the on-disk cache is rewritten only then. */
  changed = false;
  /** Results handed back since construction: how much work a warm start saved. */
  hits = 0;

  constructor(entries: Iterable<[string, FileResult]> = []) {
    this.entries = new Map(entries);
  }

  get(path: string, key: string): FileResult | undefined {
    const result = this.entries.get(path);
    if (result?.key !== key) return undefined;
    this.hits += 1;
    return result;
  }

  peek(path: string): FileResult | undefined {
    return this.entries.get(path);
  }

  set(path: string, result: FileResult): void {
    this.entries.set(path, result);
    this.changed = true;
  }

  retain(paths: ReadonlySet<string>): number {
    let dropped = 0;
    for (const path of this.entries.keys()) {
      if (!paths.has(path)) {
        this.entries.delete(path);
        dropped += 1;
      }
    }
    if (dropped > 0) this.changed = true;
    return dropped;
  }
}
