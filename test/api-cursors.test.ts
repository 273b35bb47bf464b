/**
 * Cursors name their item (key and sort value), not its offset: a page
 * boundary holds when talks are added before it, and a cursor whose talk is
 * gone continues from where that talk would have stood. Paged search pages
 * through the same ranking as a whole list.
 */
import { decodeBase64 } from '@pothos/core';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import { clientFor, type Json } from './helpers/graphqlClient.js';
import { indexPosts } from './helpers/indexText.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

/** A post of talks "Talk A", "Talk B", … for the given letters, each with a video. */
function post(letters: string[]): GraphData {
  const sections = letters.map(
    (letter, i) =>
      `## Talk ${letter}\n\nVideo Link: https://www.youtube.com/watch?v=vid${letter}${i}xxxxxx\n`,
  );
  return indexPosts({
    'kubecon-2019.md': `---\ntitle: Notes from KubeCon 2019\n---\n\n${sections.join('\n')}`,
  });
}

function without(data: GraphData, slug: string): GraphData {
  return { ...data, talks: data.talks.filter((t) => t.slug !== slug) };
}

const PAGE = `query ($after: String, $orderBy: TalkOrder, $direction: OrderDirection) {
  talks(first: 2, after: $after, orderBy: $orderBy, direction: $direction) {
    edges { cursor node { title slug } }
    pageInfo { endCursor hasNextPage }
  }
}`;

async function page(data: GraphData, variables: Record<string, unknown>) {
  const { data: result, errors } = await clientFor(data).query(PAGE, variables);
  expect(errors).toBeUndefined();
  return result.talks;
}

const titles = (talks: Json) => talks.edges.map((e: Json) => e.node.title);

describe('cursors', () => {
  it('name their talk by key and sort value', async () => {
    const first = await page(post(['A', 'B', 'C']), {});
    const decoded = decodeBase64(first.pageInfo.endCursor);
    expect(decoded).toContain(first.edges[1].node.slug);
    expect(decoded).toContain('posts/kubecon-2019.md');
  });

  it('hold a page boundary in file order when talks are added before it', async () => {
    const first = await page(post(['A', 'B', 'C', 'D']), {});
    expect(titles(first)).toEqual(['Talk A', 'Talk B']);
    const next = await page(post(['A', 'A2', 'B', 'C', 'D']), { after: first.pageInfo.endCursor });
    expect(titles(next)).toEqual(['Talk C', 'Talk D']);
  });

  it('continue from where a talk that is gone would have stood, in file order', async () => {
    const before = post(['A', 'B', 'C', 'D', 'E']);
    const first = await page(before, {});
    const gone = first.edges[1].node.slug;
    const next = await page(without(before, gone), { after: first.pageInfo.endCursor });
    expect(titles(next)).toEqual(['Talk C', 'Talk D']);
  });

  it('continue from where a talk that is gone would have stood, by title and by date, either way', async () => {
    const data = manyTalksGraph(12);
    for (const [orderBy, direction] of [
      ['TITLE', 'ASC'],
      ['TITLE', 'DESC'],
      ['DATE', 'ASC'],
      ['DATE', 'DESC'],
    ]) {
      const whole = await clientFor(data).query(
        `query ($orderBy: TalkOrder, $direction: OrderDirection) {
          talks(first: 100, orderBy: $orderBy, direction: $direction) { edges { node { slug } } }
        }`,
        { orderBy, direction },
      );
      const all = whole.data.talks.edges.map((e: Json) => e.node.slug);
      const first = await page(data, { orderBy, direction });
      const gone = first.edges[1].node.slug;
      const next = await page(without(data, gone), { orderBy, direction, after: first.pageInfo.endCursor });
      expect(
        next.edges.map((e: Json) => e.node.slug),
        `${orderBy} ${direction}`,
      ).toEqual(all.slice(2, 4));
    }
  });

  it('page searchConnection through the whole ranking, with its total', async () => {
    const client = clientFor(manyTalksGraph(36));
    const QUERY = `query ($after: String) {
      searchConnection(query: "talk gvisor", first: 7, after: $after) {
        totalCount edges { cursor node { score node { id } } } pageInfo { endCursor hasNextPage }
      }
    }`;
    const seen: string[] = [];
    const scores: number[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const { data: result, errors } = await client.query(QUERY, { after });
      expect(errors).toBeUndefined();
      total = result.searchConnection.totalCount;
      for (const edge of result.searchConnection.edges) {
        seen.push(edge.node.node.id);
        scores.push(edge.node.score);
      }
      if (!result.searchConnection.pageInfo.hasNextPage) break;
      after = result.searchConnection.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
