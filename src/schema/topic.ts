/**
 * @module schema/topic
 * `Topic`: a subject talks are about; and the root fields `topic(name)` and
 * `topics(...)`.
 */
import type { TopicModel } from '../graph/types.js';
import { builder } from './builder.js';
import { connectionOf, TalkConnection, ToolConnection, TopicConnection } from './connections.js';
import { loadAll, loadKnown } from './context.js';
import { textArg } from './errors.js';
import { byName, matchesText } from './order.js';
import { SourceRef, TopicRef } from './refs.js';
import { talkArgs, talkConnection } from './talkFilter.js';
import { toolArgs, toolConnection } from './toolFilter.js';

function isTopic(value: unknown): value is TopicModel {
  return typeof value === 'object' && value !== null && 'parentSlug' in value;
}

builder.node(TopicRef, {
  description: 'A subject (security, observability...) talks are about and tools belong to.',
  id: { resolve: (topic) => topic.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.topic, slugs),
  isTypeOf: isTopic,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among topics.' }),
    aliases: t.exposeStringList('aliases', { description: 'Words in the notes that name it.' }),
    parent: t.field({
      type: TopicRef,
      nullable: true,
      description: 'The broader topic it belongs to, if any.',
      resolve: (topic, _args, ctx) =>
        topic.parentSlug === null ? null : ctx.loaders.topic.load(topic.parentSlug),
    }),
    talks: t.field({
      type: TalkConnection,
      description: 'The talks about it (default: as written).',
      args: talkArgs(t.arg),
      resolve: async (topic, args, ctx) =>
        talkConnection(ctx, await ctx.loaders.talksOfTopic.load(topic.slug), args),
    }),
    tools: t.field({
      type: ToolConnection,
      description: 'The tools carrying it, directly or through their talks (default: most mentioned first).',
      args: toolArgs(t.arg),
      resolve: async (topic, args, ctx) =>
        toolConnection(ctx, await ctx.loaders.toolsOfTopic.load(topic.slug), args),
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description:
        'Where it is defined: its registry file or the first post tagging it; null when only inferred.',
      resolve: (topic) => topic.source,
    }),
  }),
});

interface TopicFilterShape {
  query?: string | null;
}

const TopicFilter = builder.inputRef<TopicFilterShape>('TopicFilter').implement({
  description: 'Which topics to keep.',
  fields: (t) => ({
    query: t.string({
      required: false,
      description: 'Topics whose name, slug or an alias contains this text (case-insensitive).',
    }),
  }),
});

const TopicOrder = builder.enumType('TopicOrder', {
  description: 'The order of a list of topics.',
  values: {
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most talks first; ties by name.' },
    NAME: { value: 'NAME', description: 'By name, alphabetically.' },
  } as const,
});

builder.queryFields((t) => ({
  topic: t.field({
    type: TopicRef,
    nullable: true,
    description: 'The topic with this name, slug or alias (case-insensitive); null when unknown.',
    args: { name: t.arg.string({ required: true, description: 'Name, slug or alias of the topic.' }) },
    resolve: async (_root, args, ctx) => {
      textArg('name', args.name);
      const slug = await ctx.loaders.resolve.topic.load(args.name);
      return slug === null ? null : ctx.loaders.topic.load(slug);
    },
  }),
  topics: t.field({
    type: TopicConnection,
    description: 'Every topic, filtered and ordered (default: most talks first), a page at a time.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: TopicFilter, required: false, description: 'Which topics to keep.' }),
      orderBy: t.arg({
        type: TopicOrder,
        required: false,
        defaultValue: 'TALK_COUNT',
        description: 'The order of the topics (default: most talks first).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const query = textArg('filter.query', args.filter?.query);
      const slugs = await ctx.loaders.list.load('topic');
      const [topics, talkLists] = await Promise.all([
        loadKnown(ctx.loaders.topic, slugs),
        loadAll(ctx.loaders.talksOfTopic, slugs),
      ]);
      const count = new Map(slugs.map((slug, i) => [slug, talkLists[i]?.length ?? 0] as const));
      const selected = topics.filter((topic) =>
        matchesText(query, [topic.name, topic.slug, ...topic.aliases]),
      );
      if ((args.orderBy ?? 'TALK_COUNT') === 'TALK_COUNT') {
        selected.sort((a, b) => (count.get(b.slug) ?? 0) - (count.get(a.slug) ?? 0) || byName(a, b));
      } else {
        selected.sort(byName);
      }
      return connectionOf(
        selected.map((topic) => topic.slug),
        args,
        (page) => loadAll(ctx.loaders.topic, page),
      );
    },
  }),
}));
