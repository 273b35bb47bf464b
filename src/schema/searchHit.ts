/**
 * @module schema/searchHit
 * `SearchHit`: an entity found by full-text search, with its score and a
 * snippet; `SearchType`; and the root fields `search(query, types, first)`
 * and `searchConnection(query, types, first, after)`, which page through
 * the same ranking with a total. Snippets are made for the page only.
 */
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, type SearchMatch } from '../graph/search.js';
import type { EntityKind } from '../graph/store.js';
import { intArg, textArg } from './args.js';
import { builder } from './builder.js';
import { connectionOf, type ListOrder } from './connections.js';
import type { GraphContext } from './context.js';
import { loadNodeRef } from './globalIds.js';
import { SearchHitRef, type SearchHitShape } from './refs.js';

export const SearchType = builder.enumType('SearchType', {
  description: 'A kind of entity that search can return.',
  values: {
    TALK: { value: 'talk', description: 'Talks: title, speakers, tools and topics, conference and notes.' },
    TOOL: { value: 'tool', description: 'Tools: name, aliases, topics and description.' },
    CONFERENCE: { value: 'conference', description: 'Conferences: name, aliases, location and year.' },
    TOPIC: { value: 'topic', description: 'Topics: name, aliases and parent topic.' },
    SPEAKER: { value: 'speaker', description: 'Speakers: name and the titles of their talks.' },
    LINK: { value: 'link', description: 'Links: label, host and URL.' },
  } as const satisfies Record<string, { value: EntityKind; description: string }>,
});

SearchHitRef.implement({
  description: 'An entity that matches a search, with how well and the text that matched.',
  fields: (t) => ({
    score: t.exposeFloat('score', {
      description: 'Relevance, above zero: higher is better; only comparable within one search.',
    }),
    snippet: t.exposeString('snippet', {
      description:
        'At most 160 characters of the text that matched best, matched words wrapped in « and », … where the text was cut.',
    }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The entity found: a Talk, Tool, Conference, Topic, Speaker or Link.',
      resolve: (hit) => hit.node,
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Entities matching the words of a query, best first: ranked by relevance, tolerant of typos ("gvisr" finds gVisor) and of unfinished words.',
    args: {
      query: t.arg.string({ required: true, description: 'The words to look for (at most 200 characters).' }),
      types: t.arg({
        type: [SearchType],
        required: false,
        description: 'Only entities of these kinds (default: every kind).',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: SEARCH_LIMIT_DEFAULT,
        description: `How many hits: 1 to ${SEARCH_LIMIT_MAX}, default ${SEARCH_LIMIT_DEFAULT}.`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      textArg('query', args.query);
      const first = intArg('first', args.first ?? SEARCH_LIMIT_DEFAULT, 1, SEARCH_LIMIT_MAX);
      const hits = (await ctx.store.search(args.query, args.types ?? undefined)).slice(0, first);
      const loaded = await searchHits(ctx, args.query, hits);
      return loaded.filter((hit): hit is SearchHitShape => hit !== null);
    },
  }),
);

/** The hits of a query with their snippets and entities; hits whose entity the store lacks are left out. */
async function searchHits(
  ctx: GraphContext,
  query: string,
  matches: readonly SearchMatch[],
): Promise<(SearchHitShape | null)[]> {
  const [snippets, nodes] = await Promise.all([
    ctx.store.snippets(query, matches),
    Promise.all(matches.map((match) => loadNodeRef(ctx, match))),
  ]);
  return matches.map((match, i) => {
    const node = nodes[i];
    return node === null || node === undefined
      ? null
      : { score: match.score, snippet: snippets[i] ?? '', node };
  });
}

/** Ranked hits keep their place by score, then by kind and key, for cursors. */
function rankOrder(matches: readonly SearchMatch[]): ListOrder {
  const byId = new Map<string, SearchMatch>(matches.map((m) => [`${m.kind}:${m.key}`, m]));
  return {
    keys: [{ direction: -1 }, { direction: 1 }],
    values: async (ids) => ids.map((id) => [byId.get(id)?.score ?? null, id]),
  };
}

export const SearchHitConnection = builder.connectionObject(
  { type: SearchHitRef, name: 'SearchHitConnection', description: 'A page of search hits, best first.' },
  { name: 'SearchHitEdge', description: 'A search hit in a page of hits.' },
);

builder.queryField('searchConnection', (t) =>
  t.field({
    type: SearchHitConnection,
    description:
      'Entities matching the words of a query, best first, a page at a time with the total: the ranking of `search`, which `talks(filter: { query })` shares.',
    args: {
      ...t.arg.connectionArgs(),
      query: t.arg.string({ required: true, description: 'The words to look for (at most 200 characters).' }),
      types: t.arg({
        type: [SearchType],
        required: false,
        description: 'Only entities of these kinds (default: every kind).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      textArg('query', args.query);
      const matches = await ctx.store.search(args.query, args.types ?? undefined);
      const order = rankOrder(matches);
      const page = await connectionOf(matches, args, (page) => searchHits(ctx, args.query, page), {
        keyOf: (m) => `${m.kind}:${m.key}`,
        order,
      });
      return page;
    },
  }),
);
