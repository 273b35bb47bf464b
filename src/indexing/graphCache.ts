/**
 * @module indexing/graphCache
 * The whole-graph half of the warm start. Besides the per-file results
 * (`resultCache.ts`), the cache folder keeps the last graph built from a
 * content root, in the snapshot encoding (`graph/snapshot.ts`). A start
 * whose inputs are all as they were loads that graph, which is several times
 * faster than building it again from the per-file results; a start where
 * anything differs builds from the results and writes the graph anew.
 *
 * "Inputs" is everything a graph depends on, hashed into one key:
 * talkgraph's build (version, code, catalogue: `buildDigest`), the context
 * of every result (registry files, the catalogue switch, the root's name,
 * the talk weights, the year: `resultContext`), and every file's path and
 * digest, plus what the loader reported about files it could not read. The
 * key is the file's name, so there is nothing to compare inside the file and
 * a write (a temporary file renamed into place) can never leave a graph
 * under a key it was not built from. A graph file that cannot be read (cut
 * short, damaged, another version's) is ignored with a notice, never served.
 *
 * Behind the cache folder stands the seed (`seedDir`): a cache of the bundled
 * content that `npm run build` writes inside the package, so that the very
 * first start after an install, with an empty cache folder, loads its graph
 * too. It is only read, and under the same names: a seed built from other
 * inputs (other content, registry, catalogue, year or build) is never found.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { PackedIndex } from '../graph/compactPostings.js';
import { readSnapshot, SnapshotError, writeSnapshot } from '../graph/snapshot.js';
import type { GraphData } from '../graph/store.js';
import type { LoadedFile } from '../load/walk.js';
import { buildDigest, bundledSeedDir, dropOthers, rootTag } from './resultCache.js';
import { dropSearch, readSearch } from './searchCache.js';

const SUFFIX = '.graph';

/** The digest of every input of a graph: the build, the extraction context, each file and the loader's reports. */
export function graphInputsKey(
  loaded: { files: readonly LoadedFile[]; diagnostics: readonly Diagnostic[] },
  context: string,
): string {
  const hash = createHash('sha1');
  hash.update(`${buildDigest()}\u0000${context}`);
  for (const file of loaded.files) hash.update(`\u0000${file.path}\u0000${file.digest}`);
  // A file the loader refused is not in `files`, but its diagnostic is in the graph.
  for (const d of loaded.diagnostics) hash.update(`\u0001${JSON.stringify(d)}`);
  return hash.digest('hex');
}

/** A hit's notice says why the search index beside the graph was not read. */
export type GraphCacheRead =
  | { data: GraphData; search?: PackedIndex; notice?: string }
  | { miss: true; notice?: string };

export interface GraphCache {
  /** Where the graph of these inputs is kept. */
  file: string;
  /** The graph last built from exactly these inputs; a miss when there is none or it cannot be read. */
  read(): Promise<GraphCacheRead>;
  /** Keeps `data` (built from these inputs) for the next start, and drops graphs of other inputs. */
  write(data: GraphData, root: string): Promise<void>;
}

/**
 * The graph in `file`, with the search index kept beside it if there is one; a plain miss when there is
 * no graph, a miss with a notice when it cannot be read.
 */
async function readGraph(file: string): Promise<GraphCacheRead> {
  try {
    await stat(file);
  } catch {
    return { miss: true }; // never built from these inputs: the usual miss, nothing to say
  }
  try {
    const { data } = await readSnapshot(file);
    const { search, notice } = await readSearch(file);
    return { data, ...(search === undefined ? {} : { search }), ...(notice === undefined ? {} : { notice }) };
  } catch (error) {
    // The snapshot's own message names the file and how to build a snapshot: here, only why.
    const why = error instanceof SnapshotError ? `it ${error.problem}` : (error as Error).message;
    return { miss: true, notice: unreadable(file, why.replaceAll(file, 'it')) };
  }
}

/**
 * The graph cache of `root` in `dir` for the inputs `key`. When `dir` has no graph of these inputs,
 * `seed` (a folder written at build time, only ever read) is looked in under the same name.
 */
export function openGraphCache(
  dir: string,
  root: string,
  key: string,
  seed: string | undefined = bundledSeedDir(),
): GraphCache {
  const tag = rootTag(root);
  const name = `${tag}-${buildDigest().slice(0, 16)}-${key}${SUFFIX}`;
  const file = join(dir, name);
  return {
    file,
    async read() {
      const kept = await readGraph(file);
      if ('data' in kept || seed === undefined || join(seed, name) === file) return kept;
      const seeded = await readGraph(join(seed, name));
      // A damaged seed is said once, beside what the cache folder said (nothing, on a plain miss).
      return 'data' in seeded ? seeded : { miss: true, notice: kept.notice ?? seeded.notice };
    },
    async write(data, writtenFrom) {
      await mkdir(dir, { recursive: true });
      await writeSnapshot(file, data, writtenFrom);
      // Graphs of this root built from other inputs, or by another build, and their search indexes.
      for (const other of await dropOthers(dir, root, SUFFIX, file)) await dropSearch(other);
    },
  };
}

function unreadable(file: string, reason: string): string {
  return `the warm-start graph ${file} was ignored and will be written again: ${reason}`;
}
