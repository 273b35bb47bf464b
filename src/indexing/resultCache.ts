/**
 * @module indexing/resultCache
 * The warm start: per-file results kept on disk between runs, as Astro's
 * content layer keeps its data store. A restart reads every file (to digest
 * it) but parses and extracts only files whose digest or context changed.
 *
 * One cache file per content root and build of talkgraph. Its name carries
 * a digest of talkgraph's version, its own code and its catalogue: results
 * depend on all three, and a cache written by another build must never be
 * read, because a changed extractor would otherwise keep serving old answers
 * for unchanged files. Registry files, the catalogue switch and the year are
 * in each result's key (`fileResults.ts`), so editing tools/ invalidates the
 * results that depend on it. A cache that cannot be read is ignored and
 * rewritten; one that cannot be written costs the next start its warmth, not
 * this one its graph.
 *
 * When the cache folder has no results file for a root, the seed's is read
 * (`bundledSeedDir`: written by `npm run build` for the bundled content, and
 * never written at run time); what this index changes is saved to the cache
 * folder as usual.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Packr } from 'msgpackr';
import {
  FrameError,
  framed,
  framedInPlace,
  type LaterFrame,
  readFrames,
  writeFrames,
} from '../graph/frames.js';
import { type FileResult, MemoryFileResults } from './fileResults.js';

/**
 * Format 3: a head, the entries in frames of `RESULTS_CHUNK`, then a tail with their count, so that a
 * file can be written as the results are made (`resultStream.ts`). Format 2 had the count in its head;
 * format 1 packed every entry as one value.
 */
const FORMAT = 3;
export const RESULTS_CHUNK = 256;
// Frames are read into a buffer that is reused: binary values (a YAML !!binary) are copied out of it.
const packr = new Packr({ useRecords: true, moreTypes: true, copyBuffers: true });

export type ResultEntry = [string, FileResult];

/** One frame of a results file: its head, a chunk of entries, or its tail. */
export const resultsFrame = {
  head: (): Buffer => framed(packr, { format: FORMAT }),
  /** Packed in place (`framedInPlace`): valid until the next pack, so written as soon as it is made. */
  entries: (chunk: readonly ResultEntry[]): Buffer => framedInPlace(packr, chunk),
  /** The chunk's frame, packed as the writer takes it: no copy is left for the collector. */
  entriesLater:
    (chunk: readonly ResultEntry[]): LaterFrame =>
    () =>
      resultsFrame.entries(chunk),
  tail: (count: number): Buffer => framed(packr, { count }),
};

