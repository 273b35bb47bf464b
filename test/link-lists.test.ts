/**
 * The links of a page of talks load as whole lists: one store call for
 * every talk's links, each talk's links in the order its notes cite them,
 * each once, and a `kind` filter or a smaller `first` still cuts them.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/graph/store.js';
import { clientFor, countingStore } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

describe('links of a page of talks', () => {
  const data = manyTalksGraph(24);

  it('loads every talk’s links in one store call, in citation order, each once', async () => {
    const counter = countingStore(new MemoryStore(data));
    const client = clientFor(data, counter.store, { responseCache: false });
    const { data: answer, errors } = await client.query(
      '{ talks(first: 10) { edges { node { slug linkCount links { url } } } } }',
    );
    expect(errors).toBeUndefined();
    expect(counter.calls.links).toBe(1);
    for (const { node } of answer.talks.edges) {
      const talk = data.talks.find((t) => t.slug === node.slug);
      const cited = [...new Set(talk?.citations.map((c) => c.url))];
      expect(node.links.map((l: { url: string }) => l.url)).toEqual(cited);
      expect(node.linkCount).toBe(cited.length);
    }
    expect(answer.talks.edges.some((e: { node: { links: unknown[] } }) => e.node.links.length > 1)).toBe(
      true,
    );
  });

  it('still cuts the links at `first` and keeps only the asked kind', async () => {
    const client = clientFor(data, undefined, { responseCache: false });
    const { data: answer } = await client.query(
      '{ talks(first: 10) { edges { node { all: links { url kind } one: links(first: 1) { url } } } } }',
    );
    for (const { node } of answer.talks.edges) {
      expect(node.one).toEqual(node.all.slice(0, 1).map((l: { url: string }) => ({ url: l.url })));
    }
    const kinds = new Set<string>(
      answer.talks.edges.flatMap((e: { node: { all: { kind: string }[] } }) => e.node.all.map((l) => l.kind)),
    );
    for (const kind of kinds) {
      const { data: only } = await client.query(
        'query ($kind: LinkKind) { talks(first: 10) { edges { node { links(kind: $kind) { kind } } } } }',
        { kind },
      );
      for (const { node } of only.talks.edges) for (const link of node.links) expect(link.kind).toBe(kind);
    }
  });
});
