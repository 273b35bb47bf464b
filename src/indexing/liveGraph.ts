/**
 * @module indexing/liveGraph
 * The served graph while its notes change. Each refresh walks the content
 * root again (cheap: reading and hashing) and re-parses only the files whose
 * digest changed (per-file results kept in memory, `fileResults.ts`). A
 * changed post already in the graph is patched into it (`incremental.ts`):
 * its old talks, links and lookups out, the new ones in, in time that grows
 * with the post, not the graph. Anything else (a new, deleted or broken
 * post, a registry file, a change that moves what other posts share) builds
 * the graph and its indexes again from all results. Either way the new
 * immutable version is swapped in with one assignment: a request holds the
 * version it started with, so it sees one consistent graph.
 *
 * With `cacheDir`, a start over the files of the last fully built graph
 * loads that graph (`graphCache.ts`) and reads the per-file results on an
 * idle turn after, for patching; otherwise the results are the on-disk
 * cache's (`resultCache.ts`), so only changed files are parsed. The results
 * are written back after each version, the graph after each full build.
 *
 * A post whose new text cannot be indexed (its front matter is broken, say)
 * keeps its last good version in the graph, and its diagnostic is reported.
 * A deleted or renamed file is gone from the next version: the graph is
 * built from the files present, so nothing dangles. Refreshes never overlap:
 * changes arriving during one are taken by the next.
 */

