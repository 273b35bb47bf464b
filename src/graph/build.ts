/**
 * @module graph/build
 * The only writer of the graph: assembles the extracted posts and the
 * registries into one immutable GraphData with unique slugs, shared link and
 * conference nodes, and provenance on every entity and edge.
 */
import { diagnostic, type Report } from '../diagnostics.js';
import { conferenceKey } from '../extract/conferences.js';
import type { CitationDraft, PostDraft } from '../extract/post.js';
import { SlugRegistry, slugify } from '../extract/slug.js';
import type { Registries } from '../registry/registry.js';
import type { GraphData } from './store.js';
import type {
  ConferenceModel,
  Diagnostic,
  LinkModel,
  PostModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  ToolSuggestionModel,
  TopicModel,
} from './types.js';

function topicName(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/**
 * Candidate terms that recur become suggestions: code spans and inner-capital
 * names from two occurrences, capitalised words from three talks; inferred
 * tools (repositories linked but not catalogued) are suggested as they are.
 */
function suggestTools(
  posts: readonly PostDraft[],
  talks: readonly TalkModel[],
  tools: readonly ToolModel[],
): ToolSuggestionModel[] {
  const byTerm = new Map<string, ToolSuggestionModel & { count: number }>();
  let talkIndex = 0;
  for (const post of posts) {
    for (const draft of post.talks) {
      const talk = talks[talkIndex++];
      if (talk === undefined) continue;
      for (const c of draft.candidates) {
        const key = c.term.toLowerCase();
        const reason = c.code
          ? 'CODE'
          : /\p{Lu}/u.test(c.term.slice(1)) || /^\p{Ll}/u.test(c.term)
            ? 'INNER_CAPITALS'
            : 'RECURRING_NAME';
        let s = byTerm.get(key);
        if (s === undefined) {
          s = { term: c.term, slug: slugify(c.term), reason, talkSlugs: [], occurrences: [], count: 0 };
          byTerm.set(key, s);
        }
        s.count += 1;
        if (s.talkSlugs[s.talkSlugs.length - 1] !== talk.slug) s.talkSlugs.push(talk.slug);
        if (s.occurrences.length < 5) s.occurrences.push({ path: post.path, line: c.line, text: c.text });
      }
    }
  }
  const recurring = [...byTerm.values()].filter((s) =>
    s.reason === 'RECURRING_NAME' ? s.talkSlugs.length >= 3 : s.count >= 2,
  );
  const mentionsOf = new Map<
    string,
    { talkSlugs: string[]; occurrences: ToolSuggestionModel['occurrences'] }
  >();
  for (const talk of talks) {
    for (const m of talk.mentions) {
      const entry = mentionsOf.get(m.toolSlug) ?? { talkSlugs: [], occurrences: [] };
      mentionsOf.set(m.toolSlug, entry);
      entry.talkSlugs.push(talk.slug);
      if (entry.occurrences.length < 5)
        entry.occurrences.push(...m.evidence.slice(0, 5 - entry.occurrences.length));
    }
  }
  const inferred: ToolSuggestionModel[] = tools
    .filter((t) => t.inferred)
    .map((t) => ({
      term: t.name,
      slug: t.slug,
      reason: 'REPOSITORY' as const,
      talkSlugs: mentionsOf.get(t.slug)?.talkSlugs ?? [],
      occurrences: mentionsOf.get(t.slug)?.occurrences ?? [],
    }));
  return [
    ...recurring
      .sort(
        (a, b) =>
          b.talkSlugs.length - a.talkSlugs.length || b.count - a.count || a.term.localeCompare(b.term),
      )
      .map(({ count: _count, ...s }) => s),
    ...inferred,
  ];
}

export function buildGraph(
  registries: Registries,
  posts: readonly PostDraft[],
  diagnostics: readonly Diagnostic[],
): GraphData {
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
    if (owner.talk !== undefined && !link.talkSlugs.includes(owner.talk)) link.talkSlugs.push(owner.talk);
    if (owner.conference !== undefined && !link.conferenceSlugs.includes(owner.conference)) {
      link.conferenceSlugs.push(owner.conference);
    }
  };

  for (const post of posts) {
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
          let slug = slugify(base);
          for (let n = 2; conferences.has(slug); n++) slug = `${slugify(base)}-${n}`;
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
      const mentions = t.mentions.map((m) => ({ ...m, toolSlug: renamed.get(m.toolSlug) ?? m.toolSlug }));
      const topicSlugs = new Set(t.topicSlugs);
      for (const m of mentions) {
        usedTools.add(m.toolSlug);
        for (const topic of toolsBySlug.get(m.toolSlug)?.topics ?? []) {
          topicSlugs.add(topic);
          ensureTopic(topic, topicName(topic), null);
        }
      }
      const speakerSlugs: string[] = [];
      for (const name of t.speakers) {
        const s = slugify(name);
        const speaker = speakers.get(s) ?? { slug: s, name, talkSlugs: [] };
        speakers.set(s, speaker);
        speaker.talkSlugs.push(slug);
        if (!speakerSlugs.includes(s)) speakerSlugs.push(s);
      }
      for (const c of t.citations) cite(c, post.path, { talk: slug });
      talks.push({
        slug,
        title: t.title,
        conferenceSlug: conference?.slug ?? null,
        speakerSlugs,
        videoUrl: t.videoUrl,
        youtubeId: t.youtubeId,
        videoStart: t.videoStart,
        summary: t.summary,
        notes: t.notes,
        topicSlugs: [...topicSlugs],
        citations: t.citations.map((c) => ({ url: c.url, label: c.label, line: c.line })),
        mentions: mentions.map((m) => ({
          toolSlug: m.toolSlug,
          talkSlug: slug,
          via: m.via,
          evidence: m.evidence.map((e) => ({ path: post.path, line: e.line, text: e.text })),
        })),
        source: { path: post.path, line: t.line },
        endLine: t.endLine,
        date: post.date,
      });
      conference?.talkSlugs.push(slug);
      postTalks.push(slug);
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
  }

  // Catalogue tools join the graph when a talk mentions them; registry and inferred tools always do.
  const tools = [...toolsBySlug.values()].filter((t) => t.origin !== 'CATALOGUE' || usedTools.has(t.slug));
  for (const tool of tools) for (const topic of tool.topics) ensureTopic(topic, topicName(topic), null);

  return {
    suggestions: suggestTools(posts, talks, tools),
    conferences: [...conferences.values()],
    talks,
    tools,
    topics: [...topics.values()],
    speakers: [...speakers.values()],
    links: [...links.values()],
    posts: postModels,
    diagnostics: [...diagnostics, ...extra],
  };
}
