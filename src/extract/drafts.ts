/**
 * @module extract/drafts
 * What extraction produces for one post, before the graph assigns slugs, and
 * the context every extraction step receives. Kept apart from `post.ts` so
 * the steps it calls can name these types without importing it back.
 */
import type { Report } from '../diagnostics.js';
import type { ConferenceModel, PostModel, ToolModel } from '../graph/types.js';
import type { CandidateTerm } from './candidates.js';
import type { CitationDraft } from './citations.js';
import type { SeriesIndex } from './conferences.js';
import type { NameMatcher } from './nameMatcher.js';
import type { NamedSpeaker } from './speakers.js';
import type { TalkKind } from './talkTitle.js';
import type { TalkWeights } from './talkWeights.js';
import type { MentionDraft, ToolIndex } from './tools.js';

export interface ExtractContext {
  /** Name of the content root's folder: people name notes folders after the event. */
  rootName?: string | null;
  /** Weights of talk evidence (default: the table in talkWeights.ts). */
  talkWeights?: TalkWeights;
  tools: ToolIndex;
  /** Registry topic names and aliases. */
  topics: NameMatcher;
  conferences: readonly ConferenceModel[];
  /** Well-known conference series from the catalogue. */
  series: SeriesIndex;
  report: Report;
  /** Dates after this year + 1 cannot be right. */
  now: Date;
}

export interface TalkDraft {
  title: string;
  kind: TalkKind;
  /** Roles and companies written with speakers' names, kept out of the names. */
  affiliations: NamedSpeaker[];
  speakers: string[];
  line: number;
  endLine: number;
  videoUrl: string | null;
  youtubeId: string | null;
  videoStart: number | null;
  summary: string | null;
  notes: string;
  citations: CitationDraft[];
  mentions: MentionDraft[];
  inferredTools: ToolModel[];
  topicSlugs: string[];
  /** Terms that look like tool names but are not known tools. */
  candidates: (CandidateTerm & { text: string })[];
}

export interface ConferenceDraft {
  /** Slug of the registry entry, when the post is about a registered conference. */
  registeredSlug: string | null;
  name: string;
  year: number | null;
  startDate: string | null;
  endDate: string | null;
  location: string | null;
  line: number;
}

/** A post as extracted: the graph's PostModel before conference and talk slugs are assigned. */
export interface PostDraft extends Omit<PostModel, 'conferenceSlug' | 'talkSlugs'> {
  conference: ConferenceDraft | null;
  talks: TalkDraft[];
  /** Links outside every talk: they belong to the conference. */
  conferenceCitations: CitationDraft[];
}
