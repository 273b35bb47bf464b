/**
 * @module schema/talkOrder
 * `TalkOrder` and the arguments of every list of talks: the order a list is
 * sorted in (with `direction`), the sort value each cursor carries, and the
 * page it returns. Every order ends in file order (path, line, slug), so the
 * order is total and a cursor whose talk is gone still finds its place.
 */
import type { ArgBuilder } from '@pothos/core';
import type { ConferenceModel, TalkModel } from '../graph/types.js';
import { badUserInput } from './args.js';
import { builder, type Types } from './builder.js';
import {
  compareSortValues,
  connectionOf,
  type ListOrder,
  type PageArgs,
  type SortKey,
  type SortValue,
} from './connections.js';
import { type GraphContext, loadAll } from './context.js';
import { talkDay } from './dates.js';
import { directionArg, type OrderDirectionValue, sign } from './orderDirection.js';
import { filterTalks, TalkFilter, type TalkFilterShape } from './talkFilter.js';

export type TalkOrderValue = 'FILE' | 'TITLE' | 'DATE' | 'DATE_DESC' | 'RELEVANCE';

export const TalkOrder = builder.enumType('TalkOrder', {
  description: 'The order of a list of talks; `direction` reverses it, ties keep file order.',
  values: {
    FILE: { value: 'FILE', description: 'As written: file path order, then order within the file.' },
    TITLE: { value: 'TITLE', description: 'By title, alphabetically.' },
    DATE: { value: 'DATE', description: "Oldest first, by the talk's `date`; undated talks last." },
    DATE_DESC: {
      value: 'DATE_DESC',
      description: 'Newest first; undated talks last.',
      deprecationReason: 'Use `orderBy: DATE, direction: DESC`.',
    },
    RELEVANCE: {
      value: 'RELEVANCE',
      description:
        'Best match of `filter.query` first (the default when a query is given); needs `filter.query`.',
    },
  } as const,
});

/** The arguments of every list of talks. */
export function talkArgs(arg: ArgBuilder<Types>) {
  return {
    ...arg.connectionArgs(),
    filter: arg({ type: TalkFilter, required: false, description: 'Which talks to keep.' }),
    orderBy: arg({
      type: TalkOrder,
      required: false,
      description: 'The order of the talks (default: RELEVANCE with `filter.query`, else FILE: as written).',
    }),
    direction: directionArg(arg),
  };
}

export interface TalkListArgs extends PageArgs {
  filter?: TalkFilterShape | null;
  orderBy?: TalkOrderValue | null;
  direction?: OrderDirectionValue | null;
}

/** The sort value of a talk in file order: its path, line and slug. */
function filePlace(talk: TalkModel): SortValue[] {
  return [talk.source.path, talk.source.line, talk.slug];
}

/** The order of a list of talks: what it compares, and how each talk's sort value is read. */
function talkListOrder(
  ctx: GraphContext,
  order: Exclude<TalkOrderValue, 'DATE_DESC'>,
  direction: 1 | -1,
  scores: Map<string, number> | null,
): ListOrder {
  const file: SortKey[] = [{ direction }, { direction }, { direction }];
  const tieBreak: SortKey[] = [{ direction: 1 }, { direction: 1 }, { direction: 1 }];
  const keys: SortKey[] = order === 'FILE' ? file : [{ direction, collate: order === 'TITLE' }, ...tieBreak];
  return {
    keys,
    values: async (slugs) => {
      const talks = await loadAll(ctx.loaders.talk, slugs);
      // Only a date order needs the conferences (an undated talk takes its conference's start).
      let conferences: Map<string | undefined, ConferenceModel | null> | null = null;
      if (order === 'DATE') {
        const conferenceSlugs = [
          ...new Set(talks.flatMap((t) => (t?.conferenceSlug ? [t.conferenceSlug] : []))),
        ];
        const loaded = await loadAll(ctx.loaders.conference, conferenceSlugs);
        conferences = new Map(loaded.map((c, i) => [conferenceSlugs[i], c]));
      }
      return talks.map((talk, i) => {
        if (talk === null) return [null, null, null, slugs[i] ?? null];
        if (order === 'FILE') return filePlace(talk);
        if (order === 'TITLE') return [talk.title, ...filePlace(talk)];
        if (order === 'DATE')
          return [talkDay(talk, conferences?.get(talk.conferenceSlug ?? '')), ...filePlace(talk)];
        // Best first when ascending: rank by negated score.
        const score = scores?.get(talk.slug);
        return [score === undefined ? null : -score, ...filePlace(talk)];
      });
    },
  };
}

/** The slugs a list of talks holds, filtered and sorted, and its order for cursors. */
export async function selectTalks(
  ctx: GraphContext,
  base: readonly string[] | null,
  args: Pick<TalkListArgs, 'filter' | 'orderBy' | 'direction'>,
): Promise<{ slugs: readonly string[]; order: ListOrder }> {
  const universe = base ?? (await ctx.loaders.list.load('talk'));
  const { slugs, scores } = await filterTalks(ctx, universe, args.filter);
  let orderBy = args.orderBy ?? (scores === null ? 'FILE' : 'RELEVANCE');
  let direction = sign(args.direction);
  if (orderBy === 'DATE_DESC') {
    orderBy = 'DATE';
    direction = -1;
  }
  if (orderBy === 'RELEVANCE' && scores === null) {
    throw badUserInput('Argument "orderBy" is RELEVANCE, which needs `filter.query`: the words to rank by.');
  }
  const order = talkListOrder(ctx, orderBy, direction, scores);
  // Lists come in file order: only another order (or direction) needs the talks' sort values.
  if (orderBy === 'FILE' && direction === 1) return { slugs, order };
  if (orderBy === 'FILE') return { slugs: [...slugs].reverse(), order };
  const values = await order.values(slugs);
  const indexes = slugs.map((_slug, i) => i);
  indexes.sort((a, b) => compareSortValues(order.keys, values[a] ?? [], values[b] ?? []) || a - b);
  return { slugs: indexes.map((i) => slugs[i] as string), order };
}

/** A page of the talks of `base` (or of every talk) that the arguments select; `allKeys` feeds the facets. */
export async function talkConnection(ctx: GraphContext, base: readonly string[] | null, args: TalkListArgs) {
  const { slugs, order } = await selectTalks(ctx, base, args);
  const page = await connectionOf(slugs, args, (keys) => loadAll(ctx.loaders.talk, keys), { order });
  return { ...page, allKeys: slugs };
}
