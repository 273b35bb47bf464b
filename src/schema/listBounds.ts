/**
 * @module schema/listBounds
 * The longest plain (unpaged) list of each list field in one graph, as
 * `Type.field`: query cost counts a plain list at its `first`
 * (`schema/listCaps`) or at this length when shorter, so ordinary queries on
 * ordinary notes cost what they return. Computed once per served graph.
 */
import type { GraphData } from '../graph/store.js';

/** Longest list of each plain list field in one graph, as `Type.field`. */
export type ListBounds = Record<string, number>;

const maxOf = (values: Iterable<number>) => {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max;
};

/** The longest plain lists of a graph: computed once per served graph. */
export function listBounds(data: GraphData): ListBounds {
  const talks = data.talks;
  return {
    'Talk.links': maxOf(talks.map((t) => new Set(t.citations.map((c) => c.url)).size)),
    'Talk.tools': maxOf(talks.map((t) => t.mentions.length)),
    'Talk.toolMentions': maxOf(talks.map((t) => t.mentions.length)),
    'Talk.topics':
      maxOf(talks.map((t) => t.topicSlugs.length)) + maxOf(data.tools.map((t) => t.topics.length)),
    'Talk.speakers': maxOf(talks.map((t) => t.speakerSlugs.length)),
    'ToolMention.evidence': maxOf(talks.flatMap((t) => t.mentions.map((m) => m.evidence.length))),
    'Conference.links': maxOf(data.conferences.map((c) => c.linkUrls.length)),
    'Conference.aliases': maxOf(data.conferences.map((c) => c.aliases.length)),
    'Link.conferences': maxOf(data.links.map((l) => l.conferenceSlugs.length)),
    'Tool.topics': maxOf(data.tools.map((t) => t.topics.length)),
    'Tool.aliases': maxOf(data.tools.map((t) => t.aliases.length)),
    'Topic.aliases': maxOf(data.topics.map((t) => t.aliases.length)),
    'ToolSuggestion.talks': maxOf((data.suggestions ?? []).map((s) => s.talkSlugs.length)),
    'ToolSuggestion.occurrences': maxOf((data.suggestions ?? []).map((s) => s.occurrences.length)),
    // What two talks share is some of either's tools and topics.
    'RelatedTalk.sharedTools': maxOf(talks.map((t) => t.mentions.length)),
    'RelatedTalk.sharedTopics':
      maxOf(talks.map((t) => t.topicSlugs.length)) + maxOf(data.tools.map((t) => t.topics.length)),
  };
}
