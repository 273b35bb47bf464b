/**
 * @module graph/types
 * Plain backing models of the talk graph. Every entity and every edge carries
 * provenance (file, line, text). The GraphQL layer binds these with
 * `objectRef<T>()`; it shapes nothing that this layer should own.
 */
import type { Diagnostic } from '../diagnostics.js';

/** Where an entity was defined. */
export interface Source {
  path: string;
  line: number;
}

/** The text a fact was read from. */
export interface Evidence {
  path: string;
  line: number;
  text: string;
}

export type LinkKind =
  | 'VIDEO'
  | 'PLAYLIST'
  | 'REPOSITORY'
  | 'ARTICLE'
  | 'WEBSITE'
  | 'PODCAST'
  | 'SLIDES'
  | 'DOCUMENTATION'
  | 'OTHER';

export const LINK_KINDS: readonly LinkKind[] = [
  'VIDEO',
  'PLAYLIST',
  'REPOSITORY',
  'ARTICLE',
  'WEBSITE',
  'PODCAST',
  'SLIDES',
  'DOCUMENTATION',
  'OTHER',
];

/** How a tool mention was found, strongest first. */
export type MentionVia = 'REPOSITORY' | 'WEBSITE' | 'NAME' | 'ALIAS';

/** Where a tool's definition came from. */
export type ToolOrigin = 'CATALOGUE' | 'REGISTRY' | 'INFERRED';

export interface ConferenceModel {
  slug: string;
  name: string;
  aliases: string[];
  year: number | null;
  location: string | null;
  /** ISO dates (YYYY-MM-DD). */
  startDate: string | null;
  endDate: string | null;
  url: string | null;
  playlistUrl: string | null;
  /** True when the conference was found in a registry file rather than inferred from notes. */
  registered: boolean;
  source: Source;
  /** Talk slugs in corpus order (file path order, then file order). */
  talkSlugs: string[];
  /** Normalised URLs of links cited outside any talk of a post about this conference. */
  linkUrls: string[];
}

/** One citation of a URL by a talk (or conference). */
export interface Citation {
  url: string;
  label: string | null;
  line: number;
}

export interface ToolMentionModel {
  toolSlug: string;
  talkSlug: string;
  /** Strongest way this mention was found. */
  via: MentionVia;
  evidence: Evidence[];
}

/** What a talk is, as its title's prefix or words say ("Keynote: …", "Workshop: …"). */
export const TALK_KINDS = ['KEYNOTE', 'TALK', 'WORKSHOP', 'PANEL', 'LIGHTNING'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

export interface TalkModel {
  slug: string;
  title: string;
  kind: TalkKind;
  conferenceSlug: string | null;
  speakerSlugs: string[];
  videoUrl: string | null;
  youtubeId: string | null;
  /** Start offset of the primary video in seconds. */
  videoStart: number | null;
  /** First sentence(s) of the notes. */
  summary: string | null;
  /** Plain text of the talk's section. */
  notes: string;
  /** The talk's section as written (markdown, without its title heading), when the indexer kept it. */
  markdown?: string;
  topicSlugs: string[];
  citations: Citation[];
  mentions: ToolMentionModel[];
  source: Source;
  /** Last line (inclusive) of the talk's section. */
  endLine: number;
  /** Post front matter date as written, if any. */
  date: string | null;
}

export interface ToolModel {
  slug: string;
  name: string;
  aliases: string[];
  description: string | null;
  repositoryUrl: string | null;
  websiteUrl: string | null;
  topics: string[];
  caseSensitive: boolean;
  /** Ordinary word or overloaded name: matched only cased and with supporting context. */
  ambiguous: boolean;
  origin: ToolOrigin;
  inferred: boolean;
  source: Source | null;
}

export interface TopicModel {
  slug: string;
  name: string;
  aliases: string[];
  parentSlug: string | null;
  source: Source | null;
}

export interface SpeakerModel {
  slug: string;
  name: string;
  /** Role or company written with the name in the notes ("VP Engineering, Acme"); null when none. */
  affiliation: string | null;
  talkSlugs: string[];
}

export interface LinkModel {
  url: string;
  kind: LinkKind;
  label: string | null;
  host: string;
  youtubeId: string | null;
  /** Slugs of talks citing this URL, in corpus order. */
  talkSlugs: string[];
  /** Slugs of conferences citing this URL outside a talk. */
  conferenceSlugs: string[];
  source: Source;
}

/** A term that looks like a tool name but matches no known tool. */
export interface ToolSuggestionModel {
  term: string;
  slug: string;
  /** Why it looks like a tool: a code span, inner capitals (gVisor), a recurring capitalised word, a repository link. */
  reason: 'CODE' | 'INNER_CAPITALS' | 'RECURRING_NAME' | 'REPOSITORY';
  talkSlugs: string[];
  occurrences: Evidence[];
}

export interface PostModel {
  path: string;
  title: string | null;
  date: string | null;
  tags: string[];
  categories: string[];
  description: string | null;
  draft: boolean;
  frontMatter: Record<string, unknown>;
  conferenceSlug: string | null;
  talkSlugs: string[];
}

/** Everything a built graph holds, in corpus order. */
export interface GraphData {
  conferences: ConferenceModel[];
  talks: TalkModel[];
  tools: ToolModel[];
  topics: TopicModel[];
  speakers: SpeakerModel[];
  links: LinkModel[];
  posts: PostModel[];
  diagnostics: Diagnostic[];
  /** Terms that look like unknown tools (computed when built from notes). */
  suggestions?: ToolSuggestionModel[];
}

export type EntityKind = 'conference' | 'talk' | 'tool' | 'topic' | 'speaker' | 'link';
