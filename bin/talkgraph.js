#!/usr/bin/env node
// Entry point for the `talkgraph` command. Runs the compiled CLI in dist/ (built by `npm run build`,
// which `npm install` and `npm ci` run through `prepare`), so nothing compiles TypeScript at run
// time. With TALKGRAPH_FROM_SOURCE=1 it runs the TypeScript sources through tsx instead: the tests
// and development work on the sources without a build.
import { setFlagsFromString } from 'node:v8';

// Indexing keeps its graph and sheds a lot of short-lived parse data. V8 lets the heap grow up to
// about four times what is live before it collects, so a process would hold twice the memory
// it needs; growing by 30% instead costs a few more collections of a heap that is mostly live.
setFlagsFromString('--heap-growing-percent=30');
if (process.env.TALKGRAPH_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  try {
    await import('../dist/cli/main.js');
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js'))
      throw error;
    process.stderr.write(
      'talkgraph: the compiled CLI is missing; run `npm run build` (npm install runs it).\n',
    );
    process.exitCode = 1;
  }
}
