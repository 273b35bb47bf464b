/**
 * Every plain list whose length depends on the content is cut at `first`,
 * and the query cost counts it at that size: a talk with 100,000 links asked
 * for thirty times answers thirty cut lists, a larger `first` is refused, and
 * thirty copies of 4 MB notes are refused by the answer-size cap. The schema
 * is walked so that a list added later without a cap fails here.
 */
import { type GraphQLOutputType, getNamedType, isListType, isNonNullType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphData } from '../src/graph/store.js';
import type { LinkModel, TalkModel } from '../src/graph/types.js';
import { schema } from '../src/schema/index.js';
import { LIST_CAPS } from '../src/schema/listCapTable.js';
import { clientFor, type Json } from './helpers/graphqlClient.js';
import { manyTalksGraph } from './helpers/manyTalksGraph.js';

const LINKS = 100_000;

/** The generated graph with its first talk citing `count` more links. */
function graphWithManyLinks(count: number): { data: GraphData; talk: TalkModel } {
  const data = manyTalksGraph(3);
  const talk = data.talks[0] as TalkModel;
  for (let i = 0; i < count; i++) {
    const url = `https://example.com/l${i}`;
    talk.citations.push({ url, label: null, line: 1000 + i });
    const link: LinkModel = {
      url,
      kind: i % 2 === 0 ? 'ARTICLE' : 'WEBSITE',
      label: null,
      host: 'example.com',
      youtubeId: null,
      talkSlugs: [talk.slug],
      conferenceSlugs: [],
      source: { path: talk.source.path, line: 1000 + i },
    };
    data.links.push(link);
  }
  return { data, talk };
}

const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('a talk citing 100,000 links', () => {
  const { data, talk } = graphWithManyLinks(LINKS);
  const client = clientFor(data, undefined, { responseCache: false });

  it('answers thirty aliases of its links with thirty lists cut at the default 100, and counts them all', async () => {
    const response = await client.query(
      aliases(30, `talk(slug: "${talk.slug}") { linkCount links { url } }`),
    );
    expect(response.errors).toBeUndefined();
    const answers = Object.values(response.data as Record<string, Json>);
    expect(answers).toHaveLength(30);
    for (const answer of answers) {
      expect(answer.links).toHaveLength(100);
      expect(answer.linkCount).toBe(LINKS + 2);
    }
    expect(JSON.stringify(response.data).length).toBeLessThan(30 * 100 * 60);
  });

  it('cuts the links of one kind at `first` too, in order', async () => {
    const response = await client.query(
      `{ talk(slug: "${talk.slug}") { links(kind: WEBSITE, first: 3) { url kind } } }`,
    );
    expect(response.data?.talk.links).toEqual([
      { url: 'https://example.com/l1', kind: 'WEBSITE' },
      { url: 'https://example.com/l3', kind: 'WEBSITE' },
      { url: 'https://example.com/l5', kind: 'WEBSITE' },
    ]);
  });

  it('refuses a `first` over the maximum, and counts a large one in the cost', async () => {
    const over = await client.query(`{ talk(slug: "${talk.slug}") { links(first: 501) { url } } }`);
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0]?.message).toMatch(/from 0 to 500/);
    // 30 × 500 links, each with a page of talks under it: far over the cost limit, refused before running.
    const costly = await client.query(
      aliases(30, `talk(slug: "${talk.slug}") { links(first: 500) { url talks(first: 1) { totalCount } } }`),
    );
    expect(costly.data ?? null).toBeNull();
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // The same with the default cut fits.
    const fits = await client.query(
      aliases(30, `talk(slug: "${talk.slug}") { links { url talks(first: 1) { totalCount } } }`),
    );
    expect(fits.errors).toBeUndefined();
  });
});

describe('a talk with 4 MB of notes', () => {
  it('refuses thirty aliases of its notes with the shipped answer-size cap, and answers one', async () => {
    const data = manyTalksGraph(3);
    const talk = data.talks[0] as TalkModel;
    talk.notes = 'n'.repeat(4 * 1024 * 1024);
    const client = clientFor(data, undefined, { responseCache: false });
    const refused = await client.query(aliases(30, `talk(slug: "${talk.slug}") { notes }`));
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(refused.errors?.[0]?.message).toContain(String(16 * 1024 * 1024));
    const one = await client.query(`{ talk(slug: "${talk.slug}") { notes } }`);
    expect(one.data?.talk.notes).toHaveLength(4 * 1024 * 1024);
  });
});

/** Lists of the schema that are not plain lists of the content, each with why. */
const NOT_CAPPED: Record<string, string> = {
  'Query.nodes': 'as many as ids given, at most 100',
  'Query.search': 'its own `first`, at most 50',
  'Subgraph.nodes': 'neighborhood `limit`, at most 500',
  'Subgraph.edges': 'cut at 10 per entity of the neighbourhood',
  'GraphPath.steps': 'path `maxDepth`, at most 10',
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

describe('the schema', () => {
  it('gives every plain list a `first` with its cap, outside pages and a few bounded lists', () => {
    const uncapped: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isList(field.type)) continue;
        const key = `${type.name}.${field.name}`;
        if (type.name.endsWith('Connection') && field.name === 'edges') continue;
        if (key in NOT_CAPPED) continue;
        const cap = (LIST_CAPS as Record<string, { default: number; max: number }>)[key];
        const first = field.args.find((arg) => arg.name === 'first');
        if (cap === undefined || first === undefined || first.defaultValue !== cap.default) {
          uncapped.push(`${key} (${getNamedType(field.type).name})`);
        }
      }
    }
    expect(uncapped).toEqual([]);
  });

  it('cuts every capped list a graph makes longer than its default, and refuses a `first` over its maximum', async () => {
    const data = manyTalksGraph(3);
    const talk = data.talks[0] as TalkModel;
    const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
    const tool = data.tools[0];
    const topic = data.topics[0];
    if (tool === undefined || topic === undefined)
      throw new Error('the generated graph has tools and topics');
    tool.aliases = many(150, (i) => `tool alias ${i}`);
    topic.aliases = many(150, (i) => `topic alias ${i}`);
    const mention = talk.mentions[0];
    if (mention === undefined) throw new Error('the first talk mentions a tool');
    mention.evidence = many(150, (i) => ({ path: talk.source.path, line: i + 1, text: `line ${i}` }));
    const client = clientFor(data, undefined, { responseCache: false });
    const response = await client.query(`{
      tool(name: "${tool.slug}") { aliases }
      topic(name: "${topic.slug}") { aliases }
      talk(slug: "${talk.slug}") { toolMentions { evidence { line } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.tool.aliases).toHaveLength(LIST_CAPS['Tool.aliases'].default);
    expect(response.data.topic.aliases).toHaveLength(LIST_CAPS['Topic.aliases'].default);
    expect(response.data.talk.toolMentions[0].evidence).toHaveLength(
      LIST_CAPS['ToolMention.evidence'].default,
    );
    const over = await client.query(`{ tool(name: "${tool.slug}") { aliases(first: 101) } }`);
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
