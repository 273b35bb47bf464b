#!/usr/bin/env node
// Entry point for the `talkgraph` command. Runs the compiled CLI in dist/ (built by `npm run build`,
// which `npm install` and `npm ci` run through `prepare`), so nothing compiles TypeScript at run
// time. With TALKGRAPH_FROM_SOURCE=1 it runs the TypeScript sources through tsx instead: the tests
// and development work on the sources without a build.
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
