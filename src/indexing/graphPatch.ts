/**
 * @module indexing/graphPatch
 * One changed post, applied to the graph of the version before: its old
 * talks, post, diagnostics and citations come out, the new ones go in, and a
 * new immutable version comes out. The arrays and maps the post touched are
 * copied; everything else is shared with the version before, which stays
 * whole for the requests still reading it. Search, related talks and the
 * suggestions are derived from every post: they are built again on first use.
 *
 * Much of a graph depends on which post comes first: talk slugs, the post
 * that makes a conference, a link or a topic, the first affiliation or
 * label. A change that could move one of those decisions gets a reason back
 * instead of a graph, and the caller rebuilds everything (`liveGraph.ts`):
 * so a patched graph always equals a cold index of the same files.
 */
import { type Diagnostic, sortDiagnostics } from '../diagnostics.js';
import type { PostDraft } from '../extract/post.js';
import { patchIndexes } from '../graph/indexPatch.js';
import { type GraphData, MemoryStore } from '../graph/store.js';
import type { TalkModel, ToolModel } from '../graph/types.js';
import { slugify } from '../keys.js';
import type { Registries } from '../registry/registry.js';
import { patchLinks } from './linkPatch.js';
import {
  duplicateSlugDiagnostic,
  evidenceOf,
  mentionSlugs,
  postModel,
  renameInferred,
  talkModel,
  talkTopicSlugs,
} from './postModels.js';
import { suggestTools, type TalkCandidates } from './suggestions.js';
import { talkSections } from './talkMarkdown.js';
import { patchTopicTools, type TopicToolUse, topicToolUseOf } from './topicToolsPatch.js';

/** What the graph builder knew at the end, which a one-post change needs to redo its part. */
export interface PatchBase {
  /** Every tool by slug: the registries' and catalogue's, and those inferred from repositories. */
  toolsBySlug: ReadonlyMap<string, ToolModel>;
  /** Topics of the registries: they exist before any post. */
  registryTopics: ReadonlySet<string>;
  /** The post that made each topic not in a registry (topics made only for a tool have none). */
  topicMakers: ReadonlyMap<string, string>;
  /** How many mentions each tool has. */
  toolUse: ReadonlyMap<string, number>;
  /** The candidate terms of each talk, in the order of the graph's talks. */
  candidates: readonly TalkCandidates[];
  /** The tools of the graph carrying each topic themselves (the tools never change in a patch). */
  carriers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Where each topic's tools are first mentioned; updated in place by each patch. */
  topicToolUse: TopicToolUse;
}

export interface Version {
  data: GraphData;
  store: MemoryStore;
}

/** What the builder knew, found again from a graph and the drafts it was built from; null if one is missing. */
export function patchBaseOf(
  data: GraphData,
  registries: Registries,
  draftOf: (path: string) => PostDraft | null | undefined,
): PatchBase | null {
  const toolsBySlug = new Map(registries.tools.map((t) => [t.slug, t]));
  for (const tool of data.tools) if (!toolsBySlug.has(tool.slug)) toolsBySlug.set(tool.slug, tool);
  const registryTopics = new Set(registries.topics.map((t) => t.slug));
  const topicMakers = new Map<string, string>();
  const toolUse = new Map<string, number>();
  const candidates: TalkCandidates[] = [];
  let at = 0;
  for (const post of data.posts) {
    const draft = draftOf(post.path);
    if (!draft || draft.talks.length !== post.talkSlugs.length) return null;
    const talks = data.talks.slice(at, at + post.talkSlugs.length);
    at += talks.length;
    for (const slug of madeTopics(post.path, draft, talks, { toolsBySlug, registryTopics, topicMakers }))
      topicMakers.set(slug, post.path);
    talks.forEach((talk, i) => {
      for (const m of talk.mentions) toolUse.set(m.toolSlug, (toolUse.get(m.toolSlug) ?? 0) + 1);
      candidates.push({ talkSlug: talk.slug, path: post.path, candidates: draft.talks[i]?.candidates ?? [] });
    });
  }
  const carriers = new Map<string, Set<string>>();
  for (const tool of data.tools) {
    for (const topic of tool.topics) carriers.set(topic, (carriers.get(topic) ?? new Set()).add(tool.slug));
  }
  const topicToolUse = topicToolUseOf(data.talks);
  return { toolsBySlug, registryTopics, topicMakers, toolUse, candidates, carriers, topicToolUse };
}

