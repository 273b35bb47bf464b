/**
 * Every fact the indexer keeps points at the file line it was read from. Most cases index the content
 * root under test/fixtures/quirks/; the rest index inline strings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';

import { fileLines, indexQuirks, lineOf } from '../helpers/quirks.js';

let data: GraphData;

beforeAll(async () => {
  data = await indexQuirks();
});

describe('provenance', () => {
  it('gives every talk a path and the line of its heading', () => {
    expect(data.talks.length).toBeGreaterThan(15);
    for (const t of data.talks) {
      const lines = fileLines(t.source.path);
      expect(t.source.line, t.slug).toBeGreaterThanOrEqual(1);
      expect(t.source.line, t.slug).toBeLessThanOrEqual(lines.length);
      expect(t.endLine, t.slug).toBeGreaterThanOrEqual(t.source.line);
      if (t.source.path === 'posts/single-talk.md') continue;
      const heading = lineOf(t.source.path, t.source.line);
      expect(heading, t.slug).toMatch(/^#{2,3} /);
      expect(heading, t.slug).toContain(t.title);
    }
  });

  it('gives every citation and link the line where its URL is written', () => {
    const where = (url: string, youtubeId: string | null) =>
      youtubeId ?? new URL(url).hostname.replace(/^www\./, '');
    for (const t of data.talks) {
      for (const c of t.citations) {
        const link = data.links.find((l) => l.url === c.url);
        expect(link, c.url).toBeDefined();
        expect(lineOf(t.source.path, c.line), `${t.slug} ${c.url}`).toContain(
          where(c.url, link?.youtubeId ?? null),
        );
        expect(c.line).toBeGreaterThan(t.source.line - (t.source.path === 'posts/single-talk.md' ? 1 : 0));
        expect(c.line).toBeLessThanOrEqual(t.endLine);
      }
    }
    for (const l of data.links) {
      expect(l.source.path).toMatch(/^posts\//);
      expect(lineOf(l.source.path, l.source.line), l.url).toContain(where(l.url, l.youtubeId));
    }
  });

  it('gives every tool mention evidence with path, line and the text of that line', () => {
    const all = data.talks.flatMap((t) => t.mentions);
    expect(all.length).toBeGreaterThan(5);
    for (const m of all) {
      expect(m.evidence.length, m.toolSlug).toBeGreaterThan(0);
      for (const e of m.evidence) {
        expect(e.path).toMatch(/^posts\//);
        expect(e.text).toBe(lineOf(e.path, e.line).trim());
      }
    }
  });
});
