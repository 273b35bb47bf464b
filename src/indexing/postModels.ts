/**
 * @module indexing/postModels
 * The models one post contributes, made the same way by the full build
 * (`build.ts`) and by the one-post update (`graphPatch.ts`): a talk's model
 * from its draft, its post's model, its tools after renaming, its topics, and
 * the diagnostic of a talk whose slug was taken.
 */
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { PostDraft, TalkDraft } from '../extract/post.js';
import { shareEvidence } from '../graph/shareEvidence.js';
import type { Evidence, PostModel, TalkModel, ToolModel } from '../graph/types.js';
import { slugify } from '../keys.js';
import type { TalkSections } from './talkMarkdown.js';

export function topicName(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/**
 * Inferred tools are named after their repository; two owners' "widget"s stay two tools.
 * The owner, not a number, tells them apart: the same repository must get the same slug in
 * every talk. Returns the renamed slugs; `define` is called for each tool not yet known.
 */
export function renameInferred(
  talk: TalkDraft,
  toolsBySlug: ReadonlyMap<string, ToolModel>,
  define: (slug: string, tool: ToolModel) => void,
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const tool of talk.inferredTools) {
    let slug = tool.slug;
    const taken = toolsBySlug.get(slug);
    if (taken !== undefined && taken.repositoryUrl !== tool.repositoryUrl) {
      const owner = tool.repositoryUrl?.split('/')[3] ?? 'repo';
      slug = slugify(`${owner}-${tool.name}`);
      renamed.set(tool.slug, slug);
    }
    if (!toolsBySlug.has(slug)) define(slug, tool);
  }
  return renamed;
}

/** The tool slug of each mention of a talk, after renaming. */
export function mentionSlugs(talk: TalkDraft, renamed: ReadonlyMap<string, string>): string[] {
  return talk.mentions.map((m) => renamed.get(m.toolSlug) ?? m.toolSlug);
}

/** A talk's topics: its own, then those of the tools it mentions. */
export function talkTopicSlugs(
  talk: TalkDraft,
  toolSlugs: readonly string[],
  toolsBySlug: ReadonlyMap<string, ToolModel>,
): Set<string> {
  const topicSlugs = new Set(talk.topicSlugs);
  for (const slug of toolSlugs)
    for (const topic of toolsBySlug.get(slug)?.topics ?? []) topicSlugs.add(topic);
  return topicSlugs;
}

export function duplicateSlugDiagnostic(path: string, talk: TalkDraft, slug: string): Diagnostic {
  return diagnostic(
    'DUPLICATE_SLUG',
    path,
    talk.line,
    `talk "${talk.title}" has the slug of an earlier talk; it is "${slug}" instead`,
  );
}

/** A line naming several tools is the evidence of each: one read-only object serves them all. */
export function evidenceOf(path: string): (line: number, text: string) => Evidence {
  const evidenceByLine = new Map<number, Evidence>();
  return (line, text) => {
    const known = evidenceByLine.get(line);
    if (known?.text === text) return known;
    const evidence = { path, line, text };
    evidenceByLine.set(line, evidence);
    return evidence;
  };
}

/**
 * The summary as a view into the notes when they hold it (they do whenever its sentence is written
 * on one line): the engine then keeps one copy of those characters instead of two.
 */
function withinNotes(summary: string | null, notes: string): string | null {
  if (summary === null) return null;
  const at = notes.indexOf(summary);
  return at === -1 ? summary : notes.slice(at, at + summary.length);
}

export interface TalkPlace {
  slug: string;
  conferenceSlug: string | null;
  speakerSlugs: string[];
  toolSlugs: readonly string[];
  topicSlugs: ReadonlySet<string>;
}

export function talkModel(
  post: PostDraft,
  t: TalkDraft,
  place: TalkPlace,
  evidenceAt: (line: number, text: string) => Evidence,
  markdown: TalkSections | undefined,
  share: (text: string) => string = (text) => text,
): TalkModel {
  const { slug, toolSlugs } = place;
  const talk: TalkModel = {
    slug,
    title: t.title,
    kind: t.kind,
    conferenceSlug: place.conferenceSlug,
    // Copied at its length: a list grown by push keeps room for more than a dozen entries.
    speakerSlugs: place.speakerSlugs.slice(),
    videoUrl: t.videoUrl,
    youtubeId: t.youtubeId,
    videoStart: t.videoStart,
    summary: withinNotes(t.summary, t.notes),
    notes: t.notes,
    topicSlugs: [...place.topicSlugs],
    citations: t.citations.map((c) => ({
      url: c.url,
      label: c.label === null ? null : share(c.label),
      line: c.line,
    })),
    mentions: t.mentions.map((m, i) => ({
      toolSlug: toolSlugs[i] ?? m.toolSlug,
      talkSlug: slug,
      via: m.via,
      evidence: m.evidence.map((e) => evidenceAt(e.line, e.text)),
    })),
    source: { path: post.path, line: t.line },
    endLine: t.endLine,
    date: post.date,
    ...(markdown === undefined ? {} : { markdown: markdown.section(t.line, t.endLine) }),
  };
  shareEvidence(talk);
  return talk;
}

export function postModel(
  post: PostDraft,
  conferenceSlug: string | null,
  talkSlugs: string[],
  share: (text: string) => string = (text) => text,
): PostModel {
  return {
    path: post.path,
    title: post.title,
    date: post.date,
    tags: post.tags.map(share),
    categories: post.categories.map(share),
    description: post.description,
    draft: post.draft,
    frontMatter: post.frontMatter,
    conferenceSlug,
    talkSlugs,
  };
}
