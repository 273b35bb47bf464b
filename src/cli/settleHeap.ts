/**
 * @module cli/settleHeap
 * Gives back the memory a server used to load its graph before it serves.
 * Reading a snapshot or indexing notes leaves the heap much larger than
 * what it keeps: V8's young generation has grown to its largest size (a
 * snapshot is decoded with it, which is faster), and old-generation pages
 * freed by the last collections stay mapped. A server then builds its
 * lookups and search on the first queries, and would grow from there.
 *
 * Here the young generation stops growing for the rest of the process, and
 * V8 is asked, through the in-process inspector (no port is opened), for the
 * collection it makes under memory pressure: full collections until nothing
 * more is freed, with the young generation shrunk and free pages unmapped.
 * At 10,000 posts a server read from a snapshot goes from about 390 to 330
 * MB once ready, for a few hundred ms of collecting.
 */
import { Session } from 'node:inspector';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/**
 * Below this much heap in use the collections cost more start-up time than the memory they give
 * back: a server of the bundled content holds a fraction of it and answers sooner without them.
 */
const SETTLE_FROM_BYTES = 128 * 1024 * 1024;

export async function settleHeap(): Promise<void> {
  // From now on the objects made are a server's: lookups and indexes kept for good, or one
  // request's short-lived answer. Neither gains from a larger young generation.
  setFlagsFromString('--semi-space-growth-factor=1');
  if (getHeapStatistics().used_heap_size < SETTLE_FROM_BYTES) return;
  const session = new Session();
  session.connect();
  try {
    await new Promise<void>((resolve, reject) =>
      session.post('HeapProfiler.collectGarbage', (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    session.disconnect();
  }
}
