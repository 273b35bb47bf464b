import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql: Pothos and Yoga load its CommonJS build, so our code must too.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
