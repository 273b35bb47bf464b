/**
 * The queries the README offers a new user run against the bundled content
 * without errors and return data: documentation that cannot rot unnoticed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledGraph, clientFor } from './helpers/graphqlClient.js';

const readme = readFileSync('README.md', 'utf8');
const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('the README queries', () => {
  it('offers at least five queries to paste', () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
  });

  for (const [index, query] of queries.entries()) {
    it(`runs query ${index + 1} on the bundled content without errors`, async () => {
      const client = clientFor(await bundledGraph());
      const response = await client.query(query);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const values = Object.values(response.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((v) => v !== null)).toBe(true);
    });
  }

  it('shows the curl query returning the two gVisor talks', async () => {
    const curl = /-d '(\{"query".*\})'/.exec(readme)?.[1];
    expect(curl).toBeDefined();
    const { query } = JSON.parse(curl as string) as { query: string };
    const response = await clientFor(await bundledGraph()).query(query);
    expect(response.data.tool.talks.totalCount).toBe(2);
  });
});
