import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics.js';
import type { GraphChangeModel } from '../../src/schema/context.js';
import { createGraphServices } from '../../src/schema/context.js';
import { createTalkgraphYoga } from '../../src/server/yoga.js';
import { manyTalksGraph } from '../helpers/manyTalksGraph.js';

/** The first event of a `graphChanged` subscription, over server-sent events, from a source pushing `change`. */
async function firstEvent(change: GraphChangeModel, selection: string) {
  const data = manyTalksGraph(2);
  const changes = {
    async *subscribe() {
      yield change;
    },
  };
  const yoga = createTalkgraphYoga({
    services: createGraphServices(data, undefined, { version: 1, changes }),
  });
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: `subscription { graphChanged { ${selection} } }` }),
  });
  const text = await response.text();
  const line = text.split('\n').find((l) => l.startsWith('data: '));
  if (line === undefined) throw new Error(`no event in ${text.slice(0, 200)}`);
  return JSON.parse(line.slice('data: '.length)).data.graphChanged;
}

describe('a graph change touching many files', () => {
  const change: GraphChangeModel = {
    version: 2,
    changedPaths: Array.from({ length: 1500 }, (_, i) => `posts/p${i}.md`),
    diagnostics: Array.from({ length: 150 }, (_, i) =>
      diagnostic('EXTRACTION_FAILED', `posts/p${i}.md`, 1, 'broken'),
    ),
  };

  it('pushes its paths and diagnostics cut at their defaults, with the number of files beside them', async () => {
    const event = await firstEvent(change, 'version changedCount changedPaths diagnostics { path }');
    expect(event.version).toBe(2);
    expect(event.changedCount).toBe(1500);
    expect(event.changedPaths).toHaveLength(1000);
    expect(event.changedPaths[0]).toBe('posts/p0.md');
    expect(event.diagnostics).toHaveLength(100);
  });

  it('pushes as many as the subscriber asks for, up to the maximum', async () => {
    const event = await firstEvent(change, 'changedPaths(first: 1500) diagnostics(first: 3) { path }');
    expect(event.changedPaths).toHaveLength(1500);
    expect(event.diagnostics).toHaveLength(3);
  });
});
