/**
 * Prose that uses tool names as ordinary words ("a first draft", "at the
 * helm", "Keep it simple") against the whole built-in catalogue, including
 * the entries generated from the CNCF landscape: no ordinary-word tool may
 * come out of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexContent } from '../../src/indexing/indexer.js';
import { slugify } from '../../src/keys.js';
import { TEST_NOW } from '../helpers/indexText.js';

describe('ordinary words in prose, with the whole catalogue', () => {
  it('yields no tool flagged as an ordinary word', async () => {
    const { data } = await indexContent({ root: 'test/fixtures/ambiguous', now: TEST_NOW });
    const dir = new URL('../../catalogue/tools/', import.meta.url);
    const entries = readdirSync(dir).flatMap(
      (f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { name: string; ambiguous: boolean }[],
    );
    const ambiguous = new Set(entries.filter((e) => e.ambiguous).map((e) => slugify(e.name)));
    expect(ambiguous.size).toBeGreaterThan(400);
    const found = data.talks.flatMap((t) =>
      t.mentions.filter((m) => ambiguous.has(m.toolSlug)).map((m) => `${t.title}: ${m.toolSlug}`),
    );
    expect(found).toEqual([]);
  });
});
