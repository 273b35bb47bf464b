/**
 * @module schema/talkFilter
 * `TalkFilter`, shared by every list of talks (the root `talks` and the
 * `talks` of a conference, tool, topic, speaker or link): which talks a list
 * keeps. A filter is a set of talk slugs: each field given narrows it (AND);
 * `and`, `or` and `not` combine nested filters. Names are resolved first, so
 * a name the graph does not know is a BAD_USER_INPUT error naming it rather
 * than an empty page. The order and the page are `talkOrder.ts`'s.
 */
import type { ConferenceModel, TalkModel } from '../graph/types.js';
import { lookupKey } from '../keys.js';
import { leadingYear } from '../parse/values.js';
import { loadCatalogue } from '../registry/catalogue.js';
import { badUserInput, textArg } from './args.js';
import { builder } from './builder.js';
import { type GraphContext, loadAll } from './context.js';
import { isoDate, talkDay } from './dates.js';

export interface TalkFilterShape {
  tool?: string | null;
  tools?: readonly string[] | null;
  allTools?: readonly string[] | null;
  notTools?: readonly string[] | null;
  topic?: string | null;
  topics?: readonly string[] | null;
  conference?: string | null;
  speaker?: string | null;
  speakers?: readonly string[] | null;
  year?: number | null;
  dateFrom?: Date | null;
  dateTo?: Date | null;
  hasVideo?: boolean | null;
  query?: string | null;
  and?: readonly TalkFilterShape[] | null;
  or?: readonly TalkFilterShape[] | null;
  not?: TalkFilterShape | null;
}

/** How deep `and`/`or`/`not` may nest, and how many filters one argument may hold in all. */
export const FILTER_DEPTH_MAX = 4;
export const FILTER_COUNT_MAX = 32;
/** The most names one list field (`tools`, `topics`, …) accepts. */
export const FILTER_NAMES_MAX = 50;

export const TalkFilter = builder.inputRef<TalkFilterShape>('TalkFilter').implement({
  description:
    'Which talks to keep: every field given must match (AND); `and`, `or` and `not` combine filters. Names are matched case-insensitively (name, slug or alias); a name the graph does not know is an error naming it.',
  fields: (t) => ({
    tool: t.string({
      required: false,
      description: 'Talks mentioning this tool (its name, slug or an alias).',
    }),
    tools: t.stringList({ required: false, description: 'Talks mentioning any of these tools.' }),
    allTools: t.stringList({ required: false, description: 'Talks mentioning every one of these tools.' }),
    notTools: t.stringList({ required: false, description: 'Talks mentioning none of these tools.' }),
    topic: t.string({ required: false, description: 'Talks about this topic (its name, slug or an alias).' }),
    topics: t.stringList({ required: false, description: 'Talks about any of these topics.' }),
    conference: t.string({
      required: false,
      description: 'Talks given at this conference (its name, slug or an alias).',
    }),
    speaker: t.string({ required: false, description: 'Talks given by this speaker (name or slug).' }),
    speakers: t.stringList({ required: false, description: 'Talks given by any of these speakers.' }),
    year: t.int({
      required: false,
      description: "Talks of this year: the conference's year, else the year of the post's date.",
    }),
    dateFrom: t.field({
      type: 'Date',
      required: false,
      description: "Talks on or after this day (their `date`: the talk's day, else its conference's start).",
    }),
    dateTo: t.field({
      type: 'Date',
      required: false,
      description: 'Talks on or before this day (inclusive). Undated talks match no date range.',
    }),
    hasVideo: t.boolean({ required: false, description: 'Talks with (true) or without (false) a video.' }),
    query: t.string({
      required: false,
      description:
        'Talks the search finds for these words (at most 200 characters): the same ranked, typo-tolerant index as `searchConnection`, so both find the same talks; with it, `orderBy` defaults to RELEVANCE.',
    }),
    and: t.field({
      type: [TalkFilter],
      required: false,
      description: 'Talks matching every one of these filters.',
    }),
    or: t.field({ type: [TalkFilter], required: false, description: 'Talks matching any of these filters.' }),
    not: t.field({ type: TalkFilter, required: false, description: 'Talks not matching this filter.' }),
  }),
});

/** Talks and their conferences, loaded once per selection and only when a field needs them. */
class TalkFacts {
  private loaded: Promise<Map<string, { talk: TalkModel; conference: ConferenceModel | null }>> | undefined;
  constructor(
    private readonly ctx: GraphContext,
    private readonly slugs: readonly string[],
  ) {}

