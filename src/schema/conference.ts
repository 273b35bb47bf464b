/**
 * @module schema/conference
 * `Conference`: an event and its talks; and the root fields
 * `conference(slug)` and `conferences(...)`.
 */
import type { ConferenceModel } from '../graph/types.js';
import { builder } from './builder.js';
import { conferenceArgs, conferenceConnection } from './conferenceFilter.js';
import {
  ConferenceConnection,
  connectionOf,
  TalkConnection,
  ToolConnection,
  TopicConnection,
} from './connections.js';
import { loadAll, loadKnown } from './context.js';
import { dayOf } from './dates.js';
import { capOf, cutAt, firstArg, firstKnown, firstOf } from './listCaps.js';
import { findByName } from './lookup.js';
import { NODE_KEYS } from './nodeIds.js';
import { distinct } from './order.js';
import { ConferenceRef, LinkRef, SourceRef } from './refs.js';
import { talkArgs, talkConnection } from './talkOrder.js';
import { toolArgs, toolConnection } from './toolFilter.js';

function isConference(value: unknown): value is ConferenceModel {
  return typeof value === 'object' && value !== null && 'registered' in value && 'playlistUrl' in value;
}

builder.node(ConferenceRef, {
  description: 'A conference (one edition of it): where and when, and the talks given there.',
  id: { resolve: NODE_KEYS.Conference },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.conference, slugs),
  isTypeOf: isConference,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name, with the year or edition.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among conferences.' }),
    aliases: t.stringList({
      description: cutAt('Other names it goes by in the notes.', 'Conference.aliases'),
      args: { first: firstArg(t.arg, 'Conference.aliases') },
      resolve: (conference, args) => firstOf('Conference.aliases', conference.aliases, args.first),
    }),
    year: t.int({ nullable: true, description: 'Year it took place.', resolve: (c) => c.year }),
    location: t.string({ nullable: true, description: 'City and/or country.', resolve: (c) => c.location }),
    startDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'First day, when known.',
      resolve: (c) => dayOf(c.startDate),
    }),
    endDate: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day, when known.',
      resolve: (c) => dayOf(c.endDate),
    }),
    url: t.string({ nullable: true, description: 'Its website.', resolve: (c) => c.url }),
    playlistUrl: t.string({
      nullable: true,
      description: 'The playlist of its recorded talks.',
      resolve: (c) => c.playlistUrl,
    }),
    registered: t.exposeBoolean('registered', {
      description: 'True when defined in the `conferences/` registry, false when inferred from the notes.',
    }),
    talks: t.field({
      type: TalkConnection,
      description: 'The talks given there (default: as written).',
      args: talkArgs(t.arg),
      resolve: (conference, args, ctx) => talkConnection(ctx, conference.talkSlugs, args),
    }),
    tools: t.field({
      type: ToolConnection,
      description: 'The tools its talks mention (default: most mentioned first).',
      args: toolArgs(t.arg),
      resolve: async (conference, args, ctx) => {
        const talks = await loadKnown(ctx.loaders.talk, conference.talkSlugs);
        const slugs = distinct(talks.flatMap((talk) => talk.mentions.map((m) => m.toolSlug)));
        return toolConnection(ctx, slugs, args);
      },
    }),
    topics: t.field({
      type: TopicConnection,
      description: 'The topics of its talks, in order of first appearance.',
      args: t.arg.connectionArgs(),
      resolve: async (conference, args, ctx) => {
        const talks = await loadKnown(ctx.loaders.talk, conference.talkSlugs);
        const slugs = distinct(talks.flatMap((talk) => talk.topicSlugs));
        return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.topic, page));
      },
    }),
    links: t.field({
      type: [LinkRef],
      description: cutAt('Links its notes cite outside any talk (its playlist, say).', 'Conference.links'),
      args: { first: firstArg(t.arg, 'Conference.links') },
      resolve: (conference, args, ctx) =>
        firstKnown(ctx.loaders.link, conference.linkUrls, capOf('Conference.links', args.first)),
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where it is defined: its registry file, or the first post about it.',
      resolve: (conference) => conference.source,
    }),
  }),
});

builder.queryFields((t) => ({
  conference: t.field({
    type: ConferenceRef,
    nullable: true,
    description:
      'The conference with this slug (or name or alias, case-insensitive); null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Slug, name or alias of the conference.' }) },
    resolve: (_root, args, ctx) => findByName(ctx, 'conference', 'slug', args.slug),
  }),
  conferences: t.field({
    type: ConferenceConnection,
    description: 'Every conference, filtered and ordered, a page at a time.',
    args: conferenceArgs(t.arg),
    resolve: (_root, args, ctx) => conferenceConnection(ctx, args),
  }),
}));
