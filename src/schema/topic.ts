/**
 * @module schema/topic
 * `Topic`: a subject talks are about; and the root fields `topic(name)` and
 * `topics(...)`.
 */
import type { TopicModel } from '../graph/types.js';
import { builder } from './builder.js';
import { TalkConnection, ToolConnection, TopicConnection } from './connections.js';
import { loadAll } from './context.js';
import { cutAt, firstArg, firstOf } from './listCaps.js';
import { findByName } from './lookup.js';
import { NODE_KEYS } from './nodeIds.js';
import { SourceRef, TopicRef } from './refs.js';
import { talkArgs, talkConnection } from './talkOrder.js';
import { toolArgs, toolConnection } from './toolFilter.js';
import { topicArgs, topicConnection } from './topicFilter.js';

function isTopic(value: unknown): value is TopicModel {
  return typeof value === 'object' && value !== null && 'parentSlug' in value;
}

builder.node(TopicRef, {
  description: 'A subject (security, observability...) talks are about and tools belong to.',
  id: { resolve: NODE_KEYS.Topic },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.topic, slugs),
  isTypeOf: isTopic,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among topics.' }),
    aliases: t.stringList({
      description: cutAt('Words in the notes that name it.', 'Topic.aliases'),
      args: { first: firstArg(t.arg, 'Topic.aliases') },
      resolve: (topic, args) => firstOf('Topic.aliases', topic.aliases, args.first),
    }),
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

builder.queryFields((t) => ({
  topic: t.field({
    type: TopicRef,
    nullable: true,
    description: 'The topic with this name, slug or alias (case-insensitive); null when unknown.',
    args: { name: t.arg.string({ required: true, description: 'Name, slug or alias of the topic.' }) },
    resolve: (_root, args, ctx) => findByName(ctx, 'topic', 'name', args.name),
  }),
  topics: t.field({
    type: TopicConnection,
    description: 'Every topic, filtered and ordered (default: most talks first), a page at a time.',
    args: topicArgs(t.arg),
    resolve: (_root, args, ctx) => topicConnection(ctx, args),
  }),
}));