/** The topics a post makes, in order: its tags and categories, then its tools' topics, not made before it. */
function madeTopics(
  path: string,
  post: PostDraft,
  talks: readonly Pick<TalkModel, 'mentions'>[],
  base: Pick<PatchBase, 'toolsBySlug' | 'registryTopics' | 'topicMakers'>,
): string[] {
  const seen = new Set<string>();
  const made: string[] = [];
  const meet = (slug: string) => {
    if (seen.has(slug)) return;
    seen.add(slug);
    const maker = base.topicMakers.get(slug);
    if (base.registryTopics.has(slug) || (maker !== undefined && maker < path)) return;
    made.push(slug);
  };
  for (const name of [...post.tags, ...post.categories]) meet(slugify(name));
  for (const talk of talks) {
    for (const m of talk.mentions)
      for (const topic of base.toolsBySlug.get(m.toolSlug)?.topics ?? []) meet(topic);
  }
  return made;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why the change reaches past the post's own talks in a way this patch does not redo; null if it does not. */
function shapeChange(before: PostDraft, after: PostDraft): string | null {
  if (!same(before.conference, after.conference)) return 'its conference changed';
  const cites = (p: PostDraft) => p.conferenceCitations.map((c) => [c.url, c.kind]);
  if (!same(cites(before), cites(after))) return 'its conference links changed';
  if (!same(before.tags, after.tags) || !same(before.categories, after.categories)) return 'its tags changed';
  if (before.talks.length !== after.talks.length) return 'its number of talks changed';
  for (let i = 0; i < before.talks.length; i++) {
    const [a, b] = [before.talks[i], after.talks[i]];
    if (a === undefined || b === undefined) return 'its talks changed';
    if (a.title !== b.title) return 'a talk title changed';
    if (!same(a.speakers, b.speakers) || !same(a.affiliations, b.affiliations)) return 'a speaker changed';
    if (!same(a.inferredTools, b.inferredTools)) return 'an inferred tool changed';
    if (a.inferredTools.length > 0 && a.line !== b.line) return 'a talk defining a tool moved';
  }
  return null;
}

export interface PostChange {
  path: string;
  before: PostDraft;
  after: PostDraft;
  /** The file's new text, from which each talk keeps its section. */
  text: string;
  /** Every diagnostic of the file but those the graph builder adds: the loader's, then extraction's. */
  diagnostics: readonly Diagnostic[];
}

export type PatchResult = { version: Version; base: PatchBase } | { reason: string };

/** `draftOf` gives the draft each other post of the graph was built from. */
export function patchGraph(
  prev: Version,
  base: PatchBase,
  change: PostChange,
  draftOf: (path: string) => PostDraft | null | undefined,
): PatchResult {
  const { path, before, after } = change;
  const { data } = prev;
  const shape = shapeChange(before, after);
  if (shape !== null) return { reason: shape };
  const postAt = data.posts.findIndex((p) => p.path === path);
  const oldPost = data.posts[postAt];
  if (oldPost === undefined) return { reason: 'the post is not in the graph' };
  const index = prev.store.index;
  const oldTalks = oldPost.talkSlugs.map((s) => index.talkMap.get(s) as TalkModel);
  const talkAt = oldTalks.length === 0 ? -1 : data.talks.indexOf(oldTalks[0] as TalkModel);
  if (oldTalks.length > 0 && talkAt < 0) return { reason: 'the post is not in the graph' };

  const evidenceAt = evidenceOf(path);
  const markdown = talkSections(change.text);
  const newTalks = after.talks.map((t, i) => {
    const old = oldTalks[i] as TalkModel;
    const toolSlugs = mentionSlugs(
      t,
      renameInferred(t, base.toolsBySlug, () => {}),
    );
    const place = {
      slug: old.slug,
      conferenceSlug: oldPost.conferenceSlug,
      speakerSlugs: old.speakerSlugs,
      toolSlugs,
      topicSlugs: talkTopicSlugs(t, toolSlugs, base.toolsBySlug),
    };
    return talkModel(after, t, place, evidenceAt, markdown);
  });

  // A catalogue tool is in the graph while some talk mentions it: its coming or going moves tools and topics.
  const uses = (talks: readonly TalkModel[]) => {
    const counts = new Map<string, number>();
    for (const t of talks)
      for (const m of t.mentions) counts.set(m.toolSlug, (counts.get(m.toolSlug) ?? 0) + 1);
    return counts;
  };
  const usedBefore = uses(oldTalks);
  const usedAfter = uses(newTalks);
  for (const slug of usedAfter.keys()) {
    if (!usedBefore.has(slug) && !index.toolMap.has(slug)) return { reason: `${slug} joins the graph` };
  }
  const toolUse = new Map(base.toolUse);
  for (const [slug, n] of usedBefore) {
    const left = (toolUse.get(slug) ?? 0) - n;
    if (left === 0 && !usedAfter.has(slug) && base.toolsBySlug.get(slug)?.origin === 'CATALOGUE')
      return { reason: `${slug} leaves the graph` };
    toolUse.set(slug, left);
  }
  for (const [slug, n] of usedAfter) toolUse.set(slug, (toolUse.get(slug) ?? 0) + n);
  if (!same(madeTopics(path, before, oldTalks, base), madeTopics(path, after, newTalks, base)))
    return { reason: 'the topics it makes changed' };

  const pathOf = (slug: string) => index.talkMap.get(slug)?.source.path ?? '';
  const links = patchLinks({
    path,
    before,
    after,
    slugs: oldPost.talkSlugs,
    conferenceSlug: oldPost.conferenceSlug,
    links: data.links,
    linkMap: index.linkMap,
    pathOf,
    draftOf,
  });
  if (typeof links === 'string') return { reason: links };
  const topicTools = patchTopicTools({
    path,
    before: oldTalks,
    after: newTalks,
    use: base.topicToolUse,
    topicTools: index.topicTools,
    carriers: base.carriers,
  });
  if (typeof topicTools === 'string') return { reason: topicTools };

  const talks = data.talks.slice();
  talks.splice(talkAt, newTalks.length, ...newTalks);
  const posts = data.posts.slice();
  posts[postAt] = postModel(after, oldPost.conferenceSlug, oldPost.talkSlugs);
  const candidates = base.candidates.slice();
  candidates.splice(
    talkAt,
    newTalks.length,
    ...after.talks.map((t, i) => ({
      talkSlug: oldPost.talkSlugs[i] as string,
      path,
      candidates: t.candidates,
    })),
  );
  const next: GraphData = {
    conferences: data.conferences,
    talks,
    tools: data.tools,
    topics: data.topics,
    speakers: data.speakers,
    links: links.links as GraphData['links'],
    posts,
    diagnostics: replaceDiagnostics(data.diagnostics, path, fileDiagnostics(change, newTalks)),
  };
  // Suggestions weigh every talk's terms: made again when first asked for.
  let suggestions: GraphData['suggestions'];
  Object.defineProperty(next, 'suggestions', {
    enumerable: true,
    configurable: true,
    get: () => {
      suggestions ??= suggestTools(candidates, talks, next.tools);
      return suggestions;
    },
    set: (value: GraphData['suggestions']) => {
      suggestions = value;
    },
  });
  const indexes = patchIndexes(index, {
    path,
    before: oldTalks,
    after: newTalks,
    links: links.changed,
    topicTools,
  });
  return {
    version: { data: next, store: new MemoryStore(next, indexes) },
    base: { ...base, toolUse, candidates },
  };
}

/** The file's diagnostics in the graph: its own, and one per talk whose slug was taken. */
function fileDiagnostics(change: PostChange, talks: readonly TalkModel[]): Diagnostic[] {
  const taken = change.after.talks.flatMap((t, i) => {
    const slug = (talks[i] as TalkModel).slug;
    return slug === slugify(t.title) ? [] : [duplicateSlugDiagnostic(change.path, t, slug)];
  });
  return sortDiagnostics([...change.diagnostics, ...taken]);
}

/** `all` (sorted by path) with the diagnostics of `path` replaced. */
function replaceDiagnostics(all: readonly Diagnostic[], path: string, mine: Diagnostic[]): Diagnostic[] {
  let lo = 0;
  while (lo < all.length && (all[lo] as Diagnostic).path < path) lo++;
  let hi = lo;
  while (hi < all.length && (all[hi] as Diagnostic).path === path) hi++;
  return [...all.slice(0, lo), ...mine, ...all.slice(hi)];
}
