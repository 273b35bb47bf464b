/**
 * @module graph/indexPatch
 * The lookups of a graph after one post's talks were replaced, made from
 * the lookups of the version before: only the maps and lists that post
 * touched are copied, so the version before stays whole for the requests
 * still reading it, and a change costs the size of what it touched, not of
 * the graph. The talks' slugs, titles and speakers are the same before and
 * after (the caller rebuilds the graph otherwise), so the name tables and
 * every other map are shared as they are.
 */
import type { StoreIndexes } from './store.js';
import type { LinkModel, TalkModel, ToolModel } from './types.js';

export interface TalksChange {
  /** The post's path: its talks sit between the talks of the posts before and after it. */
  path: string;
  before: readonly TalkModel[];
  after: readonly TalkModel[];
  /** Every tool of the new graph, in order (the same tools as before). */
  tools: readonly ToolModel[];
  /** Links replaced (the new model) or removed (null). */
  links: ReadonlyMap<string, LinkModel | null>;
}

/**
 * `list` (talk slugs in corpus order) with the post's own run of talks
 * replaced by `run`: in place of the old run, or where the post's talks
 * fall in corpus order when the list held none of them.
 */
export function replaceRun(
  list: readonly string[],
  mine: ReadonlySet<string>,
  run: readonly string[],
  path: string,
  pathOf: (slug: string) => string,
): string[] {
  let at = -1;
  const rest: string[] = [];
  for (const slug of list) {
    if (!mine.has(slug)) rest.push(slug);
    else if (at < 0) at = rest.length;
  }
  if (at < 0) {
    let lo = 0;
    let hi = rest.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pathOf(rest[mid] as string) < path) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
  }
  return [...rest.slice(0, at), ...run, ...rest.slice(at)];
}

/** The distinct values of `of(talk)`, each with the post's talks that carry it, in order. */
function runsBy(
  talks: readonly TalkModel[],
  of: (talk: TalkModel) => Iterable<string>,
): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  for (const talk of talks) {
    for (const key of of(talk)) {
      const run = runs.get(key);
      if (run === undefined) runs.set(key, [talk.slug]);
      else if (run[run.length - 1] !== talk.slug) run.push(talk.slug);
    }
  }
  return runs;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Replaces the post's runs in every list of `lists` whose run changed; the map is copied only then. */
function patchLists(
  lists: Map<string, string[]>,
  before: Map<string, string[]>,
  after: Map<string, string[]>,
  mine: ReadonlySet<string>,
  path: string,
  pathOf: (slug: string) => string,
): Map<string, string[]> {
  let out = lists;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const run = after.get(key) ?? [];
    if (sameList(before.get(key), after.get(key))) continue;
    if (out === lists) out = new Map(lists);
    const list = replaceRun(lists.get(key) ?? [], mine, run, path, pathOf);
    if (list.length === 0) out.delete(key);
    else out.set(key, list);
  }
  return out;
}

/** The tools a post's talks bring to each topic, each once, in the order they first come. */
function topicToolsOf(talks: readonly TalkModel[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const talk of talks) {
    for (const topic of talk.topicSlugs) {
      const tools = out.get(topic) ?? [];
      out.set(topic, tools);
      for (const m of talk.mentions) if (!tools.includes(m.toolSlug)) tools.push(m.toolSlug);
    }
  }
  return out;
}

export function patchIndexes(prev: StoreIndexes, change: TalksChange): StoreIndexes {
  const { path, before, after } = change;
  const talkMap = new Map(prev.talkMap);
  for (const talk of after) talkMap.set(talk.slug, talk);
  const pathOf = (slug: string) => talkMap.get(slug)?.source.path ?? '';
  const mine = new Set(after.map((t) => t.slug));
  const mentioned = (talk: TalkModel) => talk.mentions.map((m) => m.toolSlug);
  const toolTalks = patchLists(
    prev.toolTalks,
    runsBy(before, mentioned),
    runsBy(after, mentioned),
    mine,
    path,
    pathOf,
  );
  const topicTalks = patchLists(
    prev.topicTalks,
    runsBy(before, (t) => t.topicSlugs),
    runsBy(after, (t) => t.topicSlugs),
    mine,
    path,
    pathOf,
  );

  // A topic's tools: its tools' own, then those its talks mention, each where it first comes.
  // The post's share decides the list only through the distinct tools it brings, in order:
  // a topic is listed again only when that changed.
  const toolsBefore = topicToolsOf(before);
  const toolsAfter = topicToolsOf(after);
  let topicTools = prev.topicTools;
  for (const topic of new Set([...toolsBefore.keys(), ...toolsAfter.keys()])) {
    if (sameList(toolsBefore.get(topic), toolsAfter.get(topic))) continue;
    const tools = new Set<string>();
    for (const tool of change.tools) if (tool.topics.includes(topic)) tools.add(tool.slug);
    for (const slug of topicTalks.get(topic) ?? []) {
      for (const m of talkMap.get(slug)?.mentions ?? []) tools.add(m.toolSlug);
    }
    if (topicTools === prev.topicTools) topicTools = new Map(prev.topicTools);
    if (tools.size === 0) topicTools.delete(topic);
    else topicTools.set(topic, [...tools]);
  }

  let linkMap = prev.linkMap;
  if (change.links.size > 0) {
    linkMap = new Map(prev.linkMap);
    for (const [url, link] of change.links) {
      if (link === null) linkMap.delete(url);
      else linkMap.set(url, link);
    }
  }
  return { ...prev, talkMap, toolTalks, topicTalks, topicTools, linkMap };
}
