/**
 * @module schema/talkFilter
 * `TalkFilter` and `TalkOrder`, shared by every list of talks (the root
 * `talks` and the `talks` of a conference, tool, topic, speaker or link):
 * which talks a list keeps, in which order, and the page it returns.
 */

import type { ArgBuilder } from '@pothos/core';
import type { ConferenceModel, TalkModel } from '../graph/types.js';
import { leadingYear } from '../parse/values.js';
import { textArg } from './args.js';
import { builder, type Types } from './builder.js';
import { connectionOf, type PageArgs } from './connections.js';
import { type GraphContext, loadAll, loadKnown } from './context.js';
import { collator } from './order.js';

export interface TalkFilterShape {
  tool?: string | null;
  topic?: string | null;
  conference?: string | null;
  speaker?: string | null;
  year?: number | null;
  hasVideo?: boolean | null;
  query?: string | null;
}

export type TalkOrderValue = 'FILE' | 'TITLE' | 'DATE' | 'DATE_DESC';

export const TalkFilter = builder.inputRef<TalkFilterShape>('TalkFilter').implement({
  description:
    'Which talks to keep; every field given must match (AND). Names are matched case-insensitively.',
  fields: (t) => ({
    tool: t.string({
      required: false,
      description:
        'Talks mentioning this tool (its name, slug or an alias). An unknown tool matches no talk.',
    }),
    topic: t.string({ required: false, description: 'Talks about this topic (its name, slug or an alias).' }),
    conference: t.string({
      required: false,
      description: 'Talks given at this conference (its name, slug or an alias).',
    }),
    speaker: t.string({ required: false, description: 'Talks given by this speaker (name or slug).' }),
    year: t.int({
      required: false,
      description: "Talks of this year: the conference's year, else the year of the post's date.",
    }),
    hasVideo: t.boolean({ required: false, description: 'Talks with (true) or without (false) a video.' }),
    query: t.string({
      required: false,
      description:
        'Talks the search finds for these words (at most 200 characters): each word must match the title, notes, speakers, tools, topics or conference, allowing typos and unfinished words.',
    }),
  }),
});

export const TalkOrder = builder.enumType('TalkOrder', {
  description: 'The order of a list of talks.',
  values: {
    FILE: { value: 'FILE', description: 'As written: file path order, then order within the file.' },
    TITLE: { value: 'TITLE', description: 'By title, alphabetically.' },
    DATE: {
      value: 'DATE',
      description: "Oldest first, by the conference's start date, else the post's date; undated talks last.",
    },
    DATE_DESC: { value: 'DATE_DESC', description: 'Newest first; undated talks last.' },
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
      defaultValue: 'FILE',
      description: 'The order of the talks (default: as written).',
    }),
  };
}

export interface TalkListArgs extends PageArgs {
  filter?: TalkFilterShape | null;
  orderBy?: TalkOrderValue | null;
}

/** Year of an ISO-like date (`2018-05-02`), or null. */
function talkDate(talk: TalkModel, conference: ConferenceModel | null | undefined): string | null {
  return conference?.startDate ?? talk.date;
}

/** A non-blank name argument, checked, or null. */
function nameArg(name: string, value: string | null | undefined): string | null {
  return textArg(name, value) === '' ? null : (value as string).trim();
}

/** Slugs of the talks a filter allows, from `base` (or every talk), in the requested order. */
export async function selectTalks(
  ctx: GraphContext,
  base: readonly string[] | null,
  filter: TalkFilterShape | null | undefined,
  orderBy: TalkOrderValue | null | undefined,
): Promise<string[]> {
  const { loaders } = ctx;
  const tool = nameArg('filter.tool', filter?.tool);
  const topic = nameArg('filter.topic', filter?.topic);
  const conference = nameArg('filter.conference', filter?.conference);
  const speaker = nameArg('filter.speaker', filter?.speaker);
  const query = textArg('filter.query', filter?.query);
  const year = filter?.year ?? null;
  const hasVideo = filter?.hasVideo ?? null;
  const order = orderBy ?? 'FILE';

  const restrictions: Promise<string[]>[] = [];
  const restrictBy = (name: string | null, lookup: (name: string) => Promise<string[]>) => {
    if (name !== null) restrictions.push(lookup(name));
  };
  restrictBy(tool, async (name) => {
    const slug = await loaders.resolve.tool.load(name);
    return slug === null ? [] : loaders.talksOfTool.load(slug);
  });
  restrictBy(topic, async (name) => {
    const slug = await loaders.resolve.topic.load(name);
    return slug === null ? [] : loaders.talksOfTopic.load(slug);
  });
  restrictBy(conference, async (name) => {
    const slug = await loaders.resolve.conference.load(name);
    const found = slug === null ? null : await loaders.conference.load(slug);
    return found?.talkSlugs ?? [];
  });
  restrictBy(speaker, async (name) => {
    const slug = await loaders.resolve.speaker.load(name);
    const found = slug === null ? null : await loaders.speaker.load(slug);
    return found?.talkSlugs ?? [];
  });

  const [all, ...allowed] = await Promise.all([base ?? loaders.list.load('talk'), ...restrictions]);
  let slugs = [...all];
  for (const list of allowed) {
    const keep = new Set(list);
    slugs = slugs.filter((slug) => keep.has(slug));
  }
  if (query !== '') {
    const found = ctx.matching(query, 'talk');
    slugs = slugs.filter((slug) => found.has(slug));
  }

  const needsTalks = year !== null || hasVideo !== null || order !== 'FILE';
  if (!needsTalks || slugs.length === 0) return slugs;

  let talks = await loadKnown(loaders.talk, slugs);
  const needsConferences = year !== null || order === 'DATE' || order === 'DATE_DESC';
  const conferenceSlugs = needsConferences
    ? [...new Set(talks.map((t) => t.conferenceSlug).filter((s): s is string => s !== null))]
    : [];
  const conferences = new Map(
    (await loadKnown(loaders.conference, conferenceSlugs)).map((c) => [c.slug, c] as const),
  );
  const conferenceOf = (talk: TalkModel) =>
    talk.conferenceSlug === null ? null : conferences.get(talk.conferenceSlug);

  talks = talks.filter((talk) => {
    if (hasVideo !== null && (talk.videoUrl !== null) !== hasVideo) return false;
    if (year !== null && (conferenceOf(talk)?.year ?? leadingYear(talk.date)) !== year) return false;
    return true;
  });

  if (order === 'TITLE') {
    talks.sort((a, b) => collator.compare(a.title, b.title));
  } else if (order === 'DATE' || order === 'DATE_DESC') {
    const sign = order === 'DATE' ? 1 : -1;
    const dates = new Map(talks.map((t) => [t.slug, talkDate(t, conferenceOf(t))] as const));
    talks.sort((a, b) => {
      const da = dates.get(a.slug) ?? null;
      const db = dates.get(b.slug) ?? null;
      if (da === db) return 0;
      if (da === null) return 1;
      if (db === null) return -1;
      return sign * (da < db ? -1 : 1);
    });
  }
  return talks.map((t) => t.slug);
}

/** A page of the talks of `base` (or of every talk) that the arguments select. */
export async function talkConnection(ctx: GraphContext, base: readonly string[] | null, args: TalkListArgs) {
  const slugs = await selectTalks(ctx, base, args.filter, args.orderBy);
  return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.talk, page));
}
