/**
 * @module schema/searchHit
 * `SearchHit`: an entity found by full-text search, with its score and a
 * snippet; `SearchType`; and the root field `search(query, types, first)`.
 */
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX } from '../graph/search.js';
import type { EntityKind } from '../graph/store.js';
import { intArg, textArg } from './args.js';
import { builder } from './builder.js';
import { loadNodeRef } from './globalIds.js';
import { SearchHitRef } from './refs.js';

const SearchType = builder.enumType('SearchType', {
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
      const hits = ctx.discovery.search.search(args.query, { types: args.types ?? undefined, limit: first });
      const nodes = await Promise.all(hits.map((hit) => loadNodeRef(ctx, hit)));
      return hits
        .map((hit, i) => ({ score: hit.score, snippet: hit.snippet, node: nodes[i] }))
        .filter((hit) => hit.node !== null && hit.node !== undefined);
    },
  }),
);
