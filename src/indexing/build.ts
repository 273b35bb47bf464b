/**
 * @module indexing/build
 * The only writer of the graph: assembles the extracted posts and the
 * registries into one immutable GraphData with unique slugs, shared link and
 * conference nodes, and provenance on every entity and edge.
 */
import type { Diagnostic, Report } from '../diagnostics.js';
import type { CitationDraft, PostDraft } from '../extract/post.js';
import type { GraphData } from '../graph/store.js';
import type {
  ConferenceModel,
  LinkModel,
  PostModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  TopicModel,
} from '../graph/types.js';
import { conferenceKey, SlugRegistry, slugify } from '../keys.js';
import type { Registries } from '../registry/registry.js';
import {
  duplicateSlugDiagnostic,
  evidenceOf,
  mentionSlugs,
  postModel,
  renameInferred,
  talkModel,
  talkTopicSlugs,
  topicName,
} from './postModels.js';
import { suggestTools, type TalkCandidates } from './suggestions.js';
import { talkSections } from './talkMarkdown.js';

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
  // Each post's parse makes its own copy of a link's label and host, of its tags and of every slug it
  // names: at 10,000 posts, 250,000 copies of a few thousand strings ("Video Link", "github.com", a
  // topic's slug). The graph keeps one of each, as a graph read from a snapshot does.
  const shared = new Map<string, string>();
  const one = (text: string): string => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  };

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
        label: c.label === null ? null : one(c.label),
        host: one(c.host),
        youtubeId: c.youtubeId,
        talkSlugs: [],
        conferenceSlugs: [],
        source: { path, line: c.line },
      };
      links.set(c.url, link);
    }
    if (link.label === null && c.label !== null) link.label = one(c.label);
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
    const evidenceAt = evidenceOf(post.path);
    const markdown = text === undefined ? undefined : talkSections(text);
    for (const t of post.talks) {
      const { slug, duplicate } = talkSlugs.take(t.title);
      if (duplicate) report(duplicateSlugDiagnostic(post.path, t, slug));
      const renamed = renameInferred(t, toolsBySlug, (slug, tool) =>
        toolsBySlug.set(slug, { ...tool, slug, source: { path: post.path, line: t.line } }),
      );
      const toolSlugs = mentionSlugs(t, renamed);
      for (const toolSlug of toolSlugs) {
        usedTools.add(toolSlug);
        for (const topic of toolsBySlug.get(toolSlug)?.topics ?? []) {
          if (!topics.has(topic)) ensureTopic(topic, topicName(topic), null);
        }
      }
      const topicSlugs = new Set([...talkTopicSlugs(t, toolSlugs, toolsBySlug)].map(one));
      const speakerSlugs: string[] = [];
      for (const name of t.speakers) {
        const s = one(slugify(name));
        const affiliation = t.affiliations.find((a) => a.name === name)?.affiliation ?? null;
        const speaker = speakers.get(s) ?? { slug: s, name, affiliation, talkSlugs: [] };
        // The first affiliation written with the name stands; later talks may omit it.
        speaker.affiliation ??= affiliation;
        speakers.set(s, speaker);
        speaker.talkSlugs.push(slug);
        if (!speakerSlugs.includes(s)) speakerSlugs.push(s);
      }
      for (const c of t.citations) cite(c, post.path, { talk: slug });
      const conferenceSlug = conference?.slug ?? null;
      talks.push(
        talkModel(
          post,
          t,
          { slug, conferenceSlug, speakerSlugs, toolSlugs, topicSlugs },
          evidenceAt,
          markdown,
          one,
        ),
      );
      conference?.talkSlugs.push(slug);
      postTalks.push(slug);
      candidates.push({ talkSlug: slug, path: post.path, candidates: t.candidates });
    }
    postModels.push(postModel(post, conference?.slug ?? null, postTalks.slice(), one));
  };

  const finish = (diagnostics: readonly Diagnostic[]): GraphData => {
    // Catalogue tools join the graph when a talk mentions them; registry and inferred tools always do.
    const tools = [...toolsBySlug.values()].filter((t) => t.origin !== 'CATALOGUE' || usedTools.has(t.slug));
    for (const tool of tools) for (const topic of tool.topics) ensureTopic(topic, topicName(topic), null);

    // Lists grown by push keep room for more entries: each is copied at its length once it is complete.
    for (const link of links.values()) {
      link.talkSlugs = link.talkSlugs.slice();
      link.conferenceSlugs = link.conferenceSlugs.slice();
    }
    for (const speaker of speakers.values()) speaker.talkSlugs = speaker.talkSlugs.slice();
    for (const conference of conferences.values()) {
      conference.talkSlugs = conference.talkSlugs.slice();
      conference.linkUrls = conference.linkUrls.slice();
    }
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
