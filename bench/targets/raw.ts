/**
 * @module bench/targets/raw
 * Baseline: raw node:http answering a fixed JSON body (of a given size, when
 * one is passed), the ceiling of any server on this machine.
 */
import { listen } from './listen.js';

// An optional size pads the body, to compare with answers of that size.
const size = Number(process.argv[2] ?? 0);
const hello = JSON.stringify({ data: { hello: 'world' } });
const body =
  size > hello.length ? JSON.stringify({ data: { hello: 'w'.repeat(size - hello.length) } }) : hello;
listen((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