  get() {
    this.loaded ??= (async () => {
      const talks = await loadAll(this.ctx.loaders.talk, this.slugs);
      const conferenceSlugs = [
        ...new Set(talks.flatMap((t) => (t?.conferenceSlug ? [t.conferenceSlug] : []))),
      ];
      const conferences = await loadAll(this.ctx.loaders.conference, conferenceSlugs);
      const bySlug = new Map(conferenceSlugs.map((slug, i) => [slug, conferences[i] ?? null] as const));
      const facts = new Map<string, { talk: TalkModel; conference: ConferenceModel | null }>();
      for (const talk of talks) {
        if (talk === null) continue;
        facts.set(talk.slug, { talk, conference: bySlug.get(talk.conferenceSlug ?? '') ?? null });
      }
      return facts;
    })();
    return this.loaded;
  }
}

type NamedKind = 'tool' | 'topic' | 'conference' | 'speaker';

let catalogueNames: Set<string> | undefined;

/**
 * True when talkgraph's tool catalogue knows the name: such a tool is real,
 * only absent from these notes, so a filter on it keeps no talk rather than
 * failing.
 */
function inCatalogue(name: string): boolean {
  catalogueNames ??= new Set(
    loadCatalogue().tools.flatMap((tool) => [tool.slug, tool.name, ...tool.aliases].map(lookupKey)),
  );
  return catalogueNames.has(lookupKey(name));
}

/**
 * The slug of each name (null for a catalogue tool no talk mentions), or
 * BAD_USER_INPUT naming the first name the graph does not know.
 */
async function resolveNames(
  ctx: GraphContext,
  kind: NamedKind,
  argName: string,
  names: readonly string[],
): Promise<(string | null)[]> {
  if (names.length > FILTER_NAMES_MAX) {
    throw badUserInput(
      `Argument "${argName}" holds ${names.length} names; at most ${FILTER_NAMES_MAX} are accepted.`,
    );
  }
  const trimmed = names.map((name) => {
    textArg(argName, name);
    return name.trim();
  });
  const slugs = await loadAll(ctx.loaders.resolve[kind], trimmed);
  const unknown = trimmed.findIndex(
    (name, i) => slugs[i] === null && !(kind === 'tool' && inCatalogue(name)),
  );
  if (unknown !== -1) {
    throw badUserInput(
      `Argument "${argName}" names ${kind} "${trimmed[unknown]}", which the graph does not know; look it up with \`${kind === 'tool' ? 'tools' : `${kind}s`}(filter: { query })\` or \`search\`.`,
    );
  }
  return slugs;
}

/** Talk slugs of each named entity. */
async function talksOf(
  ctx: GraphContext,
  kind: NamedKind,
  names: readonly (string | null)[],
): Promise<string[][]> {
  const known = names.filter((slug): slug is string => slug !== null);
  const lists = await talksOfKnown(ctx, kind, known);
  // A catalogue tool no talk mentions has no talks.
  return [...lists, ...names.filter((slug) => slug === null).map(() => [])];
}

async function talksOfKnown(
  ctx: GraphContext,
  kind: NamedKind,
  slugs: readonly string[],
): Promise<string[][]> {
  const { loaders } = ctx;
  if (kind === 'tool') return loadAll(loaders.talksOfTool, slugs);
  if (kind === 'topic') return loadAll(loaders.talksOfTopic, slugs);
  const models =
    kind === 'speaker' ? await loadAll(loaders.speaker, slugs) : await loadAll(loaders.conference, slugs);
  return models.map((model) => model?.talkSlugs ?? []);
}

function single(value: string | null | undefined): string[] {
  return value === null || value === undefined || value.trim() === '' ? [] : [value];
}

/** Counts the filters of a tree and refuses one nested too deep or too wide. */
function checkShape(filter: TalkFilterShape, path: string, depth: number, count: { n: number }): void {
  count.n += 1;
  if (depth > FILTER_DEPTH_MAX) {
    throw badUserInput(
      `Argument "${path}" nests filters ${depth} deep; at most ${FILTER_DEPTH_MAX} levels are accepted.`,
    );
  }
  if (count.n > FILTER_COUNT_MAX) {
    throw badUserInput(`Argument "filter" holds more than ${FILTER_COUNT_MAX} filters in all.`);
  }
  for (const [i, f] of (filter.and ?? []).entries()) checkShape(f, `${path}.and[${i}]`, depth + 1, count);
  for (const [i, f] of (filter.or ?? []).entries()) checkShape(f, `${path}.or[${i}]`, depth + 1, count);
  if (filter.not) checkShape(filter.not, `${path}.not`, depth + 1, count);
}

interface Selection {
  ctx: GraphContext;
  universe: readonly string[];
  facts: TalkFacts;
  /** Talk slugs each search query finds, with their scores, best first. */
  searches: Map<string, Map<string, number>>;
}

