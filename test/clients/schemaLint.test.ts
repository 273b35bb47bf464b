/**
 * The printed schema passes @graphql-eslint's schema-recommended rules, with
 * only the exceptions eslint.config.js lists (their reasons are in
 * docs/decisions.md).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('schema.graphql', () => {
  it("passes @graphql-eslint's schema-recommended rules", async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintFiles(['schema.graphql']);
    const problems = (result?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    expect(result?.filePath).toMatch(/schema\.graphql$/);
    expect(problems).toEqual([]);
  }, 60_000);
});
