#!/usr/bin/env node
// Entry point for the `talkgraph` command. Runs the compiled CLI in dist/ (built by `npm run build`,
// which `npm install` and `npm ci` run through `prepare`), so nothing compiles TypeScript at run
// time. With TALKGRAPH_FROM_SOURCE=1 it runs the TypeScript sources through tsx instead: the tests
// and development work on the sources without a build.
// CommonJS (bin/package.json says so): a start skips Node's ES module loader, and reads built-in
// modules without building their ES module facades (node:fs's would load its streams).
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// Indexing keeps its graph and sheds a lot of short-lived parse data. V8 lets the heap grow up to
// about four times what is live before it collects, so a process would hold twice the memory
// it needs; growing by 30% instead costs a few more collections of a heap that is mostly live.
setFlagsFromString('--heap-growing-percent=30');
// Objects are first made in the young generation, whose two halves V8 doubles, up to 16 MB each, while
// much of what is made survives; indexing and building search keep most of what they make, so it
// would soon hold 32 MB more of address space for little gain. Kept at its first size, a young object
// that survives is moved out sooner; measured, peak RSS fell by about 30 MB for some more CPU time.
// Not when a server reads a snapshot: there every decoded object survives, and a young generation
// kept small copies them over and over (at 10,000 posts, about 7.1 s to ready against 5.1 s, for
// 20–30 MB).
const readsSnapshot = process.argv.some((arg) => arg === '--snapshot' || arg.startsWith('--snapshot='));
if (!readsSnapshot) setFlagsFromString('--semi-space-growth-factor=1');

/**
 * Runs the CommonJS bundle with the code V8 compiled for it at build time (scripts/codeCache.mjs),
 * which spares a start most of its compiling. V8 checks that code against the source and its own
 * version and flags, and rejects it when they differ: then the bundle is compiled from source.
 * False when there is no bundle.
 */
function runBundle() {
  const file = join(__dirname, '..', 'dist', 'cli', 'talkgraph.cjs');
  const codeCache = join(__dirname, '..', 'dist', 'cli', 'talkgraph.codecache');
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    if (error?.code === 'ENOENT') return false;
    throw error;
  }
  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    // Not built yet, or removed: compile from source.
  }
  // It runs as Node runs a CommonJS module: wrapped in a function.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  // The build asks for the code compiled by a warm-up run, written as the process ends.
  const record = process.env.TALKGRAPH_RECORD_CODE_CACHE;
  if (record) process.once('exit', () => writeFileSync(record, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return true;
}

if (process.env.TALKGRAPH_FROM_SOURCE === '1') {
  import('tsx/esm/api').then(({ register }) => {
    register();
    return import('../src/cli/main.ts');
  });
} else if (!runBundle()) {
  process.stderr.write(
    'talkgraph: the compiled CLI is missing; run `npm run build` (npm install runs it).\n',
  );
  process.exitCode = 1;
}
