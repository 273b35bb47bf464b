/**
 * @module graph/traverse
 * A graph view over `GraphData`: every entity is a node (`{ kind, key }`, the
 * key being the slug, or the URL for links) and every relation a typed,
 * directed edge. Edges keep their direction for display (a talk MENTIONS a
 * tool), but traversal ignores it, so a path may walk an edge backwards.
 *
 * Built once from the immutable graph: the edge list, in a deterministic
 * order (talks in corpus order, then conferences, tools and topics), and an
 * adjacency list over it. Searches are breadth-first over that order, so the
 * same graph always yields the same path and the same neighbourhood.
 */
import type { EntityKind, Evidence, GraphData, MentionVia, Source, TalkModel } from './types.js';

/** A node of the graph: the kind of entity and its key (slug, or URL for links). */
export interface NodeRef {
  kind: EntityKind;
  key: string;
}

/** The relations between entities, named from source to target. */
export type Relation = 'PART_OF' | 'MENTIONS' | 'ABOUT' | 'PRESENTED_BY' | 'CITES' | 'TAGGED' | 'PARENT';

/** An edge as drawn: its two ends as node refs, and the relation (the schema's GraphEdge is shaped from it). */
export interface EdgeEnds {
  source: NodeRef;
  target: NodeRef;
  relation: string;
}

/** An edge with what supports it: the text of a mention or a citation, and how a tool was found. */
export interface GraphEdge extends EdgeEnds {
  relation: Relation;
  /** The text the edge was read from; every edge has some. */
  evidence: Evidence;
  /** How a MENTIONS edge was found; null for every other relation. */
  via: MentionVia | null;
}

/** One step of a path, oriented along the path (which may run against the edge's direction). */
export interface PathStep {
  from: NodeRef;
  to: NodeRef;
  relation: string;
  evidence: Evidence;
  /** True when the step walks the edge from its target to its source (e.g. tool → talk over MENTIONS). */
  reversed: boolean;
}

export interface Subgraph {
  nodes: NodeRef[];
  edges: (EdgeEnds & { evidence: Evidence })[];
}

export const PATH_DEPTH_DEFAULT = 6;
export const PATH_DEPTH_MAX = 10;
export const NEIGHBORHOOD_DEPTH_DEFAULT = 1;
export const NEIGHBORHOOD_DEPTH_MAX = 3;
export const NEIGHBORHOOD_LIMIT_DEFAULT = 50;
export const NEIGHBORHOOD_LIMIT_MAX = 500;

/** The string id of a node: `kind:key`. Keys may themselves contain `:` (URLs); the kind never does. */
export function nodeId(ref: NodeRef): string {
  return `${ref.kind}:${ref.key}`;
}

/** Every node of the graph, in kind order then corpus order. */
export function listNodes(data: GraphData): NodeRef[] {
  return [
    ...data.conferences.map((c) => ({ kind: 'conference' as const, key: c.slug })),
    ...data.talks.map((t) => ({ kind: 'talk' as const, key: t.slug })),
    ...data.tools.map((t) => ({ kind: 'tool' as const, key: t.slug })),
    ...data.topics.map((t) => ({ kind: 'topic' as const, key: t.slug })),
    ...data.speakers.map((s) => ({ kind: 'speaker' as const, key: s.slug })),
    ...data.links.map((l) => ({ kind: 'link' as const, key: l.url })),
  ];
}

/** Evidence pointing at where an entity is defined, for an edge read from that definition. */
function at(source: Source, text: string): Evidence {
  return { path: source.path, line: source.line, text };
}

/**
 * Every edge of the graph, once, in a deterministic order, each with the
 * evidence it was read from: a mention's or citation's text, the talk's
 * heading (its conference, speakers and topics are read with it), the
 * registry or catalogue entry of a tool's topics and of a topic's parent.
 * Edges to entities that are not in the graph (a topic slug no topic
 * carries, say) are left out, so every edge joins two nodes of
 * `listNodes(data)`.
 */
