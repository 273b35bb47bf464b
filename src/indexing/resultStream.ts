/**
 * @module indexing/resultStream
 * The warm-start results of a one-off index (a server's start, `talkgraph
 * index`), written to the cache file as the index makes them. Kept in memory
 * until the index ends and then written, the results of 10,000 posts held
 * about 100 MB beside the graph, and packing them 80 MB more: the largest
 * part of a server's peak. Here each result goes to the file a chunk at a
 * time and is let go; a result read from the last run is let go once the
 * index has taken it. Live reload keeps its results in memory instead
 * (`resultCache.ts`), to index changed files against them.
 *
 * The file is written through a temporary file and renamed into place once
 * the index ends (`finish`), so a start that stops part way leaves the last
 * good file. Results of files that are gone are never written. When the
 * file cannot be written, the index goes on and `finish` says why.
 */
import { mkdir } from 'node:fs/promises';
import { type LaterFrame, writeFrames } from '../graph/frames.js';
import type { FileResult, FileResults } from './fileResults.js';
import {
  bundledSeedDir,
  dropOtherBuilds,
  RESULTS_CHUNK,
  type ResultEntry,
  readResults,
  resultsFrame,
} from './resultCache.js';

/** Frames handed over by the index and taken by the writer, in order; the writer waits for more. */
class FrameQueue implements AsyncIterable<Buffer | LaterFrame> {
  private readonly frames: (Buffer | LaterFrame)[] = [];
  private ended = false;
  private wake: (() => void) | null = null;

  push(frame: Buffer | LaterFrame): void {
    this.frames.push(frame);
    this.wake?.();
  }

  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer | LaterFrame> {
    for (;;) {
      const frame = this.frames.shift();
      if (frame !== undefined) yield frame;
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/** The results an index reads and writes: last run's, each handed out once, and every result written. */
class StreamedResults implements FileResults {
  /** Results handed back: how much work a warm start saved. */
  hits = 0;
  /** Results written to the file so far. */
  written = 0;
  private chunk: ResultEntry[] = [];

  constructor(
    private readonly kept: Map<string, FileResult>,
    private readonly queue: FrameQueue,
    private readonly failed: () => boolean,
  ) {}

  get(path: string, key: string): FileResult | undefined {
    const result = this.kept.get(path);
    if (result?.key !== key) return undefined;
    // The graph takes it, and the file gets it again: nothing else needs it here.
    this.kept.delete(path);
    this.hits += 1;
    this.add(path, result);
    return result;
  }

  peek(path: string): FileResult | undefined {
    return this.kept.get(path);
  }

  set(path: string, result: FileResult): void {
    this.kept.delete(path);
    this.add(path, result);
  }

  /** Results of files the index did not visit are simply never written. */
  retain(): number {
    return 0;
  }

  /** The last chunk and the tail, so the file says how many results it holds. */
  end(): void {
    this.flush();
    if (!this.failed()) this.queue.push(resultsFrame.tail(this.written));
    this.queue.end();
  }

  private add(path: string, result: FileResult): void {
    this.chunk.push([path, result]);
    if (this.chunk.length === RESULTS_CHUNK) this.flush();
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    // Once the file cannot be written, nothing more is packed for it.
    if (!this.failed()) this.queue.push(resultsFrame.entriesLater(this.chunk));
    this.written += this.chunk.length;
    this.chunk = [];
  }
}

export interface ResultStream {
  /** Hand these to the indexer. */
  results: FileResults & { readonly hits: number };
  /** The cache file for this content root and build. */
  file: string;
  /** Why the file on disk was ignored, when there was one and it could not be read. */
  notice: string | undefined;
  /** Ends the file once the index is done and puts it in place; rejects with why it could not be written. */
  finish(): Promise<void>;
}

/** Opens the results of `root` in `dir` (else the seed's) to be read and written by one index. */
export async function openResultStream(
  dir: string,
  root: string,
  seed: string | undefined = bundledSeedDir(),
): Promise<ResultStream> {
  const { file, entries, notice } = await readResults(dir, root, seed);
  const queue = new FrameQueue();
  queue.push(resultsFrame.head());
  let failure: unknown;
  const writing = mkdir(dir, { recursive: true })
    .then(() => writeFrames(file, queue))
    .catch((error: unknown) => {
      failure = error;
      queue.end();
    });
  const results = new StreamedResults(new Map(entries), queue, () => failure !== undefined);
  return {
    results,
    file,
    notice,
    async finish() {
      results.end();
      await writing;
      if (failure !== undefined) throw failure;
      await dropOtherBuilds(dir, root);
    },
  };
}
