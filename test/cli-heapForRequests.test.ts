import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { GROW_FROM_REQUESTS_PER_SECOND, heapForRequests } from '../src/cli/settleHeap.js';

/** A listener wrapped with a clock the test moves, counting what it serves and each growth. */
function listenerWithGrowth() {
  let clock = 0;
  let served = 0;
  let grown = 0;
  const listener = heapForRequests(
    () => {
      served++;
    },
    { onGrow: () => grown++, now: () => clock },
  );
  const request = () => listener({} as IncomingMessage, {} as ServerResponse);
  return {
    request,
    advance: (ms: number) => {
      clock += ms;
    },
    served: () => served,
    grown: () => grown,
  };
}

describe('heapForRequests', () => {
  it('keeps the young generation small for a server asked now and then', () => {
    const server = listenerWithGrowth();
    for (let i = 0; i < 10 * GROW_FROM_REQUESTS_PER_SECOND; i++) {
      server.request();
      server.advance(1000 / (GROW_FROM_REQUESTS_PER_SECOND - 5));
    }
    expect(server.served()).toBe(10 * GROW_FROM_REQUESTS_PER_SECOND);
    expect(server.grown()).toBe(0);
  });

  it('lets it grow within the first busy second, and says so once', () => {
    const server = listenerWithGrowth();
    server.request();
    server.advance(5000);
    for (let i = 1; i < GROW_FROM_REQUESTS_PER_SECOND; i++) {
      server.request();
      server.advance(1);
    }
    expect(server.grown()).toBe(0);
    server.request();
    expect(server.grown()).toBe(1);
    for (let i = 0; i < 3 * GROW_FROM_REQUESTS_PER_SECOND; i++) server.request();
    expect(server.grown()).toBe(1);
    expect(server.served()).toBe(4 * GROW_FROM_REQUESTS_PER_SECOND + 1);
  });

  it('counts each second anew', () => {
    const server = listenerWithGrowth();
    for (let second = 0; second < 5; second++) {
      for (let i = 1; i < GROW_FROM_REQUESTS_PER_SECOND; i++) server.request();
      server.advance(1000);
    }
    expect(server.grown()).toBe(0);
  });
});
