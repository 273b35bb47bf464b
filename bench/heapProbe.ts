/**
 * @module bench/heapProbe
 * The live JavaScript heap of another Node process after full garbage
 * collections, read through its inspector (the process started with
 * `--inspect=127.0.0.1:0`): what a leak grows, without the noise of RSS,
 * which keeps pages V8 and malloc hold on to after a collection.
 */
import WebSocket from 'ws';

/** The flag that opens a process's inspector on a free port of 127.0.0.1. */
export const INSPECT_FLAG = '--inspect=127.0.0.1:0';

/** The inspector's address, from what the process printed on stderr; undefined until it has. */
export function inspectorUrl(stderr: string): string | undefined {
  return /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
}

/** Bytes of JavaScript heap in use after two full collections. */
export async function heapAfterGc(url: string): Promise<number> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  let lastId = 0;
  const call = (method: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, (message) =>
        message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result),
      );
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    // Two: the first collection can leave work (finalizers, weak callbacks) only the second finishes.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    socket.close();
  }
}
