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
// The flag is set before the bundle is compiled whatever the command: V8 accepts the code compiled
// at build time only under the flags it was recorded with (scripts/codeCache.mjs), so each command's
// own young generation rule is set once the bundle is compiled (youngGeneration below).
setFlagsFromString('--semi-space-growth-factor=1');
const command = process.argv[2];
const readsSnapshot = process.argv.some((arg) => arg === '--snapshot' || arg.startsWith('--snapshot='));

/** MB of young generation (both halves) that `talkgraph index` grows to before it stops growing. */
const INDEX_YOUNG_MB = 8;

/**
 * The young generation rule of this command, set after the bundle is compiled.
 * - A server that reads a snapshot lets it grow as V8 would: there every decoded object survives,
 *   and a young generation kept small copies them over and over (at 10,000 posts, about 7.1 s to
 *   ready against 5.1 s, for 20–30 MB).
 * - `talkgraph index` lets it grow to 4 MB a half, then holds it there. At its first 1 MB a half,
 *   the parse and extraction data of the post being read (1 to 2 MB) was still alive at most
 *   collections, so it was copied, moved to the old generation and collected there later: about
 *   1,400 young collections at 1,000 posts and a third of the CPU time in collecting. At 4 MB, a
 *   quarter as many, and less garbage moved out, so the peak fell too (measured at 4,000 posts:
 *   223 against 234 MB). V8 sizes the young generation only at start, so it is allowed to double and
 *   stopped once it reaches the size, after the collection that grew it.
 */
function youngGeneration() {
  if (readsSnapshot) {
    setFlagsFromString('--semi-space-growth-factor=2');
    return;
  }
  if (command !== 'index') return;
  const { PerformanceObserver } = require('node:perf_hooks');
  const { getHeapSpaceStatistics } = require('node:v8');
  setFlagsFromString('--semi-space-growth-factor=2');
  const observer = new PerformanceObserver(() => {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (young === undefined || young.space_size >= INDEX_YOUNG_MB * 1024 * 1024) {
      setFlagsFromString('--semi-space-growth-factor=1');
      observer.disconnect();
    }
  });
  observer.observe({ entryTypes: ['gc'] });
}

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
  // The build asks for the code compiled by a warm-up run, written as the process ends. V8 stamps
  // it with the flags of that moment, and a server changes its young generation's rule as it
  // serves (and a large graph's server its heap growth): the flags the bundle is compiled under are
  // set back first, or every start would reject it.
  const record = process.env.TALKGRAPH_RECORD_CODE_CACHE;
  if (record) {
    process.once('exit', () => {
      setFlagsFromString('--semi-space-growth-factor=1');
      setFlagsFromString('--heap-growing-percent=30');
      writeFileSync(record, script.createCachedData());
    });
  }
  // Whether V8 took the recorded code, for the build's check and the tests.
  if (process.env.TALKGRAPH_REPORT_CODE_CACHE === '1') {
    const state = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
    process.stderr.write(`talkgraph: code cache ${state}\n`);
  }
  youngGeneration();
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return true;
}

if (process.env.TALKGRAPH_FROM_SOURCE === '1') {
  youngGeneration();
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