/** The talks a query finds, slug → score, best first (the index `searchConnection` ranks with). */
export async function searchTalks(ctx: GraphContext, query: string): Promise<Map<string, number>> {
  const hits = await ctx.search(query, ['talk']);
  return new Map(hits.map((hit) => [hit.key, hit.score] as const));
}

/** The slugs of the universe that one filter (and its nested filters) keeps. */
async function evaluate(sel: Selection, filter: TalkFilterShape, path: string): Promise<Set<string>> {
  const { ctx } = sel;
  let kept: Set<string> = new Set(sel.universe);
  const narrow = (allowed: Iterable<string>) => {
    const allow = new Set(allowed);
    kept = new Set([...kept].filter((slug) => allow.has(slug)));
  };
  const exclude = (denied: Iterable<string>) => {
    const deny = new Set(denied);
    kept = new Set([...kept].filter((slug) => !deny.has(slug)));
  };
  const lists = async (kind: NamedKind, arg: string, names: readonly string[] | null | undefined) =>
    names == null ? null : talksOf(ctx, kind, await resolveNames(ctx, kind, `${path}.${arg}`, names));

  const [tool, tools, allTools, notTools, topic, topics, conference, speaker, speakers] = await Promise.all([
    lists('tool', 'tool', single(filter.tool)),
    lists('tool', 'tools', filter.tools),
    lists('tool', 'allTools', filter.allTools),
    lists('tool', 'notTools', filter.notTools),
    lists('topic', 'topic', single(filter.topic)),
    lists('topic', 'topics', filter.topics),
    lists('conference', 'conference', single(filter.conference)),
    lists('speaker', 'speaker', single(filter.speaker)),
    lists('speaker', 'speakers', filter.speakers),
  ]);
  for (const all of [tool, allTools, topic, conference, speaker]) for (const list of all ?? []) narrow(list);
  for (const any of [tools, topics, speakers]) if (any !== null) narrow(any.flat());
  if (notTools !== null) exclude(notTools.flat());

  const query = textArg(`${path}.query`, filter.query);
  if (query !== '') {
    let found = sel.searches.get(query);
    if (found === undefined) {
      found = await searchTalks(ctx, query);
      sel.searches.set(query, found);
    }
    narrow(found.keys());
  }

  const from = filter.dateFrom == null ? null : isoDate(filter.dateFrom);
  const to = filter.dateTo == null ? null : isoDate(filter.dateTo);
  const year = filter.year ?? null;
  const hasVideo = filter.hasVideo ?? null;
  if (from !== null || to !== null || year !== null || hasVideo !== null) {
    const facts = await sel.facts.get();
    narrow(
      [...kept].filter((slug) => {
        const fact = facts.get(slug);
        if (fact === undefined) return false;
        const { talk, conference } = fact;
        if (hasVideo !== null && (talk.videoUrl !== null) !== hasVideo) return false;
        if (year !== null && (conference?.year ?? leadingYear(talk.date)) !== year) return false;
        if (from !== null || to !== null) {
          const day = talkDay(talk, conference);
          if (day === null || (from !== null && day < from) || (to !== null && day > to)) return false;
        }
        return true;
      }),
    );
  }

  for (const [i, nested] of (filter.and ?? []).entries())
    narrow(await evaluate(sel, nested, `${path}.and[${i}]`));
  if (filter.or != null) {
    const any = new Set<string>();
    for (const [i, nested] of filter.or.entries())
      for (const slug of await evaluate(sel, nested, `${path}.or[${i}]`)) any.add(slug);
    narrow(any);
  }
  if (filter.not != null) exclude(await evaluate(sel, filter.not, `${path}.not`));
  return kept;
}

/** The slugs of `universe` (in its order) that a filter keeps, and the search scores of its top-level query. */
export async function filterTalks(
  ctx: GraphContext,
  universe: readonly string[],
  filter: TalkFilterShape | null | undefined,
): Promise<{ slugs: readonly string[]; scores: Map<string, number> | null }> {
  // No filter keeps the whole list, shared rather than copied: callers that reorder it copy it first.
  if (filter == null) return { slugs: universe, scores: null };
  checkShape(filter, 'filter', 1, { n: 0 });
  const sel: Selection = { ctx, universe, facts: new TalkFacts(ctx, universe), searches: new Map() };
  const kept = await evaluate(sel, filter, 'filter');
  const query = textArg('filter.query', filter.query);
  return {
    slugs: universe.filter((slug) => kept.has(slug)),
    scores: query === '' ? null : (sel.searches.get(query) ?? null),
  };
}
