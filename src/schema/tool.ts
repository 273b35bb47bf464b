/**
 * @module schema/tool
 * `Tool`: a project or product the talks mention; and the root fields
 * `tool(name)` and `tools(...)`.
 */
import { toolsSharingTalks } from '../graph/related.js';
import type { ToolModel } from '../graph/types.js';
import { builder } from './builder.js';
import { ConferenceConnection, connectionOf, TalkConnection, ToolConnection } from './connections.js';
import { loadAll, loadKnown } from './context.js';
import { capOf, cutAt, firstArg, firstKnown, firstOf } from './listCaps.js';
import { findByName } from './lookup.js';
import { NODE_KEYS } from './nodeIds.js';
import { byName, distinct } from './order.js';
import { SourceRef, ToolRef, TopicRef } from './refs.js';
import { talkArgs, talkConnection } from './talkOrder.js';
import { toolArgs, toolConnection } from './toolFilter.js';
import { ToolSource } from './toolSource.js';

function isTool(value: unknown): value is ToolModel {
  return typeof value === 'object' && value !== null && 'origin' in value && 'caseSensitive' in value;
}

builder.node(ToolRef, {
  description: 'A project or product (gVisor, Prometheus, Draft...) and the talks that mention it.',
  id: { resolve: NODE_KEYS.Tool },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.tool, slugs),
  isTypeOf: isTool,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, as the project spells it.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among tools.' }),
    aliases: t.stringList({
      description: cutAt('Other names the notes may use for it.', 'Tool.aliases'),
      args: { first: firstArg(t.arg, 'Tool.aliases') },
      resolve: (tool, args) => firstOf('Tool.aliases', tool.aliases, args.first),
    }),
    description: t.string({
      nullable: true,
      description: 'What it is, in a sentence or two.',
      resolve: (tool) => tool.description,
    }),
    repositoryUrl: t.string({
      nullable: true,
      description: 'Its source repository.',
      resolve: (tool) => tool.repositoryUrl,
    }),
    websiteUrl: t.string({ nullable: true, description: 'Its website.', resolve: (tool) => tool.websiteUrl }),
    inferred: t.exposeBoolean('inferred', {
      description:
        'True when known only from a repository link in the notes, not from the catalogue or registry.',
    }),
    source: t.field({
      type: ToolSource,
      description: 'Where its definition came from.',
      resolve: (tool) => tool.origin,
    }),
    definition: t.field({
      type: SourceRef,
      nullable: true,
      description:
        "The file and line defining it: its registry file, its entry in talkgraph's `catalogue/`, or for an inferred tool the talk that first linked it.",
      resolve: (tool) => tool.source,
    }),
    talks: t.field({
      type: TalkConnection,
      description: 'The talks mentioning it (default: as written).',
      args: talkArgs(t.arg),
      resolve: async (tool, args, ctx) =>
        talkConnection(ctx, await ctx.loaders.talksOfTool.load(tool.slug), args),
    }),
    talkCount: t.int({
      description: 'How many talks mention it.',
      resolve: async (tool, _args, ctx) => (await ctx.loaders.talksOfTool.load(tool.slug)).length,
    }),
    conferences: t.field({
      type: ConferenceConnection,
      description: 'The conferences where talks mentioned it, in order of first mention.',
      args: t.arg.connectionArgs(),
      resolve: async (tool, args, ctx) => {
        const talks = await loadKnown(ctx.loaders.talk, await ctx.loaders.talksOfTool.load(tool.slug));
        const slugs = distinct(
          talks.map((talk) => talk.conferenceSlug).filter((s): s is string => s !== null),
        );
        return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.conference, page));
      },
    }),
    topics: t.field({
      type: [TopicRef],
      description: cutAt('The topics it belongs to, as its definition says.', 'Tool.topics'),
      args: { first: firstArg(t.arg, 'Tool.topics') },
      resolve: (tool, args, ctx) =>
        firstKnown(ctx.loaders.topic, tool.topics, capOf('Tool.topics', args.first)),
    }),
    relatedTools: t.field({
      type: [ToolRef],
      description: 'Tools mentioned by the same talks, most shared talks first (ties by name).',
      args: { first: firstArg(t.arg, 'Tool.relatedTools') },
      resolve: async (tool, args, ctx) => {
        const first = capOf('Tool.relatedTools', args.first);
        const talks = await loadKnown(ctx.loaders.talk, await ctx.loaders.talksOfTool.load(tool.slug));
        const shared = toolsSharingTalks(tool.slug, talks);
        const others = await loadKnown(ctx.loaders.tool, [...shared.keys()]);
        others.sort((a, b) => (shared.get(b.slug) ?? 0) - (shared.get(a.slug) ?? 0) || byName(a, b));
        return others.slice(0, first);
      },
    }),
  }),
});

builder.queryFields((t) => ({
  tool: t.field({
    type: ToolRef,
    nullable: true,
    description:
      'The tool with this name, slug or alias (case-insensitive: "gvisor" finds gVisor); null when unknown.',
    args: { name: t.arg.string({ required: true, description: 'Name, slug or alias of the tool.' }) },
    resolve: (_root, args, ctx) => findByName(ctx, 'tool', 'name', args.name),
  }),
  tools: t.field({
    type: ToolConnection,
    description: 'Every known tool, filtered and ordered (default: most mentioned first), a page at a time.',
    args: toolArgs(t.arg),
    resolve: (_root, args, ctx) => toolConnection(ctx, null, args),
  }),
}));
