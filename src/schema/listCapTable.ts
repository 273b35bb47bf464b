/**
 * @module schema/listCapTable
 * The cap of every plain list (see `schema/listCaps`), as data alone: the
 * query's complexity counting reads it while the builder is being made, so it
 * may not depend on the builder.
 */
import { RELATED_LIMIT_MAX, RELATED_TOOLS_MAX } from '../graph/related.js';

/** How many items a list returns when `first` is not given, and at most. */
export interface ListCap {
  readonly default: number;
  readonly max: number;
}

/** The cap of each plain list, as `Type.field`. */
export const LIST_CAPS = {
  'Talk.links': { default: 100, max: 500 },
  'Talk.speakers': { default: 20, max: 100 },
  'Talk.tools': { default: 50, max: 200 },
  'Talk.toolMentions': { default: 50, max: 200 },
  'Talk.topics': { default: 50, max: 200 },
  'Talk.relatedTalks': { default: 5, max: RELATED_LIMIT_MAX },
  'ToolMention.evidence': { default: 20, max: 100 },
  'ToolSuggestion.talks': { default: 20, max: 100 },
  'ToolSuggestion.occurrences': { default: 5, max: 20 },
  'RelatedTalk.sharedTools': { default: 20, max: 100 },
  'RelatedTalk.sharedTopics': { default: 20, max: 100 },
  'Conference.aliases': { default: 20, max: 100 },
  'Conference.links': { default: 100, max: 500 },
  'Tool.aliases': { default: 20, max: 100 },
  'Tool.topics': { default: 20, max: 100 },
  'Tool.relatedTools': { default: 5, max: RELATED_TOOLS_MAX },
  'Topic.aliases': { default: 20, max: 100 },
  'Link.conferences': { default: 20, max: 100 },
  'Stats.topTools': { default: 10, max: 100 },
  'TalkFacets.tools': { default: 10, max: 100 },
  'TalkFacets.topics': { default: 10, max: 100 },
  'TalkFacets.conferences': { default: 10, max: 100 },
  'TalkFacets.speakers': { default: 10, max: 100 },
  'TalkFacets.years': { default: 100, max: 500 },
  'Query.suggestedTools': { default: 20, max: 100 },
  'GraphChange.changedPaths': { default: 1000, max: 10000 },
  'GraphChange.diagnostics': { default: 100, max: 1000 },
} as const satisfies Record<string, ListCap>;

export type CappedList = keyof typeof LIST_CAPS;

/**
 * Edges `neighborhood` returns per entity it returns, at most: a drawing of
 * 50 entities gets up to 500 edges. Counted in the query cost the same way.
 */
export const EDGES_PER_NODE = 10;
