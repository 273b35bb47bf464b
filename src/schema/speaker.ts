/**
 * @module schema/speaker
 * `Speaker`: a person who gave talks; and the root fields `speaker(name)`
 * and `speakers(...)`.
 */
import type { SpeakerModel } from '../graph/types.js';
import { builder } from './builder.js';
import { SpeakerConnection, TalkConnection } from './connections.js';
import { loadAll } from './context.js';
import { findByName } from './lookup.js';
import { NODE_KEYS } from './nodeIds.js';
import { SpeakerRef } from './refs.js';
import { speakerArgs, speakerConnection } from './speakerFilter.js';
import { talkArgs, talkConnection } from './talkOrder.js';

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
  id: { resolve: NODE_KEYS.Speaker },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.speaker, slugs),
  isTypeOf: isSpeaker,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name, as written in the notes.' }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among speakers.' }),
    affiliation: t.exposeString('affiliation', {
      nullable: true,
      description:
        'Role or company written with the name in the notes ("VP Engineering, Acme"); null when none.',
    }),
    talks: t.field({
      type: TalkConnection,
      description: 'The talks they gave (default: as written).',
      args: talkArgs(t.arg),
      resolve: (speaker, args, ctx) => talkConnection(ctx, speaker.talkSlugs, args),
    }),
  }),
});

builder.queryFields((t) => ({
  speaker: t.field({
    type: SpeakerRef,
    nullable: true,
    description: 'The speaker with this name or slug (case-insensitive); null when unknown.',
    args: { name: t.arg.string({ required: true, description: 'Name or slug of the speaker.' }) },
    resolve: (_root, args, ctx) => findByName(ctx, 'speaker', 'name', args.name),
  }),
  speakers: t.field({
    type: SpeakerConnection,
    description: 'Every speaker, filtered and ordered (default: by name), a page at a time.',
    args: speakerArgs(t.arg),
    resolve: (_root, args, ctx) => speakerConnection(ctx, args),
  }),
}));
