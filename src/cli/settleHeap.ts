/**
 * @module cli/settleHeap
 * Gives back the memory a server used to load its graph before it serves.
 * Reading a snapshot or indexing notes leaves the heap much larger than
 * what it keeps: V8's young generation has grown to its largest size (a
 * snapshot is decoded with it, which is faster), and old-generation pages
 * freed by the last collections stay mapped. A server then builds its
 * lookups and search on the first queries, and would grow from there.
 *
 * Here the young generation stops growing while the graph is loaded, and
 * V8 is asked, through the in-process inspector (no port is opened), for the
 * collection it makes under memory pressure: full collections until nothing
 * more is freed, with the young generation shrunk and free pages unmapped.
 * At 10,000 posts a server read from a snapshot goes from about 390 to 330
 * MB once ready, for a few hundred ms of collecting.
 *
 * Once it serves, the young generation may grow again (`heapForRequests`).
 */
import { Session } from 'node:inspector';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * Below this much heap in use the collections cost more start-up time than the memory they give
 * back: a server of the bundled content holds a fraction of it and answers sooner without them.
 */
const SETTLE_FROM_BYTES = 128 * 1024 * 1024;

/** Resolves to whether it collected: false for a heap too small to be worth it. */
export async function settleHeap(): Promise<boolean> {
  // What is made until the server serves (the search index read after the graph) is kept for good.
  setFlagsFromString('--semi-space-growth-factor=1');
  if (getHeapStatistics().used_heap_size < SETTLE_FROM_BYTES) return false;
  const session = new Session();
  session.connect();
  try {
    await new Promise<void>((resolve, reject) =>
      session.post('HeapProfiler.collectGarbage', (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    session.disconnect();
  }
  return true;
}

/**
 * Lets the young generation grow as V8 grows it by default (to 16 MB a half) from the first request
 * on. A request's objects live until its answer is written, so with 50 requests in flight a young
 * generation kept at its first 1 MB a half held them at every collection: they were copied, moved to
 * the old generation and collected there, a full collection of the whole graph at a time. Measured on
 * 1,000 posts with the uncached tool page, pinned to one core: 1,800–3,100 requests a second at
 * 0.33–0.56 ms of CPU each before, 3,000–4,700 at 0.21–0.33 ms after, in five alternating rounds; the
 * server held about 40 MB more under that load.
 */
export function heapForRequests(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}
