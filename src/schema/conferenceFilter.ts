/**
 * @module schema/conferenceFilter
 * `ConferenceFilter` and `ConferenceOrder` of the root `conferences` list:
 * which conferences it keeps, in which order, and the page it returns.
 */
import type { ArgBuilder } from '@pothos/core';
import type { ConferenceModel } from '../graph/types.js';
import { textArg } from './args.js';
import { builder, type Types } from './builder.js';
import { connectionOf, type PageArgs } from './connections.js';
import { type GraphContext, loadAll, loadKnown } from './context.js';
import { byName, matchesText } from './order.js';
import { directionArg, type OrderDirectionValue } from './orderDirection.js';

export interface ConferenceFilterShape {
  query?: string | null;
  year?: number | null;
}

export const ConferenceFilter = builder.inputRef<ConferenceFilterShape>('ConferenceFilter').implement({
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

export const ConferenceOrder = builder.enumType('ConferenceOrder', {
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

export type ConferenceOrderValue = 'FILE' | 'NAME' | 'DATE' | 'DATE_DESC' | 'TALK_COUNT';

/** The arguments of the list of conferences. */
export function conferenceArgs(arg: ArgBuilder<Types>) {
  return {
    ...arg.connectionArgs(),
    filter: arg({ type: ConferenceFilter, required: false, description: 'Which conferences to keep.' }),
    orderBy: arg({
      type: ConferenceOrder,
      required: false,
      defaultValue: 'FILE',
      description: 'The order of the conferences (default: as first met).',
    }),
    direction: directionArg(arg),
  };
}

export interface ConferenceListArgs extends PageArgs {
  filter?: ConferenceFilterShape | null;
  orderBy?: ConferenceOrderValue | null;
  direction?: OrderDirectionValue | null;
}

/** Slugs of the conferences a filter allows, in the requested order. */
export async function selectConferences(
  ctx: GraphContext,
  filter: ConferenceFilterShape | null | undefined,
  orderBy: ConferenceOrderValue | null | undefined,
): Promise<string[]> {
  const query = textArg('filter.query', filter?.query);
  const year = filter?.year ?? null;
  const order = orderBy ?? 'FILE';
  const slugs = await ctx.loaders.list.load('conference');
  // The common case, every conference as first met, needs no conference loaded.
  if (query === '' && year === null && order === 'FILE') return slugs;
  const conferences = (await loadKnown(ctx.loaders.conference, slugs)).filter(
    (c) =>
      (year === null || c.year === year) && matchesText(query, [c.name, c.slug, c.location, ...c.aliases]),
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
  return conferences.map((c) => c.slug);
}

/** A page of the conferences the arguments select. */
export async function conferenceConnection(ctx: GraphContext, args: ConferenceListArgs) {
  const slugs = await selectConferences(ctx, args.filter, args.orderBy);
  if (args.direction === 'DESC') slugs.reverse();
  return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.conference, page));
}
