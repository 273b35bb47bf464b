/**
 * @module schema/conference
 * `Conference`: an event and its talks; and the root fields
 * `conference(slug)` and `conferences(...)`.
 */
import type { ConferenceModel } from '../graph/types.js';
import { builder } from './builder.js';
import {
  ConferenceConnection,
  connectionOf,
  TalkConnection,
  ToolConnection,
  TopicConnection,
} from './connections.js';
import { loadAll, loadKnown } from './context.js';
import { textArg } from './errors.js';
import { byName, distinct, matchesText } from './order.js';
import { ConferenceRef, LinkRef, SourceRef } from './refs.js';
import { talkArgs, talkConnection } from './talkFilter.js';
import { toolArgs, toolConnection } from './toolFilter.js';

function isConference(value: unknown): value is ConferenceModel {
  return typeof value === 'object' && value !== null && 'registered' in value && 'playlistUrl' in value;
}

builder.node(ConferenceRef, {
  description: 'A conference (one edition of it): where and when, and the talks given there.',
  id: { resolve: (conference) => conference.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.conference, slugs),
  isTypeOf: isConference,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name, with the year or edition.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among conferences.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names it goes by in the notes.' }),
    year: t.int({ nullable: true, description: 'Year it took place.', resolve: (c) => c.year }),
    location: t.string({ nullable: true, description: 'City and/or country.', resolve: (c) => c.location }),
    startDate: t.string({
      nullable: true,
      description: 'First day (YYYY-MM-DD).',
      resolve: (c) => c.startDate,
    }),
    endDate: t.string({ nullable: true, description: 'Last day (YYYY-MM-DD).', resolve: (c) => c.endDate }),
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
      description: 'Links its notes cite outside any talk (its playlist, say).',
      resolve: (conference, _args, ctx) => loadKnown(ctx.loaders.link, conference.linkUrls),
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where it is defined: its registry file, or the first post about it.',
      resolve: (conference) => conference.source,
    }),
  }),
});

interface ConferenceFilterShape {
  query?: string | null;
  year?: number | null;
}

const ConferenceFilter = builder.inputRef<ConferenceFilterShape>('ConferenceFilter').implement({
  description: 'Which conferences to keep; every field given must match (AND).',
  fields: (t) => ({
    query: t.string({
      required: false,
      description:
        'Conferences whose name, slug, an alias or location contains this text (case-insensitive).',
    }),
    year: t.int({ required: false, description: 'Conferences of this year.' }),
  }),
});

const ConferenceOrder = builder.enumType('ConferenceOrder', {
  description: 'The order of a list of conferences.',
  values: {
    FILE: { value: 'FILE', description: 'As first met: registry and file path order.' },
    NAME: { value: 'NAME', description: 'By name, alphabetically.' },
    DATE: { value: 'DATE', description: 'Oldest first, by start date (else year); undated ones last.' },
    DATE_DESC: { value: 'DATE_DESC', description: 'Newest first; undated ones last.' },
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most talks first; ties by name.' },
  } as const,
});

/** Sort key of a conference's date: its start date, else its year. */
function dateKey(conference: ConferenceModel): string | null {
  return conference.startDate ?? (conference.year === null ? null : String(conference.year));
}

builder.queryFields((t) => ({
  conference: t.field({
    type: ConferenceRef,
    nullable: true,
    description:
      'The conference with this slug (or name or alias, case-insensitive); null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Slug, name or alias of the conference.' }) },
    resolve: async (_root, args, ctx) => {
      textArg('slug', args.slug);
      const slug = await ctx.loaders.resolve.conference.load(args.slug);
      return slug === null ? null : ctx.loaders.conference.load(slug);
    },
  }),
  conferences: t.field({
    type: ConferenceConnection,
    description: 'Every conference, filtered and ordered, a page at a time.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: ConferenceFilter, required: false, description: 'Which conferences to keep.' }),
      orderBy: t.arg({
        type: ConferenceOrder,
        required: false,
        defaultValue: 'FILE',
        description: 'The order of the conferences (default: as first met).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const query = textArg('filter.query', args.filter?.query);
      const year = args.filter?.year ?? null;
      const order = args.orderBy ?? 'FILE';
      let slugs = await ctx.loaders.list.load('conference');
      if (query !== '' || year !== null || order !== 'FILE') {
        const conferences = (await loadKnown(ctx.loaders.conference, slugs)).filter(
          (c) =>
            (year === null || c.year === year) &&
            matchesText(query, [c.name, c.slug, c.location, ...c.aliases]),
        );
        if (order === 'NAME') conferences.sort(byName);
        if (order === 'TALK_COUNT')
          conferences.sort((a, b) => b.talkSlugs.length - a.talkSlugs.length || byName(a, b));
        if (order === 'DATE' || order === 'DATE_DESC') {
          const sign = order === 'DATE' ? 1 : -1;
          conferences.sort((a, b) => {
            const da = dateKey(a);
            const db = dateKey(b);
            if (da === db) return 0;
            if (da === null) return 1;
            if (db === null) return -1;
            return sign * (da < db ? -1 : 1);
          });
        }
        slugs = conferences.map((c) => c.slug);
      }
      return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.conference, page));
    },
  }),
}));
