/**
 * @module bench/targets/listen
 * Starts a baseline server on a free port of 127.0.0.1, prints its URL for
 * the benchmark to read, and closes on SIGTERM.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listen(handler: RequestListener): void {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`listening http://127.0.0.1:${port}/graphql\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