/** The file's frames: its head, its entries a chunk at a time, and its tail; each written before the next is made. */
function* resultFrames(entries: ReadonlyMap<string, FileResult>): Generator<Buffer> {
  yield resultsFrame.head();
  let chunk: ResultEntry[] = [];
  for (const entry of entries) {
    chunk.push(entry);
    if (chunk.length === RESULTS_CHUNK) {
      yield resultsFrame.entries(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield resultsFrame.entries(chunk);
  yield resultsFrame.tail(entries.size);
}

/** The entries of a results file, or why they cannot be used. */
async function readEntries(handle: FileHandle): Promise<ResultEntry[] | { notice: string }> {
  const entries: ResultEntry[] = [];
  let head = false;
  let count: number | undefined;
  try {
    for await (const frame of readFrames(handle)) {
      const value = packr.unpack(frame) as unknown;
      if (!head) {
        if ((value as { format?: unknown } | null)?.format !== FORMAT)
          return { notice: 'it is not a results file of this talkgraph' };
        head = true;
        continue;
      }
      if (count !== undefined) return { notice: 'it holds something after its end' };
      if (Array.isArray(value)) {
        if (!value.every(isEntry)) return { notice: 'it holds something other than results' };
        for (const entry of value) entries.push(entry);
        continue;
      }
      const tail = (value as { count?: unknown } | null)?.count;
      if (typeof tail !== 'number') return { notice: 'it holds something other than results' };
      count = tail;
    }
  } catch (error) {
    if (error instanceof FrameError) return { notice: 'it is not a results file of this talkgraph' };
    return { notice: `it cannot be decoded (${(error as Error).message})` };
  }
  // No tail: the writer stopped part way (or the file was cut where a frame ends).
  if (count === undefined) return { notice: 'it is cut short' };
  if (count !== entries.length) return { notice: `it says it holds ${count} results, not ${entries.length}` };
  return entries;
}

/** The entries of the first of these files that exists, with the one read and why it was unusable (if it was). */
async function readFirst(
  files: string[],
): Promise<{ read: string; entries: ResultEntry[]; notice?: string }> {
  for (const file of files) {
    const handle = await open(file, 'r').catch(() => null);
    if (handle === null) continue;
    try {
      const read = await readEntries(handle);
      return Array.isArray(read)
        ? { read: file, entries: read }
        : { read: file, entries: [], notice: read.notice };
    } finally {
      await handle.close();
    }
  }
  return { read: files[0] as string, entries: [] };
}

/** Where caches go: $TALKGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/talkgraph, else ~/.cache/talkgraph. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TALKGRAPH_CACHE_DIR) return env.TALKGRAPH_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'talkgraph');
}

function hashTree(hash: ReturnType<typeof createHash>, dir: URL): void {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return; // no catalogue folder: nothing to hash
  }
  for (const name of entries) {
    try {
      hash.update(name).update(readFileSync(new URL(name, dir)));
    } catch {
      // a folder: its files are listed too
    }
  }
}

/**
 * What the file system says of every entry of a folder (name, size, times of change), hashed: it
 * differs whenever a file is edited, added or removed, without reading a byte of them. The change
 * time (ctime) is set by the system on every write and cannot be set back, unlike the mtime.
 */
export function treeStamp(dir: URL): string {
  const hash = createHash('sha1');
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return 'none';
  }
  for (const name of entries) {
    const s = statSync(new URL(name, dir), { throwIfNoEntry: false });
    hash.update(`${name}\u0000${s?.size}\u0000${s?.mtimeMs}\u0000${s?.ctimeMs}\u0000`);
  }
  return hash.digest('hex');
}

const CATALOGUE_DIR = new URL('../../catalogue/', import.meta.url);

/** The digest of the catalogue's files, read and hashed. */
export function hashCatalogue(dir: URL = CATALOGUE_DIR): string {
  const hash = createHash('sha1');
  hashTree(hash, dir);
  return hash.digest('hex');
}

/**
 * The catalogue's digest. The build records it beside the stamp of the catalogue's files
 * (build-digest.json, scripts/build.mjs): while the stamp is the same, so are the files, and a start
 * does not read the catalogue's megabyte to hash it (20 to 60 ms). Any change to them changes the
 * stamp, and the files are hashed as they are.
 */
function catalogueDigest(recorded: { digest?: unknown; stamp?: unknown } | undefined): string {
  if (typeof recorded?.digest === 'string' && recorded.stamp === treeStamp(CATALOGUE_DIR))
    return recorded.digest;
  return hashCatalogue();
}

/**
 * The code's part of the digest. A built bundle carries it in build-digest.json beside its chunks
 * (written by the build); run from source, the source tree is hashed instead.
 */
function codeDigest(): { code: string; catalogue?: { digest?: unknown; stamp?: unknown } } {
  try {
    const built = JSON.parse(readFileSync(new URL('build-digest.json', import.meta.url), 'utf8')) as {
      digest?: unknown;
      catalogue?: { digest?: unknown; stamp?: unknown };
    };
    if (typeof built.digest === 'string') return { code: built.digest, catalogue: built.catalogue };
  } catch {
    // not a built bundle: hash the sources
  }
  const hash = createHash('sha1');
  hashTree(hash, new URL('../', import.meta.url));
  return { code: hash.digest('hex') };
}

let buildCache: string | null = null;

/** Digest of talkgraph's version, code and catalogue: what every cached result depends on. */
export function buildDigest(): string {
  if (buildCache !== null) return buildCache;
  const hash = createHash('sha1');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  hash.update(`talkgraph ${pkg.version} results format ${FORMAT}\u0000`);
  const { code, catalogue } = codeDigest();
  hash.update(code);
  hash.update(catalogueDigest(catalogue));
  buildCache = hash.digest('hex');
  return buildCache;
}

/**
 * The seed: the cache of the bundled content that `npm run build` writes beside the built CLI
 * (dist/seed/, scripts/codeCache.mjs), so that a first start after an install finds its graph
 * without writing anything outside the package at install time. Run from source there is none.
 */
export function bundledSeedDir(): string {
  return fileURLToPath(new URL('../seed/', import.meta.url));
}

/** A well-formed entry: a path and a result with its key, draft and diagnostics. */
function isEntry(entry: unknown): entry is [string, FileResult] {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
  const result = entry[1] as Partial<FileResult> | null;
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof result.key === 'string' &&
    typeof result.draft === 'object' &&
    Array.isArray(result.diagnostics)
  );
}

export interface ResultCache {
  /** Hand these to the indexer; they start with what the last run saved. */
  results: MemoryFileResults;
  /** The cache file for this content root and build. */
  file: string;
  /** Results read from disk at open. */
  loaded: number;
  /** Why the file on disk was ignored, when there was one and it could not be read. */
  notice: string | undefined;
  /** Writes the results back when the index changed any; resolves to whether it wrote. */
  save(): Promise<boolean>;
}

/** What the names of a content root's cache files start with. */
export function rootTag(root: string): string {
  return createHash('sha1').update(root).digest('hex').slice(0, 16);
}

/** The results file of a content root for this build. */
export function resultCacheFile(dir: string, root: string): string {
  return join(dir, `${rootTag(root)}-${buildDigest().slice(0, 16)}.msgpack`);
}

/** The results kept for `root`: from the cache folder, else from the seed; why a file was ignored, if one was. */
export async function readResults(
  dir: string,
  root: string,
  seed: string | undefined,
): Promise<{ file: string; entries: ResultEntry[]; notice: string | undefined }> {
  const file = resultCacheFile(dir, root);
  // Missing: the seed's results, if it has this root's. Unreadable: start cold, and write a good one after this index.
  const { read, entries, notice } = await readFirst(
    seed === undefined ? [file] : [file, resultCacheFile(seed, root)],
  );
  return {
    file,
    entries,
    notice:
      notice === undefined
        ? undefined
        : read === file
          ? `the warm-start results ${file} were ignored and will be written again: ${notice}`
          : `the seed's results ${read} were ignored, and this start's go to ${file}: ${notice}`,
  };
}

/**
 * Removes the files of `root` in `dir` that end in `suffix`, but for `keep`: written from other inputs
 * or by another build, they can never be read again. Resolves to the files removed.
 */
export async function dropOthers(dir: string, root: string, suffix: string, keep: string): Promise<string[]> {
  const tag = rootTag(root);
  const dropped: string[] = [];
  for (const name of await readdir(dir)) {
    const file = join(dir, name);
    if (name.startsWith(`${tag}-`) && name.endsWith(suffix) && file !== keep) {
      await rm(file, { force: true });
      dropped.push(file);
    }
  }
  return dropped;
}

/** Removes the results files of `root` written by other builds. */
export async function dropOtherBuilds(dir: string, root: string): Promise<void> {
  await dropOthers(dir, root, '.msgpack', resultCacheFile(dir, root));
}

export async function openResultCache(
  dir: string,
  root: string,
  seed: string | undefined = bundledSeedDir(),
): Promise<ResultCache> {
  const { file, entries, notice } = await readResults(dir, root, seed);
  const results = new MemoryFileResults(entries);
  return {
    results,
    file,
    loaded: entries.length,
    notice,
    async save() {
      if (!results.changed) return false;
      await mkdir(dir, { recursive: true });
      await writeFrames(file, resultFrames(results.entries));
      results.changed = false;
      await dropOtherBuilds(dir, root);
      return true;
    },
  };
}
