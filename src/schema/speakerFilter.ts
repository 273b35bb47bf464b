/**
 * @module schema/speakerFilter
 * `SpeakerFilter` and `SpeakerOrder` of the root `speakers` list: which speakers it
 * keeps, in which order, and the page it returns.
 */
import type { ArgBuilder } from '@pothos/core';
import { textArg } from './args.js';
import { builder, type Types } from './builder.js';
import { connectionOf, type PageArgs } from './connections.js';
import { type GraphContext, loadAll, loadKnown } from './context.js';
import { byName, matchesText } from './order.js';
import { directionArg, type OrderDirectionValue } from './orderDirection.js';

export interface SpeakerFilterShape {
  query?: string | null;
}

export const SpeakerFilter = builder.inputRef<SpeakerFilterShape>('SpeakerFilter').implement({
  description: 'Which speakers to keep.',
  fields: (t) => ({
    query: t.string({
      required: false,
      description: 'Speakers whose name contains this text (case-insensitive).',
    }),
  }),
});

export const SpeakerOrder = builder.enumType('SpeakerOrder', {
  description: 'The order of a list of speakers.',
  values: {
    NAME: { value: 'NAME', description: 'By name, alphabetically.' },
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most talks first; ties by name.' },
  } as const,
});

export type SpeakerOrderValue = 'NAME' | 'TALK_COUNT';

/** The arguments of the list of speakers. */
export function speakerArgs(arg: ArgBuilder<Types>) {
  return {
    ...arg.connectionArgs(),
    filter: arg({ type: SpeakerFilter, required: false, description: 'Which speakers to keep.' }),
    orderBy: arg({
      type: SpeakerOrder,
      required: false,
      defaultValue: 'NAME',
      description: 'The order of the speakers (default: by name).',
    }),
    direction: directionArg(arg),
  };
}

export interface SpeakerListArgs extends PageArgs {
  filter?: SpeakerFilterShape | null;
  orderBy?: SpeakerOrderValue | null;
  direction?: OrderDirectionValue | null;
}

/** Slugs of the speakers a filter allows, in the requested order (default: by name). */
export async function selectSpeakers(
  ctx: GraphContext,
  filter: SpeakerFilterShape | null | undefined,
  orderBy: SpeakerOrderValue | null | undefined,
): Promise<string[]> {
  const query = textArg('filter.query', filter?.query);
  const speakers = (await loadKnown(ctx.loaders.speaker, await ctx.loaders.list.load('speaker'))).filter(
    (speaker) => matchesText(query, [speaker.name, speaker.slug]),
  );
  if ((orderBy ?? 'NAME') === 'TALK_COUNT') {
    speakers.sort((a, b) => b.talkSlugs.length - a.talkSlugs.length || byName(a, b));
  } else {
    speakers.sort(byName);
  }
  return speakers.map((speaker) => speaker.slug);
}

/** A page of the speakers the arguments select. */
export async function speakerConnection(ctx: GraphContext, args: SpeakerListArgs) {
  const slugs = await selectSpeakers(ctx, args.filter, args.orderBy);
  if (args.direction === 'DESC') slugs.reverse();
  return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.speaker, page));
}
