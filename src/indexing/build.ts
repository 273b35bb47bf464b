/**
 * @module indexing/build
 * The only writer of the graph: assembles the extracted posts and the
 * registries into one immutable GraphData with unique slugs, shared link and
 * conference nodes, and provenance on every entity and edge.
 */
import { type Diagnostic, diagnostic, type Report } from '../diagnostics.js';
import type { CitationDraft, PostDraft } from '../extract/post.js';
import type { MentionDraft } from '../extract/tools.js';
import type { GraphData } from '../graph/store.js';
import type {
  ConferenceModel,
  Evidence,
  LinkModel,
  PostModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  TopicModel,
} from '../graph/types.js';
import { conferenceKey, SlugRegistry, slugify } from '../keys.js';
import type { Registries } from '../registry/registry.js';
import { suggestTools, type TalkCandidates } from './suggestions.js';
import { talkSections } from './talkMarkdown.js';

function topicName(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/**
 * Builds a graph one post at a time, in corpus order: a post's draft can be
 * dropped as soon as it is added, so indexing never holds every draft and
 * the graph at once. `finish` completes what needs every post (catalogue
 * tools that were mentioned, suggestions) and hands back the graph.
 */
export interface GraphBuilder {
  /** Adds a post; `text` is its file's text, from which each talk keeps its section as written. */
  add(post: PostDraft, text?: string): void;
  finish(diagnostics: readonly Diagnostic[]): GraphData;
}

export function createGraphBuilder(registries: Registries): GraphBuilder {
  const extra: Diagnostic[] = [];
  const report: Report = (d) => extra.push(d);

  const conferences = new Map<string, ConferenceModel>();
  const conferenceByKey = new Map<string, string>();
  for (const c of registries.conferences) {
    conferences.set(c.slug, { ...c, aliases: [...c.aliases], talkSlugs: [], linkUrls: [] });
  }

  const toolsBySlug = new Map<string, ToolModel>(registries.tools.map((t) => [t.slug, t]));
  const usedTools = new Set<string>(
    registries.tools.filter((t) => t.origin === 'REGISTRY').map((t) => t.slug),
  );
  const topics = new Map<string, TopicModel>(registries.topics.map((t) => [t.slug, t]));
  const speakers = new Map<string, SpeakerModel>();
  const links = new Map<string, LinkModel>();
  const talks: TalkModel[] = [];
  const postModels: PostModel[] = [];
  const talkSlugs = new SlugRegistry();
  const conferenceSlugs = new SlugRegistry();
  for (const slug of conferences.keys()) conferenceSlugs.reserve(slug);
  const candidates: TalkCandidates[] = [];
  const conferenceLinks = new Map<string, Set<string>>();

  const ensureTopic = (slug: string, name: string, path: string | null) => {
    if (!topics.has(slug)) {
      topics.set(slug, {
        slug,
        name,
        aliases: [],
        parentSlug: null,
        source: path === null ? null : { path, line: 1 },
      });
    }
  };

  const cite = (c: CitationDraft, path: string, owner: { talk?: string; conference?: string }) => {
    let link = links.get(c.url);
    if (link === undefined) {
      link = {
        url: c.url,
        kind: c.kind,
        label: c.label,
        host: c.host,
        youtubeId: c.youtubeId,
        talkSlugs: [],
        conferenceSlugs: [],
        source: { path, line: c.line },
      };
      links.set(c.url, link);
    }
    if (link.label === null && c.label !== null) link.label = c.label;
    // Talk slugs are unique and a talk's citations come together: a repeat is always the last entry.
    if (owner.talk !== undefined && link.talkSlugs[link.talkSlugs.length - 1] !== owner.talk)
      link.talkSlugs.push(owner.talk);
    if (owner.conference !== undefined && !link.conferenceSlugs.includes(owner.conference)) {
      link.conferenceSlugs.push(owner.conference);
    }
  };

  const add = (post: PostDraft, text?: string) => {
    let conference: ConferenceModel | null = null;
    const draft = post.conference;
    if (draft !== null) {
      if (draft.registeredSlug !== null) {
        conference = conferences.get(draft.registeredSlug) ?? null;
      } else {
        const key = conferenceKey(draft.name, draft.year);
        const existing = conferenceByKey.get(key);
        if (existing !== undefined) conference = conferences.get(existing) ?? null;
        else {
          let base = draft.name;
          if (draft.year !== null && !draft.name.includes(String(draft.year)))
            base = `${draft.name} ${draft.year}`;
          const { slug } = conferenceSlugs.take(base);
          conference = {
            slug,
            name: draft.name,
            aliases: [],
            year: draft.year,
            location: null,
            startDate: null,
            endDate: null,
            url: null,
            playlistUrl: null,
            registered: false,
            source: { path: post.path, line: draft.line },
            talkSlugs: [],
            linkUrls: [],
          };
          conferences.set(slug, conference);
          conferenceByKey.set(key, slug);
        }
      }
      if (conference !== null) {
        // Posts about the same conference complete each other.
        conference.year ??= draft.year;
        conference.location ??= draft.location;
        conference.startDate ??= draft.startDate;
        conference.endDate ??= draft.endDate;
      }
    }

    for (const c of post.conferenceCitations) {
      if (conference === null) continue;
      cite(c, post.path, { conference: conference.slug });
      const seen = conferenceLinks.get(conference.slug) ?? new Set(conference.linkUrls);
      conferenceLinks.set(conference.slug, seen);
      if (!seen.has(c.url)) {
        seen.add(c.url);
        conference.linkUrls.push(c.url);
      }
      if (c.kind === 'PLAYLIST') conference.playlistUrl ??= c.url;
    }
    for (const name of [...post.tags, ...post.categories]) ensureTopic(slugify(name), name, post.path);

    const postTalks: string[] = [];
    // A line naming several tools is the evidence of each: one read-only object serves them all.
    const evidenceByLine = new Map<number, Evidence>();
    const evidenceAt = (line: number, text: string): Evidence => {
      const known = evidenceByLine.get(line);
      if (known?.text === text) return known;
      const evidence = { path: post.path, line, text };
      evidenceByLine.set(line, evidence);
      return evidence;
    };
    const markdown = text === undefined ? undefined : talkSections(text);
    for (const t of post.talks) {
      const { slug, duplicate } = talkSlugs.take(t.title);
      if (duplicate) {
        report(
          diagnostic(
            'DUPLICATE_SLUG',
            post.path,
            t.line,
            `talk "${t.title}" has the slug of an earlier talk; it is "${slug}" instead`,
          ),
        );
      }
      // Inferred tools are named after their repository; two owners' "widget"s stay two tools.
      // The owner, not a number, tells them apart: the same repository must get the same slug in every talk.
      const renamed = new Map<string, string>();
      for (const tool of t.inferredTools) {
        let slug = tool.slug;
        const taken = toolsBySlug.get(slug);
        if (taken !== undefined && taken.repositoryUrl !== tool.repositoryUrl) {
          const owner = tool.repositoryUrl?.split('/')[3] ?? 'repo';
          slug = slugify(`${owner}-${tool.name}`);
          renamed.set(tool.slug, slug);
        }
        if (!toolsBySlug.has(slug)) {
          toolsBySlug.set(slug, { ...tool, slug, source: { path: post.path, line: t.line } });
        }
      }
      const toolSlugs =
        renamed.size === 0 ? null : t.mentions.map((m) => renamed.get(m.toolSlug) ?? m.toolSlug);
      const topicSlugs = new Set(t.topicSlugs);
      for (let i = 0; i < t.mentions.length; i++) {
        const toolSlug = toolSlugs?.[i] ?? (t.mentions[i] as MentionDraft).toolSlug;
        usedTools.add(toolSlug);
        for (const topic of toolsBySlug.get(toolSlug)?.topics ?? []) {
          topicSlugs.add(topic);
          if (!topics.has(topic)) ensureTopic(topic, topicName(topic), null);
        }
      }
      const speakerSlugs: string[] = [];
      for (const name of t.speakers) {
        const s = slugify(name);
        const affiliation = t.affiliations.find((a) => a.name === name)?.affiliation ?? null;
        const speaker = speakers.get(s) ?? { slug: s, name, affiliation, talkSlugs: [] };
        // The first affiliation written with the name stands; later talks may omit it.
        speaker.affiliation ??= affiliation;
        speakers.set(s, speaker);
        speaker.talkSlugs.push(slug);
        if (!speakerSlugs.includes(s)) speakerSlugs.push(s);
      }
      for (const c of t.citations) cite(c, post.path, { talk: slug });
      talks.push({
        slug,
        title: t.title,
        kind: t.kind,
        conferenceSlug: conference?.slug ?? null,
        speakerSlugs,
        videoUrl: t.videoUrl,
        youtubeId: t.youtubeId,
        videoStart: t.videoStart,
        summary: t.summary,
        notes: t.notes,
        topicSlugs: [...topicSlugs],
        citations: t.citations.map((c) => ({ url: c.url, label: c.label, line: c.line })),
        mentions: t.mentions.map((m, i) => ({
          toolSlug: toolSlugs?.[i] ?? m.toolSlug,
          talkSlug: slug,
          via: m.via,
          evidence: m.evidence.map((e) => evidenceAt(e.line, e.text)),
        })),
        source: { path: post.path, line: t.line },
        endLine: t.endLine,
        date: post.date,
        ...(markdown === undefined ? {} : { markdown: markdown.section(t.line, t.endLine) }),
      });
      conference?.talkSlugs.push(slug);
      postTalks.push(slug);
      candidates.push({ talkSlug: slug, path: post.path, candidates: t.candidates });
    }
    postModels.push({
      path: post.path,
      title: post.title,
      date: post.date,
      tags: post.tags,
      categories: post.categories,
      description: post.description,
      draft: post.draft,
      frontMatter: post.frontMatter,
      conferenceSlug: conference?.slug ?? null,
      talkSlugs: postTalks,
    });
  };

  const finish = (diagnostics: readonly Diagnostic[]): GraphData => {
    // Catalogue tools join the graph when a talk mentions them; registry and inferred tools always do.
    const tools = [...toolsBySlug.values()].filter((t) => t.origin !== 'CATALOGUE' || usedTools.has(t.slug));
    for (const tool of tools) for (const topic of tool.topics) ensureTopic(topic, topicName(topic), null);

    return {
      suggestions: suggestTools(candidates, talks, tools),
      conferences: [...conferences.values()],
      talks,
      tools,
      topics: [...topics.values()],
      speakers: [...speakers.values()],
      links: [...links.values()],
      posts: postModels,
      diagnostics: [...diagnostics, ...extra],
    };
  };

  return { add, finish };
}

/** Builds the graph of a whole corpus at once (posts in corpus order). */
export function buildGraph(
  registries: Registries,
  posts: readonly PostDraft[],
  diagnostics: readonly Diagnostic[],
): GraphData {
  const builder = createGraphBuilder(registries);
  for (const post of posts) builder.add(post);
  return builder.finish(diagnostics);
}
