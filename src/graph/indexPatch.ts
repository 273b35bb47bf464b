/**
 * @module graph/indexPatch
 * The lookups of a graph after one post's talks were replaced, made from
 * the lookups of the version before: only the maps and lists that post
 * touched are copied, so the version before stays whole for the requests
 * still reading it, and a change costs the size of what it touched, not of
 * the graph. A topic's tools are worked out by the caller, which keeps what
 * that needs (`indexing/topicToolsPatch.ts`). The talks' slugs, titles and speakers are the same before and
 * after (the caller rebuilds the graph otherwise), so the name tables and
 * every other map are shared as they are.
 */
import { LayeredMap } from './layeredMap.js';
import type { StoreIndexes } from './store.js';
import type { LinkModel, TalkModel } from './types.js';

export interface TalksChange {
  /** The post's path: its talks sit between the talks of the posts before and after it. */
  path: string;
  before: readonly TalkModel[];
  after: readonly TalkModel[];
  /** Links replaced (the new model) or removed (null). */
  links: ReadonlyMap<string, LinkModel | null>;
  /** Topics whose tools changed: their new lists (null: no tools left). */
  topicTools: ReadonlyMap<string, string[] | null>;
}

/**
 * `list` (talk slugs in corpus order) with the post's own run of talks
 * replaced by `run`: in place of the old run, or where the post's talks
 * fall in corpus order when the list held none of them.
 */
export function replaceRun(
  list: readonly string[],
  run: readonly string[],
  path: string,
  pathOf: (slug: string) => string,
): string[] {
  // The list is in corpus order, so the post's talks (if any) sit between two binary searches.
  const bound = (after: boolean) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const at = pathOf(list[mid] as string);
      if (at < path || (after && at === path)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const from = bound(false);
  const to = bound(true);
  return list.slice(0, from).concat(run, list.slice(to));
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
  path: string,
  pathOf: (slug: string) => string,
): Map<string, string[]> {
  let out = lists;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const run = after.get(key) ?? [];
    if (sameList(before.get(key), after.get(key))) continue;
    if (out === lists) out = new Map(lists);
    const list = replaceRun(lists.get(key) ?? [], run, path, pathOf);
    if (list.length === 0) out.delete(key);
    else out.set(key, list);
  }
  return out;
}

export function patchIndexes(prev: StoreIndexes, change: TalksChange): StoreIndexes {
  const { path, before, after } = change;
  const talkMap = LayeredMap.of(prev.talkMap).with(after.map((t) => [t.slug, t]));
  const pathOf = (slug: string) => talkMap.get(slug)?.source.path ?? '';
  const mentioned = (talk: TalkModel) => talk.mentions.map((m) => m.toolSlug);
  const toolTalks = patchLists(
    prev.toolTalks,
    runsBy(before, mentioned),
    runsBy(after, mentioned),
    path,
    pathOf,
  );
  const topicTalks = patchLists(
    prev.topicTalks,
    runsBy(before, (t) => t.topicSlugs),
    runsBy(after, (t) => t.topicSlugs),
    path,
    pathOf,
  );

  let topicTools = prev.topicTools;
  if (change.topicTools.size > 0) {
    topicTools = new Map(prev.topicTools);
    for (const [topic, tools] of change.topicTools) {
      if (tools === null) topicTools.delete(topic);
      else topicTools.set(topic, tools);
    }
  }

  const linkMap = change.links.size > 0 ? LayeredMap.of(prev.linkMap).with(change.links) : prev.linkMap;
  return { ...prev, talkMap, toolTalks, topicTalks, topicTools, linkMap };
}