import { basename, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { PostDraft } from '../extract/post.js';
import { type GraphData, MemoryStore } from '../graph/store.js';
import { type LoadedFile, loadContent } from '../load/walk.js';
import { type FileResult, type FileResults, MemoryFileResults, resultKey } from './fileResults.js';
import { graphInputsKey, openGraphCache } from './graphCache.js';
import { IncrementalIndex, type Version } from './incremental.js';
import { type IndexOptions, indexFilesAsync, resultContext } from './indexer.js';
import { openResultCache, type ResultCache } from './resultCache.js';

export interface GraphVersion {
  /** 1 for the first index, then one more per change. */
  version: number;
  data: GraphData;
  store: MemoryStore;
}

export interface GraphChange {
  version: number;
  /** Files added, changed or removed since the previous version (relative to the root). */
  changedPaths: string[];
  /** The diagnostics of those files in the new version. */
  diagnostics: Diagnostic[];
}

/** More changed files than this are indexed again in full: one pass is then cheaper than many patches. */
const MAX_PATCHED = 50;

/** Codes that mean a post's new text could not be indexed at all. */
const UNINDEXABLE = new Set(['FRONTMATTER_INVALID', 'FRONTMATTER_UNCLOSED', 'EXTRACTION_FAILED']);

/**
 * Per-file results that keep a post's last good draft when its new text
 * cannot be indexed: passes over the same files read the failed result with
 * the old draft (and the new diagnostics). What is stored underneath, and
 * saved to the on-disk cache, is the failed result as its text gives it: a
 * later start over the same files must answer as a cold index would.
 */
class LastGoodResults implements FileResults {
  private readonly lastGood = new Map<string, PostDraft>();
  /** Paths given their last good draft since `take()` was last called. */
  private kept: string[] = [];
  /** Paths whose result holds a last good draft rather than what their text gives. */
  readonly held = new Set<string>();

  constructor(private readonly inner: FileResults) {}

  get(path: string, key: string): FileResult | undefined {
    return this.withLastGood(path, this.inner.get(path, key));
  }

  peek(path: string): FileResult | undefined {
    return this.withLastGood(path, this.inner.peek(path));
  }

  set(path: string, result: FileResult): void {
    this.held.delete(path);
    this.inner.set(path, result);
    if (result.draft !== null) {
      this.lastGood.set(path, result.draft);
      return;
    }
    if (this.lastGood.has(path) && result.diagnostics.some((d) => UNINDEXABLE.has(d.code))) {
      this.kept.push(path);
      this.held.add(path);
    }
  }

  private withLastGood(path: string, result: FileResult | undefined): FileResult | undefined {
    if (result === undefined || !this.held.has(path)) return result;
    const good = this.lastGood.get(path);
    return good === undefined ? result : { ...result, draft: good };
  }

  retain(paths: ReadonlySet<string>): number {
    for (const path of this.lastGood.keys()) if (!paths.has(path)) this.lastGood.delete(path);
    for (const path of this.held) if (!paths.has(path)) this.held.delete(path);
    return this.inner.retain(paths);
  }

  /** The paths that fell back to their last good draft during the last pass. */
  take(): string[] {
    const kept = this.kept;
    this.kept = [];
    return kept;
  }
}

export class LiveGraph {
  private currentVersion: GraphVersion | null = null;
  /** Per-file results: in memory, or read from and written back to the on-disk cache (`cacheDir`). */
  private results: LastGoodResults | null = null;
  private cache: ResultCache | null = null;
  private opening: Promise<LastGoodResults> | null = null;
  /** After a start from the graph cache: reads the per-file results and prepares patching. */
  private warming: Promise<void> | null = null;
  /** Cache files that were there but could not be read, and were ignored: for the operator's log. */
  readonly notices: string[] = [];
  /** Digest of every file of the current version, by path. */
  private digests = new Map<string, string>();
  /** Patches the graph one changed post at a time; made after each full index. */
  private incremental: IncrementalIndex | null = null;
  /** How many times the whole graph was indexed, and why the last change could not be patched. */
  fullBuilds = 0;
  lastFallback: string | null = null;
  private readonly listeners = new Set<(change: GraphChange) => void>();
  private running: Promise<GraphChange | null> | null = null;
  private next: Promise<GraphChange | null> | null = null;

  constructor(private readonly options: IndexOptions) {}

  /** The version being served; null until the first index is done. */
  get current(): GraphVersion | null {
    return this.currentVersion;
  }

  /** Calls `listener` after each new version; returns a function that stops it. */
  onChange(listener: (change: GraphChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Indexes what changed and swaps the new version in; resolves to the
   * change, or null when nothing changed. Calls made while one runs are
   * folded into one more run after it.
   */
  refresh(): Promise<GraphChange | null> {
    if (this.running === null) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running.then(
      () => {
        this.next = null;
        return this.refresh();
      },
      () => {
        this.next = null;
        return this.refresh();
      },
    );
    return this.next;
  }

  /**
   * The next version from the version before, patched one changed post at a time; null when a
   * change is not a post already in the graph, or moves what other posts share (then the whole
   * graph is indexed again).
   */
  private patch(
    changed: ReadonlySet<string>,
    loaded: { files: readonly LoadedFile[]; diagnostics: readonly Diagnostic[] },
  ): Version | null {
    const incremental = this.incremental;
    if (this.currentVersion === null || incremental === null) return null;
    if (changed.size > MAX_PATCHED) {
      this.lastFallback = `${changed.size} files changed`;
      return null;
    }
    const files = new Map(loaded.files.map((f) => [f.path, f]));
    let version: Version | null = null;
    for (const path of changed) {
      const file = files.get(path);
      if (file?.role !== 'post') {
        this.lastFallback = file === undefined ? `${path} is gone` : `${path} is a registry file`;
        return null;
      }
      const update = incremental.update(
        file,
        loaded.diagnostics.filter((d) => d.path === path),
      );
      if ('reason' in update) {
        this.lastFallback = update.reason;
        return null;
      }
      version = update;
    }
    this.results?.take();
    return version;
  }

  /**
   * The per-file results, opened once: from the on-disk cache with `cacheDir` (a restart over
   * content indexed before parses only the changed files), else empty.
   */
  private openResults(): Promise<LastGoodResults> {
    this.opening ??= (async () => {
      const { root, cacheDir } = this.options;
      this.cache =
        cacheDir === undefined ? null : await openResultCache(cacheDir, resolve(root), this.options.seedDir);
      if (this.cache?.notice !== undefined) this.notices.push(this.cache.notice);
      this.results = new LastGoodResults(this.cache?.results ?? new MemoryFileResults());
      return this.results;
    })();
    return this.opening;
  }

  /**
   * The first version, when the graph cache holds one built from exactly these files: loaded, not
   * built. Patching needs the per-file results too; they are read once this version is served.
   */
  private async fromGraphCache(
    loaded: { files: readonly LoadedFile[]; diagnostics: readonly Diagnostic[] },
    options: Omit<IndexOptions, 'root'>,
  ): Promise<Version | null> {
    const { root, cacheDir } = this.options;
    if (cacheDir === undefined) return null;
    const context = resultContext(loaded.files, options);
    const graphCache = openGraphCache(
      cacheDir,
      resolve(root),
      graphInputsKey(loaded, context),
      this.options.seedDir,
    );
    const kept = await graphCache.read();
    if ('notice' in kept && kept.notice !== undefined) this.notices.push(kept.notice);
    if (!('data' in kept)) return null;
    const version = { data: kept.data, store: new MemoryStore(kept.data) };
    // On an idle turn once this version is served, as after a full index; the next refresh waits for it.
    this.warming = new Promise<void>((resolve) => setTimeout(resolve, 0).unref())
      .then(() => this.openResults())
      .then((results) => {
        // Results saved by a later run may be of other text than this graph's: then the first
        // change indexes everything again, which makes them match.
        const matches = loaded.files.every(
          (f) => f.role !== 'post' || results.peek(f.path)?.key === resultKey(f.digest, context),
        );
        if (!matches || this.currentVersion?.data !== version.data) return;
        this.incremental = new IncrementalIndex(loaded.files, { ...options, results }, results, version);
        this.incremental.prepare();
      })
      .catch(() => {});
    return version;
  }

  private async run(): Promise<GraphChange | null> {
    const loaded = await loadContent(this.options.root, { maxFileSize: this.options.maxFileSize });
    const digests = new Map(loaded.files.map((f) => [f.path, f.digest]));
    const changed = new Set<string>();
    for (const [path, digest] of digests) if (this.digests.get(path) !== digest) changed.add(path);
    for (const path of this.digests.keys()) if (!digests.has(path)) changed.add(path);
    for (const d of loaded.diagnostics)
      if (!digests.has(d.path) && this.digests.has(d.path)) changed.add(d.path);
    if (this.currentVersion !== null && changed.size === 0) return null;

    const rootName = this.options.rootName ?? basename(resolve(this.options.root));
    let next: Version | null = null;
    let built = false;
    if (this.currentVersion === null) next = await this.fromGraphCache(loaded, { ...this.options, rootName });
    if (next === null) {
      await this.warming;
      const results = await this.openResults();
      const options = { ...this.options, rootName, results };
      next = this.patch(changed, loaded);
      if (next === null) {
        let data = await indexFilesAsync(loaded.files, options);
        // A post that broke was stored with its last good draft: one more pass (all from results) builds with it.
        if (results.take().length > 0) data = await indexFilesAsync(loaded.files, options);
        data.diagnostics = sortDiagnostics([...loaded.diagnostics, ...data.diagnostics]);
        next = { data, store: new MemoryStore(data) };
        const incremental = new IncrementalIndex(loaded.files, options, results, next);
        this.incremental = incremental;
        // What patching needs (seconds at 10,000 posts) is built on an idle turn once this version is
        // served, so the next edit is patched as quickly as the ones after it.
        setTimeout(() => incremental.prepare(), 0).unref();
        this.fullBuilds += 1;
        built = true;
      }
    }
    const { data, store } = next;

    const version = (this.currentVersion?.version ?? 0) + 1;
    this.currentVersion = { version, data, store };
    this.digests = digests;
    const changedPaths = [...changed].sort();
    const change: GraphChange = {
      version,
      changedPaths,
      diagnostics: data.diagnostics.filter((d) => changed.has(d.path)),
    };
    for (const listener of this.listeners) listener(change);
    // Written after the swap: the cache only speeds up the next start, and cannot fail this version.
    await this.cache?.save().catch(() => false);
    // A graph holding a post's last good draft is not what its files give: a restart must not load it.
    if (built && this.results?.held.size === 0) await this.keepGraph(loaded, data);
    return change;
  }

  /**
   * Keeps a fully built version as the graph cache's, for a restart over the same files. Patched
   * versions are not written: each would cost as much as the patch many times over, and a restart
   * after them builds from the per-file results, which are written after every version.
   */
  private async keepGraph(
    loaded: { files: readonly LoadedFile[]; diagnostics: readonly Diagnostic[] },
    data: GraphData,
  ): Promise<void> {
    const { root, cacheDir } = this.options;
    if (cacheDir === undefined) return;
    const options = { ...this.options, rootName: this.options.rootName ?? basename(resolve(root)) };
    const key = graphInputsKey(loaded, resultContext(loaded.files, options));
    await openGraphCache(cacheDir, resolve(root), key, this.options.seedDir)
      .write(data, resolve(root))
      .catch(() => {});
  }
}
