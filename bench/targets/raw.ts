/**
 * @module bench/targets/raw
 * Baseline: raw node:http answering a fixed JSON body, the ceiling of any
 * server on this machine.
 */
import { listen } from './listen.js';

const body = JSON.stringify({ data: { hello: 'world' } });
listen((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
