/**
 * @module schema/refs
 * References to the object types, bound to their backing models. Declared
 * here, implemented each in its own file, so types can point at each other
 * without importing each other.
 */

import type { Diagnostic } from '../diagnostics.js';
import type { Relation } from '../graph/traverse.js';
import type {
  ConferenceModel,
  Evidence,
  LinkModel,
  Source,
  SpeakerModel,
  TalkModel,
  ToolMentionModel,
  ToolModel,
  ToolSuggestionModel,
  TopicModel,
} from '../graph/types.js';
import { builder } from './builder.js';

/** A talk related to another, with what they share (slugs). */
export interface RelatedTalkShape {
  slug: string;
  score: number;
  sharedTools: string[];
  sharedTopics: string[];
}

/** Marker for the `Stats` object: its fields read the request's loaders. */
export interface StatsShape {
  kind: 'stats';
}

/** A search hit, its entity already loaded (any `Node` backing model). */
export interface SearchHitShape {
  score: number;
  snippet: string;
  node: unknown;
}

/** One step of a path, its two entities already loaded. */
export interface PathStepShape {
  from: unknown;
  to: unknown;
  relation: Relation;
  evidence: Evidence;
  reversed: boolean;
}

export interface GraphPathShape {
  steps: PathStepShape[];
}

/** An edge to draw: its ends as global ids. */
export interface GraphEdgeShape {
  source: string;
  target: string;
  relation: Relation;
  evidence: Evidence;
}

/** A neighbourhood: its entities already loaded, and the edges between them (maybe cut) and their count. */
export interface SubgraphShape {
  nodes: unknown[];
  edges: GraphEdgeShape[];
  edgeCount: number;
}

export interface DiagnosticCountsShape {
  errors: number;
  warnings: number;
  infos: number;
}

export const ConferenceRef = builder.objectRef<ConferenceModel>('Conference');
export const TalkRef = builder.objectRef<TalkModel>('Talk');
export const ToolRef = builder.objectRef<ToolModel>('Tool');
export const TopicRef = builder.objectRef<TopicModel>('Topic');
export const SpeakerRef = builder.objectRef<SpeakerModel>('Speaker');
export const LinkRef = builder.objectRef<LinkModel>('Link');
export const ToolMentionRef = builder.objectRef<ToolMentionModel>('ToolMention');
export const RelatedTalkRef = builder.objectRef<RelatedTalkShape>('RelatedTalk');
export const SourceRef = builder.objectRef<Source>('Source');
export const EvidenceRef = builder.objectRef<Evidence>('Evidence');
export const DiagnosticRef = builder.objectRef<Diagnostic>('Diagnostic');
export const StatsRef = builder.objectRef<StatsShape>('Stats');
export const DiagnosticCountsRef = builder.objectRef<DiagnosticCountsShape>('DiagnosticCounts');
export const SearchHitRef = builder.objectRef<SearchHitShape>('SearchHit');
export const GraphPathRef = builder.objectRef<GraphPathShape>('GraphPath');
export const PathStepRef = builder.objectRef<PathStepShape>('PathStep');
export const SubgraphRef = builder.objectRef<SubgraphShape>('Subgraph');
export const GraphEdgeRef = builder.objectRef<GraphEdgeShape>('GraphEdge');
export const ToolSuggestionRef = builder.objectRef<ToolSuggestionModel>('ToolSuggestion');
