/**
 * @module schema/talkFacets
 * `TalkConnection.facets`: how many talks of the whole filtered list (not
 * only the page) mention each tool, are about each topic, were given at each
 * conference, by each speaker, in each year; most frequent first, ties by
 * value. A talk counts once per value. Counted from the talks' own fields,
 * loaded through the request's loaders in one batch per kind.
 */
import type { ConferenceModel, TalkModel } from '../graph/types.js';
import { leadingYear } from '../parse/values.js';
import { builder } from './builder.js';
import { TalkConnection } from './connections.js';
import { type GraphContext, loadKnown } from './context.js';
import { capOf, cutAt, firstArg } from './listCaps.js';
import { collator } from './order.js';

interface FacetCountShape {
  value: string;
  count: number;
  node: unknown;
}

/** The talk slugs a facet counts over. */
interface FacetsShape {
  slugs: readonly string[];
}

const FacetCountRef = builder.objectRef<FacetCountShape>('FacetCount').implement({
  description: 'One value of a facet and how many talks of the list have it.',
  fields: (t) => ({
    value: t.exposeString('value', {
      description: 'The name (of a tool, topic, conference, speaker) or the year.',
    }),
    count: t.exposeInt('count', { description: 'How many talks of the whole filtered list have it.' }),
    node: t.field({
      type: builder.nodeInterfaceRef(),
      nullable: true,
      description: 'The entity named, when the value is one (null for years).',
      resolve: (facet) => facet.node as never,
    }),
  }),
});

/** Counts of each key over the talks, most frequent first, then by name; at most `first`. */
async function countBy<T extends { slug: string }>(
  talks: readonly TalkModel[],
  keysOf: (talk: TalkModel) => readonly string[],
  load: (slugs: string[]) => Promise<T[]>,
  nameOf: (item: T) => string,
  first: number,
): Promise<FacetCountShape[]> {
  const counts = new Map<string, number>();
  for (const talk of talks)
    for (const key of new Set(keysOf(talk))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const items = await load([...counts.keys()]);
  return items
    .map((item) => ({ value: nameOf(item), count: counts.get(item.slug) ?? 0, node: item }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value) || (a.value < b.value ? -1 : 1))
    .slice(0, first);
}

async function talksOf(ctx: GraphContext, facets: FacetsShape): Promise<TalkModel[]> {
  return loadKnown(ctx.loaders.talk, facets.slugs);
}

async function conferencesOf(
  ctx: GraphContext,
  talks: readonly TalkModel[],
): Promise<Map<string, ConferenceModel>> {
  const slugs = [...new Set(talks.flatMap((t) => (t.conferenceSlug === null ? [] : [t.conferenceSlug])))];
  return new Map((await loadKnown(ctx.loaders.conference, slugs)).map((c) => [c.slug, c] as const));
}

const TalkFacetsRef = builder.objectRef<FacetsShape>('TalkFacets').implement({
  description: 'Counts over the whole filtered list of talks, per value, most frequent first.',
  fields: (t) => ({
    tools: t.field({
      type: [FacetCountRef],
      description: 'The tools the talks mention.',
      args: { first: firstArg(t.arg, 'TalkFacets.tools') },
      resolve: async (facets, args, ctx) =>
        countBy(
          await talksOf(ctx, facets),
          (talk) => talk.mentions.map((m) => m.toolSlug),
          (slugs) => loadKnown(ctx.loaders.tool, slugs),
          (tool) => tool.name,
          capOf('TalkFacets.tools', args.first),
        ),
    }),
    topics: t.field({
      type: [FacetCountRef],
      description: 'The topics the talks are about.',
      args: { first: firstArg(t.arg, 'TalkFacets.topics') },
      resolve: async (facets, args, ctx) =>
        countBy(
          await talksOf(ctx, facets),
          (talk) => talk.topicSlugs,
          (slugs) => loadKnown(ctx.loaders.topic, slugs),
          (topic) => topic.name,
          capOf('TalkFacets.topics', args.first),
        ),
    }),
    conferences: t.field({
      type: [FacetCountRef],
      description: 'The conferences the talks were given at.',
      args: { first: firstArg(t.arg, 'TalkFacets.conferences') },
      resolve: async (facets, args, ctx) =>
        countBy(
          await talksOf(ctx, facets),
          (talk) => (talk.conferenceSlug === null ? [] : [talk.conferenceSlug]),
          (slugs) => loadKnown(ctx.loaders.conference, slugs),
          (conference) => conference.name,
          capOf('TalkFacets.conferences', args.first),
        ),
    }),
    speakers: t.field({
      type: [FacetCountRef],
      description: 'The speakers who gave the talks.',
      args: { first: firstArg(t.arg, 'TalkFacets.speakers') },
      resolve: async (facets, args, ctx) =>
        countBy(
          await talksOf(ctx, facets),
          (talk) => talk.speakerSlugs,
          (slugs) => loadKnown(ctx.loaders.speaker, slugs),
          (speaker) => speaker.name,
          capOf('TalkFacets.speakers', args.first),
        ),
    }),
    years: t.field({
      type: [FacetCountRef],
      description: cutAt(
        "The years of the talks (the conference's year, else the post's), most talks first.",
        'TalkFacets.years',
      ),
      args: { first: firstArg(t.arg, 'TalkFacets.years') },
      resolve: async (facets, args, ctx) => {
        const talks = await talksOf(ctx, facets);
        const conferences = await conferencesOf(ctx, talks);
        const yearOf = (talk: TalkModel) =>
          conferences.get(talk.conferenceSlug ?? '')?.year ?? leadingYear(talk.date);
        const counts = new Map<number, number>();
        for (const talk of talks) {
          const year = yearOf(talk);
          if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
        }
        return [...counts]
          .sort((a, b) => b[1] - a[1] || b[0] - a[0])
          .slice(0, capOf('TalkFacets.years', args.first))
          .map(([year, count]) => ({ value: String(year), count, node: null }));
      },
    }),
  }),
});

builder.objectField(TalkConnection, 'facets', (t) =>
  t.field({
    type: TalkFacetsRef,
    description: 'Counts per tool, topic, conference, speaker and year over every talk of the filtered list.',
    resolve: (connection) => ({ slugs: connection.allKeys ?? [] }),
  }),
);
