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
 * Once the server is busy, the young generation may grow again (`heapForRequests`).
 */
import type { RequestListener } from 'node:http';
import { Session } from 'node:inspector';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * Below this much heap in use the collections cost more start-up time than the memory they give
 * back: a server of the bundled content holds a fraction of it and answers sooner without them.
 */
const SETTLE_FROM_BYTES = 128 * 1024 * 1024;

/** How much a large graph's server lets its heap grow past what is live before collecting it, in %. */
export const LARGE_HEAP_GROWING_PERCENT = 10;

/** Resolves to whether it collected: false for a heap too small to be worth it. */
export async function settleHeap(): Promise<boolean> {
  // What is made until the server serves (the search index read after the graph) is kept for good.
  setFlagsFromString('--semi-space-growth-factor=1');
  if (getHeapStatistics().used_heap_size < SETTLE_FROM_BYTES) return false;
  // The heap may grow by 30% of what is live before V8 collects the old generation (set in
  // bin/talkgraph.js, for indexing): past 128 MB, tens of MB of garbage from building search and
  // answering the first queries. A large graph's server lets it grow by 10% from its first settle
  // on (for a server that indexes, once every post is read: putting the graph together and writing
  // it too): at 10,000 posts it held 393–395 MB after the first queries against 406 MB, in two
  // alternating pairs.
  setFlagsFromString(`--heap-growing-percent=${LARGE_HEAP_GROWING_PERCENT}`);
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

/** Requests within one second from which the young generation may grow. */
export const GROW_FROM_REQUESTS_PER_SECOND = 50;

export interface RequestHeapOptions {
  /** Told once, when the young generation is let grow. */
  onGrow?: () => void;
  /** Milliseconds on a monotonic clock. */
  now?: () => number;
}

/**
 * Wraps a server's request listener so that the young generation may grow as V8 grows it by default
 * (to 16 MB a half) once the server is busy: from the first second in which it is asked
 * `GROW_FROM_REQUESTS_PER_SECOND` times, for the rest of the process.
 * - Under load a young generation kept at its first 1 MB a half was collected every few requests,
 *   and what the requests of the moment held was copied, moved to the old generation and collected
 *   there, a full collection of the whole graph at a time. Measured on 1,000 posts with the uncached
 *   tool page, pinned to one core: 1,800–3,100 requests a second at 0.33–0.56 ms of CPU each,
 *   against 3,000–4,700 at 0.21–0.33 ms with it grown, in five alternating rounds.
 * - A server asked now and then does not need it. Grown from the first request instead, the
 *   one-off work of the first queries (the store's lookups, the first search) grew it to 16 MB a
 *   half at once: some 30 MB held for good by a 10,000-post server that then served a query now
 *   and then.
 * The rate is counted rather than the requests in flight: most answers are written within the
 * turn that reads the request, so even under 50 connections few are ever in flight together.
 */
export function heapForRequests(
  listener: RequestListener,
  options: RequestHeapOptions = {},
): RequestListener {
  const now = options.now ?? (() => performance.now());
  let grown = false;
  let secondFrom = Number.NEGATIVE_INFINITY;
  let inSecond = 0;
  return (req, res) => {
    if (!grown) {
      const at = now();
      if (at - secondFrom >= 1000) {
        secondFrom = at;
        inSecond = 0;
      }
      inSecond++;
      if (inSecond >= GROW_FROM_REQUESTS_PER_SECOND) {
        grown = true;
        setFlagsFromString('--semi-space-growth-factor=2');
        options.onGrow?.();
      }
    }
    listener(req, res);
  };
}
