/**
 * @module graph/related
 * Related talks: two talks are related by the tools and topics they share.
 * Each shared feature adds an IDF-style weight, `log(1 + N / df)`, so a tool
 * named by two talks tells more than one named by half the corpus; tools weigh
 * more than topics. A topic that every talk of a post carries (the post's tags
 * and categories, say) says little about a single talk, so it counts for a
 * fraction when it is post-wide for either talk.
 *
 * Built once from the immutable graph as inverted lists (tool → talks, topic
 * → talks); a query walks only the lists of the talk's own features.
 */
import type { GraphData, TalkModel } from './types.js';

export interface RelatedTalkResult {
  slug: string;
  score: number;
  /** Tool slugs both talks mention, most telling first. */
  sharedTools: string[];
  /** Topic slugs both talks are about, most telling first. */
  sharedTopics: string[];
}

export const RELATED_LIMIT_DEFAULT = 10;
export const RELATED_LIMIT_MAX = 50;

/** Weight of a shared tool relative to a shared topic of the same rarity. */
const TOOL_WEIGHT = 2;
const TOPIC_WEIGHT = 1;
/** Factor applied to a topic that every talk of a (multi-talk) post carries. */
const POST_WIDE_FACTOR = 0.2;

interface TalkFeatures {
  tools: string[];
  topics: string[];
  /** Topics this talk carries only because its whole post does. */
  postWide: Set<string>;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

export class RelatedIndex {
  private readonly order: Map<string, number>;
  private readonly slugs: string[];
  private readonly features: TalkFeatures[];
  private readonly toolTalks: Map<string, number[]>;
  private readonly topicTalks: Map<string, number[]>;
  private readonly toolWeight: Map<string, number>;
  private readonly topicWeight: Map<string, number>;

  private constructor(data: GraphData) {
    this.slugs = data.talks.map((t) => t.slug);
    this.order = new Map(this.slugs.map((slug, i) => [slug, i]));

    const postWideOf = new Map<string, Set<string>>();
    const topicsBySlug = new Map(data.talks.map((t) => [t.slug, t.topicSlugs]));
    for (const post of data.posts) {
      const talks = post.talkSlugs.filter((slug) => topicsBySlug.has(slug));
      if (talks.length < 2) continue;
      let common = new Set(topicsBySlug.get(talks[0] as string));
      for (const slug of talks.slice(1)) {
        const own = new Set(topicsBySlug.get(slug));
        common = new Set([...common].filter((topic) => own.has(topic)));
      }
      for (const slug of talks) postWideOf.set(slug, common);
    }

    this.features = data.talks.map((talk) => ({
      tools: [...new Set(talk.mentions.map((m) => m.toolSlug))],
      topics: [...new Set(talk.topicSlugs)],
      postWide: postWideOf.get(talk.slug) ?? new Set(),
    }));

    this.toolTalks = new Map();
    this.topicTalks = new Map();
    this.features.forEach((f, i) => {
      for (const tool of f.tools) push(this.toolTalks, tool, i);
      for (const topic of f.topics) push(this.topicTalks, topic, i);
    });
    const n = data.talks.length;
    const idf = (df: number): number => Math.log(1 + n / Math.max(1, df));
    this.toolWeight = new Map([...this.toolTalks].map(([k, v]) => [k, TOOL_WEIGHT * idf(v.length)]));
    this.topicWeight = new Map([...this.topicTalks].map(([k, v]) => [k, TOPIC_WEIGHT * idf(v.length)]));
  }

  static build(data: GraphData): RelatedIndex {
    return new RelatedIndex(data);
  }

  /**
   * Talks sharing tools or topics with the given talk, best first (ties in
   * corpus order), never the talk itself, only with a score above zero.
   * `limit` defaults to 10 and is capped at 50; an unknown slug gives [].
   */
  related(talkSlug: string, limit?: number): RelatedTalkResult[] {
    const max =
      limit === undefined || !Number.isFinite(limit)
        ? RELATED_LIMIT_DEFAULT
        : Math.min(RELATED_LIMIT_MAX, Math.max(0, Math.floor(limit)));
    const self = this.order.get(talkSlug);
    if (self === undefined || max === 0) return [];
    const own = this.features[self] as TalkFeatures;

    interface Candidate {
      index: number;
      score: number;
      tools: [string, number][];
      topics: [string, number][];
    }
    const candidates = new Map<number, Candidate>();
    const candidate = (index: number): Candidate => {
      let c = candidates.get(index);
      if (c === undefined) {
        c = { index, score: 0, tools: [], topics: [] };
        candidates.set(index, c);
      }
      return c;
    };

    for (const tool of own.tools) {
      const weight = this.toolWeight.get(tool) ?? 0;
      for (const other of this.toolTalks.get(tool) ?? []) {
        if (other === self) continue;
        const c = candidate(other);
        c.score += weight;
        c.tools.push([tool, weight]);
      }
    }
    for (const topic of own.topics) {
      const base = this.topicWeight.get(topic) ?? 0;
      const ownPostWide = own.postWide.has(topic);
      for (const other of this.topicTalks.get(topic) ?? []) {
        if (other === self) continue;
        const postWide = ownPostWide || (this.features[other] as TalkFeatures).postWide.has(topic);
        const weight = postWide ? base * POST_WIDE_FACTOR : base;
        const c = candidate(other);
        c.score += weight;
        c.topics.push([topic, weight]);
      }
    }

    const byWeight = (list: [string, number][]): string[] =>
      list
        .map((entry, i) => ({ entry, i }))
        .sort((a, b) => b.entry[1] - a.entry[1] || a.i - b.i)
        .map(({ entry }) => entry[0]);

    return [...candidates.values()]
      .map((c) => ({ ...c, score: round(c.score) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, max)
      .map((c) => ({
        slug: this.slugs[c.index] as string,
        score: c.score,
        sharedTools: byWeight(c.tools),
        sharedTopics: byWeight(c.topics),
      }));
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The most tools `relatedTools` returns. */
export const RELATED_TOOLS_MAX = 50;

/**
 * Related tools are simpler than related talks: the other tools that the
 * talks of `toolSlug` mention, each with how many of those talks mention it,
 * in first-seen order. The caller orders them (most shared talks first).
 */
export function toolsSharingTalks(
  toolSlug: string,
  talks: readonly Pick<TalkModel, 'mentions'>[],
): Map<string, number> {
  const shared = new Map<string, number>();
  for (const talk of talks) {
    for (const slug of new Set(talk.mentions.map((m) => m.toolSlug))) {
      if (slug !== toolSlug) shared.set(slug, (shared.get(slug) ?? 0) + 1);
    }
  }
  return shared;
}
