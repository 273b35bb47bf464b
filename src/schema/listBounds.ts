/**
 * @module schema/listBounds
 * The longest plain (unpaged) list of each list field in one graph, as
 * `Type.field`: query cost counts a plain list at its `first`
 * (`schema/listCaps`) or at this length when shorter, so ordinary queries on
 * ordinary notes cost what they return. Computed once per served graph,
 * before it serves: one pass over each list, making nothing per entity, so
 * that a replica of a large graph is ready sooner.
 */
import type { GraphData } from '../graph/store.js';
import type { TalkModel } from '../graph/types.js';

/** Longest list of each plain list field in one graph, as `Type.field`. */
export type ListBounds = Record<string, number>;

/** The largest `measure` of any item: 0 for none. */
function maxOf<T>(items: readonly T[], measure: (item: T) => number): number {
  let max = 0;
  for (const item of items) {
    const value = measure(item);
    if (value > max) max = value;
  }
  return max;
}

/** Distinct URLs a talk cites: most talks cite a few, so a scan beats building a set. */
function distinctUrls(talk: TalkModel): number {
  const citations = talk.citations;
  if (citations.length < 2) return citations.length;
  if (citations.length > 32) return new Set(citations.map((c) => c.url)).size;
  let distinct = 0;
  for (let i = 0; i < citations.length; i++) {
    const url = (citations[i] as (typeof citations)[number]).url;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = (citations[j] as (typeof citations)[number]).url === url;
    if (!seen) distinct++;
  }
  return distinct;
}

/** The longest evidence list of any of a talk's mentions. */
const longestEvidence = (talk: TalkModel) => maxOf(talk.mentions, (m) => m.evidence.length);

/** The longest plain lists of a graph: computed once per served graph. */
export function listBounds(data: GraphData): ListBounds {
  const { talks, tools } = data;
  const suggestions = data.suggestions ?? [];
  const mentions = maxOf(talks, (t) => t.mentions.length);
  const topics = maxOf(talks, (t) => t.topicSlugs.length) + maxOf(tools, (t) => t.topics.length);
  return {
    'Talk.links': maxOf(talks, distinctUrls),
    'Talk.tools': mentions,
    'Talk.toolMentions': mentions,
    'Talk.topics': topics,
    'Talk.speakers': maxOf(talks, (t) => t.speakerSlugs.length),
    'ToolMention.evidence': maxOf(talks, longestEvidence),
    'Conference.links': maxOf(data.conferences, (c) => c.linkUrls.length),
    'Conference.aliases': maxOf(data.conferences, (c) => c.aliases.length),
    'Link.conferences': maxOf(data.links, (l) => l.conferenceSlugs.length),
    'Tool.topics': maxOf(tools, (t) => t.topics.length),
    'Tool.aliases': maxOf(tools, (t) => t.aliases.length),
    'Topic.aliases': maxOf(data.topics, (t) => t.aliases.length),
    'ToolSuggestion.talks': maxOf(suggestions, (s) => s.talkSlugs.length),
    'ToolSuggestion.occurrences': maxOf(suggestions, (s) => s.occurrences.length),
    // What two talks share is some of either's tools and topics.
    'RelatedTalk.sharedTools': mentions,
    'RelatedTalk.sharedTopics': topics,
  };
}
