/**
 * @module indexing/searchCache
 * The search index of a warm-start graph, kept beside it (`graphCache.ts`):
 * a server building a large graph's search index takes seconds (about 10 s
 * at 10,000 posts), and a restart over unchanged content would otherwise
 * build it again. The file has the graph file's name with `.search` for
 * `.graph`, so it is for exactly the inputs that graph was built from; it
 * holds the packed index as a snapshot does (`graph/snapshotSearch.ts`): a
 * head, then each typed array as raw bytes read into memory of its own.
 *
 * Only a server writes it, once it has built the index; `talkgraph index`
 * never builds one. A missing file is the usual case and says nothing; one
 * that cannot be read is ignored with a notice, and the index is built.
 */
import { open, rm, stat } from 'node:fs/promises';
import { Packr } from 'msgpackr';
import type { PackedIndex } from '../graph/compactPostings.js';
import { FrameError, framed, rawFrame, readFrames, writeFrames } from '../graph/frames.js';
import { type SearchHead, SearchReader, searchBlocks } from '../graph/snapshotSearch.js';

const FORMAT = 1;
const packr = new Packr({ useRecords: false });

/** The search file that belongs to a graph file. */
export function searchFileOf(graphFile: string): string {
  return graphFile.replace(/\.graph$/, '.search');
}

function* searchFrames(search: PackedIndex): Generator<Buffer> {
  const { head, arrays } = searchBlocks(search);
  yield framed(packr, { format: FORMAT, head });
  for (const bytes of arrays) yield* rawFrame(bytes);
}

/** Keeps the packed search index of the graph in `graphFile` beside it; nothing when that graph is not there. */
export async function writeSearch(graphFile: string, search: PackedIndex): Promise<boolean> {
  // A graph read from the seed, or one that could not be written, has no file here to sit beside.
  const graph = await stat(graphFile).catch(() => null);
  if (graph === null) return false;
  await writeFrames(searchFileOf(graphFile), searchFrames(search));
  return true;
}

/** Removes the search file of a graph file that is gone. */
export async function dropSearch(graphFile: string): Promise<void> {
  await rm(searchFileOf(graphFile), { force: true });
}

/** The packed search index kept beside `graphFile`: none when there is none, a notice when it cannot be read. */
export async function readSearch(graphFile: string): Promise<{ search?: PackedIndex; notice?: string }> {
  const file = searchFileOf(graphFile);
  try {
    await stat(file);
  } catch {
    return {};
  }
  const handle = await open(file, 'r');
  try {
    let reader: SearchReader | undefined;
    // The head is read into a buffer of its own too: it is small, and the arrays keep theirs.
    for await (const block of readFrames(handle, (length) => Buffer.from(new ArrayBuffer(length)))) {
      if (reader === undefined) {
        const value = packr.unpack(block) as { format?: unknown; head?: SearchHead } | null;
        if (value?.format !== FORMAT || value.head === undefined)
          throw new Error('it is not a search file of this talkgraph');
        reader = new SearchReader(value.head);
      } else if (reader.pending) reader.add(block);
      else throw new Error('it holds something after its end');
    }
    if (reader === undefined) throw new Error('it is empty');
    return { search: reader.finish() };
  } catch (error) {
    const why = error instanceof FrameError ? 'it is cut short' : (error as Error).message;
    return { notice: `the warm-start search index ${file} was ignored and will be built again: ${why}` };
  } finally {
    await handle.close();
  }
}
