/**
 * Typed clients keep compiling: graphql-codegen (client preset, as front
 * ends use it) generates types for the README's queries from
 * schema.graphql, and the generated code type-checks. A schema change that
 * breaks a documented query, or the code generated for it, fails here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, describe, expect, it } from 'vitest';

// Inside the project, so the generated code resolves its imports from our node_modules.
const cache = resolve('node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'talkgraph-codegen-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The README's GraphQL blocks, each made a named operation as a client would write it. */
function readmeOperations(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map(
    (m, i) => `query ReadmeQuery${i + 1} ${(m[1] ?? '').trim()}`,
  );
}

describe('graphql-codegen over the README queries', () => {
  it('generates client types from schema.graphql and they type-check', async () => {
    const operations = readmeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(5);
    operations.forEach((op, i) => {
      writeFileSync(join(dir, `readme${i + 1}.graphql`), op);
    });
    const out = join(dir, 'gql/');
    await generate(
      {
        schema: 'schema.graphql',
        documents: [join(dir, '*.graphql')],
        generates: { [out]: { preset: 'client', config: { scalars: { Date: 'string' } } } },
        silent: true,
        errorsOnly: true,
      },
      true,
    );
    const generated = readFileSync(join(out, 'graphql.ts'), 'utf8');
    expect(generated).toContain('ReadmeQuery1Query');
    expect(generated).toContain('facets');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          // As a front end bundles it.
          module: 'ESNext',
          moduleResolution: 'bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['gql/*.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', dir], {
        stdio: 'pipe',
      });
    } catch (error) {
      const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
      expect.fail(`the generated client code does not type-check:\n${output}`);
    }
  }, 120_000);
});
