/**
 * Every node type's `id` is answered at once, and is still exactly the
 * global id Pothos would give: `Typename:key` in base64, with the key its
 * type gives Pothos, and `node(id)` finds the entity again.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLInterfaceType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { NODE_KEYS } from '../../src/schema/nodeIds.js';
import { clientFor } from '../helpers/graphqlClient.js';
import { manyTalksGraph } from '../helpers/manyTalksGraph.js';

describe('node ids', () => {
  it('covers every type that implements Node', () => {
    const node = schema.getType('Node') as GraphQLInterfaceType;
    const implementations = schema.getImplementations(node).objects.map((type) => type.name);
    expect(Object.keys(NODE_KEYS).sort()).toEqual([...implementations].sort());
  });

  it("answers each type's ids as Pothos encodes them, and node(id) finds them", async () => {
    const data = manyTalksGraph(12);
    const client = clientFor(data, undefined, { responseCache: false });
    const { data: answer, errors } = await client.query(`{
      talks(first: 3) { edges { node { id slug conference { id slug } links { id url } speakers { id slug }
        tools { id slug } topics { id slug } } } }
    }`);
    expect(errors).toBeUndefined();
    const seen: [string, string, string][] = [];
    for (const { node: talk } of answer.talks.edges) {
      seen.push(['Talk', talk.id, talk.slug], ['Conference', talk.conference.id, talk.conference.slug]);
      for (const link of talk.links) seen.push(['Link', link.id, link.url]);
      for (const s of talk.speakers) seen.push(['Speaker', s.id, s.slug]);
      for (const t of talk.tools) seen.push(['Tool', t.id, t.slug]);
      for (const t of talk.topics) seen.push(['Topic', t.id, t.slug]);
    }
    expect(new Set(seen.map(([type]) => type)).size).toBe(6);
    for (const [type, id, key] of seen) {
      expect(id).toBe(encodeGlobalID(type, key));
      const found = await client.query('query ($id: ID!) { node(id: $id) { id __typename } }', { id });
      expect(found.data.node).toEqual({ id, __typename: type });
    }
  });
});
