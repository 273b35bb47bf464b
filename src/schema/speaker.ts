/**
 * @module schema/speaker
 * `Speaker`: a person who gave talks; and the root fields `speaker(name)`
 * and `speakers(...)`.
 */
import type { SpeakerModel } from '../graph/types.js';
import { builder } from './builder.js';
import { connectionOf, SpeakerConnection, TalkConnection } from './connections.js';
import { loadAll, loadKnown } from './context.js';
import { textArg } from './errors.js';
import { byName, matchesText } from './order.js';
import { SpeakerRef } from './refs.js';
import { talkArgs, talkConnection } from './talkFilter.js';

function isSpeaker(value: unknown): value is SpeakerModel {
  return (
    typeof value === 'object' &&
    value !== null &&
    'talkSlugs' in value &&
    !('url' in value) &&
    !('registered' in value)
  );
}

builder.node(SpeakerRef, {
  description: 'A person who gave talks, as named in the notes.',
  id: { resolve: (speaker) => speaker.slug },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.speaker, slugs),
  isTypeOf: isSpeaker,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name, as written in the notes.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among speakers.' }),
    talks: t.field({
      type: TalkConnection,
      description: 'The talks they gave (default: as written).',
      args: talkArgs(t.arg),
      resolve: (speaker, args, ctx) => talkConnection(ctx, speaker.talkSlugs, args),
    }),
  }),
});

interface SpeakerFilterShape {
  query?: string | null;
}

const SpeakerFilter = builder.inputRef<SpeakerFilterShape>('SpeakerFilter').implement({
  description: 'Which speakers to keep.',
  fields: (t) => ({
    query: t.string({
      required: false,
      description: 'Speakers whose name contains this text (case-insensitive).',
    }),
  }),
});

const SpeakerOrder = builder.enumType('SpeakerOrder', {
  description: 'The order of a list of speakers.',
  values: {
    NAME: { value: 'NAME', description: 'By name, alphabetically.' },
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most talks first; ties by name.' },
  } as const,
});

builder.queryFields((t) => ({
  speaker: t.field({
    type: SpeakerRef,
    nullable: true,
    description: 'The speaker with this name or slug (case-insensitive); null when unknown.',
    args: { name: t.arg.string({ required: true, description: 'Name or slug of the speaker.' }) },
    resolve: async (_root, args, ctx) => {
      textArg('name', args.name);
      const slug = await ctx.loaders.resolve.speaker.load(args.name);
      return slug === null ? null : ctx.loaders.speaker.load(slug);
    },
  }),
  speakers: t.field({
    type: SpeakerConnection,
    description: 'Every speaker, filtered and ordered (default: by name), a page at a time.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: SpeakerFilter, required: false, description: 'Which speakers to keep.' }),
      orderBy: t.arg({
        type: SpeakerOrder,
        required: false,
        defaultValue: 'NAME',
        description: 'The order of the speakers (default: by name).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const query = textArg('filter.query', args.filter?.query);
      const speakers = (await loadKnown(ctx.loaders.speaker, await ctx.loaders.list.load('speaker'))).filter(
        (speaker) => matchesText(query, [speaker.name, speaker.slug]),
      );
      if ((args.orderBy ?? 'NAME') === 'TALK_COUNT') {
        speakers.sort((a, b) => b.talkSlugs.length - a.talkSlugs.length || byName(a, b));
      } else {
        speakers.sort(byName);
      }
      return connectionOf(
        speakers.map((speaker) => speaker.slug),
        args,
        (page) => loadAll(ctx.loaders.speaker, page),
      );
    },
  }),
}));
