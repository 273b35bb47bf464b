/**
 * @module indexing/linkPatch
 * The links of a graph after one post's citations changed. A link is made
 * by the first post citing its URL (kind, host, source), takes the first
 * label any citing post gives, and lists its talks in corpus order; the
 * links come in the order they were first cited, so the links a post made
 * sit together, between those of the posts before and after it.
 *
 * The post's own share is recomputed; what other posts decide is kept. When
 * the change would hand one of those decisions to another post (the post
 * stops citing a URL it cited first while others still cite it, starts
 * citing one first cited after it, or changes the label where another
 * post's may count), the answer is a reason, and the caller rebuilds.
 */
import type { CitationDraft, PostDraft } from '../extract/post.js';
import { replaceRun } from '../graph/indexPatch.js';
import type { Lookup } from '../graph/layeredMap.js';
import type { LinkModel } from '../graph/types.js';

interface UrlUse {
  first: CitationDraft;
  /** The first label the post gives the URL. */
  label: string | null;
  /** The post's talks citing it, in order. */
  talks: string[];
  /** Cited outside the talks, for the post's conference. */
  conference: boolean;
}

/** How a post cites each URL, in the order the graph builder meets the citations. */
function usesOf(
  post: PostDraft,
  slugs: readonly string[],
  conferenceSlug: string | null,
): Map<string, UrlUse> {
  const uses = new Map<string, UrlUse>();
  const use = (c: CitationDraft, talk: string | undefined) => {
    let u = uses.get(c.url);
    if (u === undefined) {
      u = { first: c, label: null, talks: [], conference: false };
      uses.set(c.url, u);
    }
    u.label ??= c.label;
    if (talk === undefined) u.conference = true;
    else if (u.talks[u.talks.length - 1] !== talk) u.talks.push(talk);
  };
  // Citations outside talks count only for a post about a conference.
  if (conferenceSlug !== null) for (const c of post.conferenceCitations) use(c, undefined);
  post.talks.forEach((t, i) => {
    for (const c of t.citations) use(c, slugs[i]);
  });
  return uses;
}

export interface LinksInput {
  path: string;
  before: PostDraft;
  after: PostDraft;
  /** The post's talk slugs (the same before and after). */
  slugs: readonly string[];
  conferenceSlug: string | null;
  links: readonly LinkModel[];
  linkMap: Lookup<LinkModel>;
  /** The path of the post holding a talk. */
  pathOf: (talkSlug: string) => string;
  /** The draft a post of the graph was built from. */
  draftOf: (path: string) => PostDraft | null | undefined;
}

/** The first label a post gives a URL; undefined when its draft is not at hand. */
function labelGiven(post: PostDraft | null | undefined, url: string): string | null | undefined {
  if (!post) return undefined;
  for (const c of post.conferenceCitations) if (c.url === url && c.label !== null) return c.label;
  for (const t of post.talks)
    for (const c of t.citations) if (c.url === url && c.label !== null) return c.label;
  return null;
}

export interface LinksOutput {
  links: readonly LinkModel[];
  /** Links replaced (the new model) or removed (null). */
  changed: Map<string, LinkModel | null>;
}

function sameLink(a: LinkModel, b: LinkModel): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.host === b.host &&
    a.youtubeId === b.youtubeId &&
    a.source.line === b.source.line &&
    a.talkSlugs.length === b.talkSlugs.length &&
    a.talkSlugs.every((s, i) => s === b.talkSlugs[i])
  );
}

/** The links after the change, or why the post's change reaches other posts' links. */
export function patchLinks(input: LinksInput): LinksOutput | string {
  const { path, slugs, linkMap } = input;
  const before = usesOf(input.before, slugs, input.conferenceSlug);
  const after = usesOf(input.after, slugs, input.conferenceSlug);
  const changed = new Map<string, LinkModel | null>();
  /** The new model of each link the post makes. */
  const made = new Map<string, LinkModel>();

  for (const url of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(url);
    const use = after.get(url);
    const link = linkMap.get(url);
    const maker = link?.source.path;
    if (link === undefined || maker === undefined) {
      if (use === undefined) continue;
      const link: LinkModel = {
        url,
        kind: use.first.kind,
        label: use.label,
        host: use.first.host,
        youtubeId: use.first.youtubeId,
        talkSlugs: use.talks,
        conferenceSlugs: use.conference && input.conferenceSlug !== null ? [input.conferenceSlug] : [],
        source: { path, line: use.first.line },
      };
      changed.set(url, link);
      made.set(url, link);
      continue;
    }
    if (maker > path) {
      if (use !== undefined) return `${url} is first cited after this post`;
      continue;
    }
    const talkSlugs = sameRun(old?.talks, use?.talks)
      ? link.talkSlugs
      : replaceRun(link.talkSlugs, use?.talks ?? [], path, input.pathOf);
    if (maker < path) {
      // The post's label counts only when no post before it gave one; the maker's, if any, stands.
      const labelChanged = (old?.label ?? null) !== (use?.label ?? null);
      if (labelChanged && !labelGiven(input.draftOf(maker), url))
        return `${url}'s label may come from another post`;
      if (talkSlugs !== link.talkSlugs) changed.set(url, { ...link, talkSlugs });
      continue;
    }
    // This post made the link.
    if (use === undefined) {
      if (talkSlugs.length > 0 || link.conferenceSlugs.length > 0)
        return `${url} would be made by another post`;
      changed.set(url, null);
      continue;
    }
    let label = link.label;
    if ((old?.label ?? null) !== use.label) {
      if (use.label === null) return `${url}'s label would come from another post`;
      label = use.label;
    }
    const remade: LinkModel = {
      ...link,
      kind: use.first.kind,
      label,
      host: use.first.host,
      youtubeId: use.first.youtubeId,
      talkSlugs,
      source: { path, line: use.first.line },
    };
    const kept = sameLink(remade, link) ? link : remade;
    if (kept !== link) changed.set(url, kept);
    made.set(url, kept);
  }
  if (changed.size === 0) return { links: input.links, changed };

  // The post's links sit together, in the order it first cites them, where its path falls
  // among the posts that made links.
  const block: LinkModel[] = [];
  for (const url of after.keys()) {
    const link = made.get(url);
    if (link !== undefined) block.push(link);
  }
  const links = input.links;
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((links[mid] as LinkModel).source.path < path) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < links.length && (links[end] as LinkModel).source.path === path) end++;
  const out = [...links.slice(0, lo), ...block, ...links.slice(end)];
  for (let i = 0; i < lo; i++) {
    const replaced = changed.get((out[i] as LinkModel).url);
    if (replaced) out[i] = replaced;
  }
  return { links: out, changed };
}

function sameRun(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((s, i) => s === y[i]);
}
