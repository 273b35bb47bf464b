/**
 * @module schema/topicFilter
 * `TopicFilter` and `TopicOrder` of the root `topics` list: which topics it
 * keeps, in which order, and the page it returns.
 */
import type { ArgBuilder } from '@pothos/core';
import { textArg } from './args.js';
import { builder, type Types } from './builder.js';
import { connectionOf, type PageArgs } from './connections.js';
import { type GraphContext, loadAll, loadKnown } from './context.js';
import { byName, matchesText } from './order.js';
import { directionArg, type OrderDirectionValue } from './orderDirection.js';

export interface TopicFilterShape {
  query?: string | null;
}

export const TopicFilter = builder.inputRef<TopicFilterShape>('TopicFilter').implement({
  description: 'Which topics to keep.',
  fields: (t) => ({
    query: t.string({
      required: false,
      description: 'Topics whose name, slug or an alias contains this text (case-insensitive).',
    }),
  }),
});

export const TopicOrder = builder.enumType('TopicOrder', {
  description: 'The order of a list of topics.',
  values: {
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most talks first; ties by name.' },
    NAME: { value: 'NAME', description: 'By name, alphabetically.' },
  } as const,
});

export type TopicOrderValue = 'TALK_COUNT' | 'NAME';

/** The arguments of the list of topics. */
export function topicArgs(arg: ArgBuilder<Types>) {
  return {
    ...arg.connectionArgs(),
    filter: arg({ type: TopicFilter, required: false, description: 'Which topics to keep.' }),
    orderBy: arg({
      type: TopicOrder,
      required: false,
      defaultValue: 'TALK_COUNT',
      description: 'The order of the topics (default: most talks first).',
    }),
    direction: directionArg(arg),
  };
}

export interface TopicListArgs extends PageArgs {
  filter?: TopicFilterShape | null;
  orderBy?: TopicOrderValue | null;
  direction?: OrderDirectionValue | null;
}

/** Slugs of the topics a filter allows, in the requested order (default: most talks first). */
export async function selectTopics(
  ctx: GraphContext,
  filter: TopicFilterShape | null | undefined,
  orderBy: TopicOrderValue | null | undefined,
): Promise<string[]> {
  const query = textArg('filter.query', filter?.query);
  const slugs = await ctx.loaders.list.load('topic');
  const [topics, talkLists] = await Promise.all([
    loadKnown(ctx.loaders.topic, slugs),
    loadAll(ctx.loaders.talksOfTopic, slugs),
  ]);
  const count = new Map(slugs.map((slug, i) => [slug, talkLists[i]?.length ?? 0] as const));
  const selected = topics.filter((topic) => matchesText(query, [topic.name, topic.slug, ...topic.aliases]));
  if ((orderBy ?? 'TALK_COUNT') === 'TALK_COUNT') {
    selected.sort((a, b) => (count.get(b.slug) ?? 0) - (count.get(a.slug) ?? 0) || byName(a, b));
  } else {
    selected.sort(byName);
  }
  return selected.map((topic) => topic.slug);
}

/** A page of the topics the arguments select. */
export async function topicConnection(ctx: GraphContext, args: TopicListArgs) {
  const slugs = await selectTopics(ctx, args.filter, args.orderBy);
  if (args.direction === 'DESC') slugs.reverse();
  return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.topic, page));
}
