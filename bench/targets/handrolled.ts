/**
 * @module bench/targets/handrolled
 * Baseline: the GraphQL server one would write by hand for the "tool with
 * talks" query: schema-first Yoga, plain resolvers over maps built once, no
 * DataLoader, limits or cache. Same data as talkgraph (the same indexer).
 */
import { createSchema, createYoga } from 'graphql-yoga';
import type { TalkModel, ToolModel } from '../../src/graph/types.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { listen } from './listen.js';

const root = process.argv[2] ?? 'content';
const { data } = await indexContent({ root });
const tools = new Map(data.tools.map((t) => [t.slug, t]));
const byName = new Map(
  data.tools.flatMap((t) => [t.slug, t.name, ...t.aliases].map((n) => [n.toLowerCase(), t])),
);
const conferences = new Map(data.conferences.map((c) => [c.slug, c]));
const talksOf = new Map<string, TalkModel[]>();
for (const talk of data.talks) {
  for (const m of talk.mentions) talksOf.set(m.toolSlug, [...(talksOf.get(m.toolSlug) ?? []), talk]);
}

const yoga = createYoga({
  schema: createSchema({
    typeDefs: `
      type Query { tool(name: String!): Tool }
      type Tool { name: String! talks(first: Int = 20): TalkConnection! }
      type TalkConnection { totalCount: Int! edges: [TalkEdge!]! }
      type TalkEdge { node: Talk! }
      type Talk { title: String! youtubeId: String conference: Conference tools: [Tool!]! }
      type Conference { name: String! }
    `,
    resolvers: {
      Query: { tool: (_: unknown, { name }: { name: string }) => byName.get(name.toLowerCase()) ?? null },
      Tool: {
        talks: (tool: ToolModel, { first }: { first: number }) => {
          const list = talksOf.get(tool.slug) ?? [];
          return { totalCount: list.length, edges: list.slice(0, first).map((node) => ({ node })) };
        },
      },
      Talk: {
        conference: (talk: TalkModel) => (talk.conferenceSlug ? conferences.get(talk.conferenceSlug) : null),
        tools: (talk: TalkModel) => talk.mentions.map((m) => tools.get(m.toolSlug)),
      },
    },
  }),
  logging: false,
  graphiql: false,
});
listen(yoga);