export function listEdges(data: GraphData): GraphEdge[] {
  const known = new Set(listNodes(data).map(nodeId));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  const tools = new Map(data.tools.map((t) => [t.slug, t] as const));
  const topics = new Map(data.topics.map((t) => [t.slug, t] as const));
  const links = new Map(data.links.map((l) => [l.url, l] as const));
  const talks = new Map(data.talks.map((t) => [t.slug, t] as const));
  const add = (
    source: NodeRef,
    target: NodeRef,
    relation: Relation,
    evidence: Evidence,
    via: MentionVia | null = null,
  ): void => {
    const s = nodeId(source);
    const t = nodeId(target);
    if (s === t || !known.has(s) || !known.has(t)) return;
    const id = `${s}\u0000${relation}\u0000${t}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ source, target, relation, evidence, via });
  };

  for (const talk of data.talks) {
    const self: NodeRef = { kind: 'talk', key: talk.slug };
    const heading = at(talk.source, talk.title);
    if (talk.conferenceSlug !== null)
      add(self, { kind: 'conference', key: talk.conferenceSlug }, 'PART_OF', heading);
    for (const speaker of talk.speakerSlugs)
      add(self, { kind: 'speaker', key: speaker }, 'PRESENTED_BY', heading);
    for (const mention of talk.mentions) {
      add(
        self,
        { kind: 'tool', key: mention.toolSlug },
        'MENTIONS',
        mention.evidence[0] ?? heading,
        mention.via,
      );
    }
    for (const topic of talk.topicSlugs) {
      // A topic a mentioned tool carries is shown by that mention; a tag or a named topic by the talk itself.
      const through = talk.mentions.find((m) => tools.get(m.toolSlug)?.topics.includes(topic));
      add(self, { kind: 'topic', key: topic }, 'ABOUT', through?.evidence[0] ?? heading);
    }
    for (const citation of talk.citations) {
      const evidence: Evidence = {
        path: talk.source.path,
        line: citation.line,
        text: citation.label ?? citation.url,
      };
      add(self, { kind: 'link', key: citation.url }, 'CITES', evidence);
    }
  }
  for (const conference of data.conferences) {
    const self: NodeRef = { kind: 'conference', key: conference.slug };
    for (const url of conference.linkUrls) {
      const link = links.get(url);
      add(
        self,
        { kind: 'link', key: url },
        'CITES',
        at(link?.source ?? conference.source, link?.label ?? url),
      );
    }
  }
  // A link may list citing talks and conferences the loops above did not see (built elsewhere).
  for (const link of data.links) {
    const self: NodeRef = { kind: 'link', key: link.url };
    const cited = at(link.source, link.label ?? link.url);
    for (const talk of link.talkSlugs) add({ kind: 'talk', key: talk }, self, 'CITES', cited);
    for (const conference of link.conferenceSlugs)
      add({ kind: 'conference', key: conference }, self, 'CITES', cited);
  }
  for (const tool of data.tools) {
    for (const topic of tool.topics) {
      const source = tool.source ?? topics.get(topic)?.source ?? firstMention(data, tool.slug, talks);
      add(
        { kind: 'tool', key: tool.slug },
        { kind: 'topic', key: topic },
        'TAGGED',
        at(source, `${tool.name}: ${topic}`),
      );
    }
  }
  for (const topic of data.topics) {
    if (topic.parentSlug !== null) {
      const source = topic.source ?? topics.get(topic.parentSlug)?.source ?? { path: '', line: 0 };
      add(
        { kind: 'topic', key: topic.slug },
        { kind: 'topic', key: topic.parentSlug },
        'PARENT',
        at(source, `${topic.name} → ${topic.parentSlug}`),
      );
    }
  }
  return edges;
}

/** Where a tool without a definition of its own was first met: the first talk mentioning it. */
function firstMention(data: GraphData, toolSlug: string, talks: Map<string, TalkModel>): Source {
  for (const talk of talks.values()) {
    const mention = talk.mentions.find((m) => m.toolSlug === toolSlug);
    if (mention !== undefined) return mention.evidence[0] ?? talk.source;
  }
  return { path: data.posts[0]?.path ?? '', line: 0 };
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

interface Adjacent {
  edge: number;
  other: number;
}

export class GraphView {
  /** All nodes, indexed by position. */
  readonly nodes: readonly NodeRef[];
  /** All edges, in the order of `listEdges`. */
  readonly edges: readonly GraphEdge[];
  private readonly index: Map<string, number>;
  private readonly adjacency: Adjacent[][];
  private readonly edgeEnds: [number, number][];

  private constructor(nodes: NodeRef[], edges: GraphEdge[]) {
    this.nodes = nodes;
    this.edges = edges;
    this.index = new Map(nodes.map((n, i) => [nodeId(n), i]));
    this.adjacency = nodes.map(() => []);
    this.edgeEnds = [];
    edges.forEach((edge, i) => {
      const s = this.index.get(nodeId(edge.source));
      const t = this.index.get(nodeId(edge.target));
      if (s === undefined || t === undefined) throw new Error(`edge ${i} joins an unknown node`);
      this.edgeEnds.push([s, t]);
      this.adjacency[s]?.push({ edge: i, other: t });
      this.adjacency[t]?.push({ edge: i, other: s });
    });
  }

  static build(data: GraphData): GraphView {
    return new GraphView(listNodes(data), listEdges(data));
  }

  has(ref: NodeRef): boolean {
    return this.index.has(nodeId(ref));
  }

  /**
   * The shortest path from one node to another, walking edges in either
   * direction, at most `maxDepth` steps long (default 6, capped at 10).
   * Breadth-first in edge order, so ties always resolve the same way.
   * `[]` when both ends are the same node; null when either node is unknown
   * or no path is short enough.
   */
  shortestPath(from: NodeRef, to: NodeRef, maxDepth?: number): PathStep[] | null {
    const depthLimit = clampInt(maxDepth, PATH_DEPTH_DEFAULT, 0, PATH_DEPTH_MAX);
    const start = this.index.get(nodeId(from));
    const goal = this.index.get(nodeId(to));
    if (start === undefined || goal === undefined) return null;
    if (start === goal) return [];

    // parentEdge[n] = edge used to reach n; -1 for unvisited (the start is marked separately).
    const parentEdge = new Map<number, number>([[start, -1]]);
    let frontier = [start];
    for (let depth = 0; depth < depthLimit && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const { edge, other } of this.adjacency[node] ?? []) {
          if (parentEdge.has(other)) continue;
          parentEdge.set(other, edge);
          if (other === goal) return this.unwind(start, goal, parentEdge);
          next.push(other);
        }
      }
      frontier = next;
    }
    return null;
  }

  private unwind(start: number, goal: number, parentEdge: Map<number, number>): PathStep[] {
    const steps: PathStep[] = [];
    let node = goal;
    while (node !== start) {
      const edgeIndex = parentEdge.get(node) as number;
      const edge = this.edges[edgeIndex] as GraphEdge;
      const [s, t] = this.edgeEnds[edgeIndex] as [number, number];
      const previous = t === node ? s : t;
      steps.push({
        from: this.nodes[previous] as NodeRef,
        to: this.nodes[node] as NodeRef,
        relation: edge.relation,
        evidence: edge.evidence,
        reversed: t !== node,
      });
      node = previous;
    }
    return steps.reverse();
  }

  /**
   * The nodes within `depth` steps of a node (default 1, capped at 3), in
   * breadth-first order and at most `limit` of them (default 50, capped at
   * 500), with every edge joining two of them. Empty for an unknown node.
   */
  neighborhood(start: NodeRef, depth?: number, limit?: number): Subgraph {
    const depthLimit = clampInt(depth, NEIGHBORHOOD_DEPTH_DEFAULT, 0, NEIGHBORHOOD_DEPTH_MAX);
    const nodeLimit = clampInt(limit, NEIGHBORHOOD_LIMIT_DEFAULT, 1, NEIGHBORHOOD_LIMIT_MAX);
    const first = this.index.get(nodeId(start));
    if (first === undefined) return { nodes: [], edges: [] };

    const included = new Set<number>([first]);
    const order = [first];
    let frontier = [first];
    outer: for (let d = 0; d < depthLimit && frontier.length > 0; d++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const { other } of this.adjacency[node] ?? []) {
          if (included.has(other)) continue;
          if (order.length >= nodeLimit) break outer;
          included.add(other);
          order.push(other);
          next.push(other);
        }
      }
      frontier = next;
    }

    const edgeIndexes = new Set<number>();
    for (const node of order) {
      for (const { edge, other } of this.adjacency[node] ?? []) {
        if (included.has(other)) edgeIndexes.add(edge);
      }
    }
    const edges = [...edgeIndexes]
      .sort((a, b) => a - b)
      .map((i) => {
        const edge = this.edges[i] as GraphEdge;
        return { source: edge.source, target: edge.target, relation: edge.relation, evidence: edge.evidence };
      });
    return { nodes: order.map((i) => this.nodes[i] as NodeRef), edges };
  }
}
