import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql: Pothos and Yoga load its CommonJS build, so our code must too.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI the tests spawn (bin/talkgraph.js) runs the sources, not the last build.
    env: { TALKGRAPH_FROM_SOURCE: '1' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
