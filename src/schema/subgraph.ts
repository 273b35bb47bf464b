/**
 * @module schema/subgraph
 * `Subgraph` and `GraphEdge`: the entities around one entity and the edges
 * between them, ready to draw; and the root field `neighborhood(id, depth, limit)`.
 */
import {
  NEIGHBORHOOD_DEPTH_DEFAULT,
  NEIGHBORHOOD_DEPTH_MAX,
  NEIGHBORHOOD_LIMIT_DEFAULT,
  NEIGHBORHOOD_LIMIT_MAX,
  type NodeRef,
  nodeId,
} from '../graph/traverse.js';
import { intArg } from './args.js';
import { builder } from './builder.js';
import { globalIdOf, graphNodeArg, loadNodeRef } from './globalIds.js';
import { EDGES_PER_NODE } from './listCapTable.js';
import { EvidenceRef, GraphEdgeRef, SubgraphRef } from './refs.js';
import { Relation, relationOf } from './relation.js';

GraphEdgeRef.implement({
  description: 'An edge between two entities of a subgraph, by their global ids, for drawing.',
  fields: (t) => ({
    source: t.exposeID('source', {
      description: 'Global id of the entity the edge starts at (one of `nodes`).',
    }),
    target: t.exposeID('target', {
      description: 'Global id of the entity the edge ends at (one of `nodes`).',
    }),
    relation: t.field({
      type: Relation,
      description: 'The kind of the edge, named from source to target.',
      resolve: (edge) => edge.relation,
    }),
    evidence: t.field({
      type: EvidenceRef,
      description:
        "What the edge was read from, with file and line: a mention's or citation's text, the talk's heading, or the registry or catalogue entry of a tool or topic.",
      resolve: (edge) => edge.evidence,
    }),
  }),
});

SubgraphRef.implement({
  description: 'Some entities of the graph and every edge between two of them.',
  fields: (t) => ({
    nodes: t.field({
      type: [builder.nodeInterfaceRef()],
      description: 'The entities, the starting one first, then by distance from it.',
      resolve: (subgraph) => subgraph.nodes,
    }),
    edges: t.field({
      type: [GraphEdgeRef],
      description: `Every edge joining two of \`nodes\`, cut at ${EDGES_PER_NODE} per entity of \`nodes\` (those between the entities nearest the centre are kept; \`edgeCount\` says how many join them).`,
      resolve: (subgraph) => subgraph.edges,
    }),
    edgeCount: t.int({
      description: 'How many edges join two of `nodes` (`edges` may be cut).',
      resolve: (subgraph) => subgraph.edgeCount,
    }),
  }),
});

/**
 * At most `max` edges, in their order: when there are more, those whose
 * farther end is nearest the centre (`place` is an entity's rank by distance).
 */
function cutEdges<E extends { source: NodeRef; target: NodeRef }>(
  edges: E[],
  place: Map<string, number>,
  max: number,
): E[] {
  if (edges.length <= max) return edges;
  const reach = (edge: E) =>
    Math.max(place.get(nodeId(edge.source)) ?? 0, place.get(nodeId(edge.target)) ?? 0);
  const kept = new Set(
    edges
      .map((edge, i) => ({ i, reach: reach(edge) }))
      .sort((a, b) => a.reach - b.reach || a.i - b.i)
      .slice(0, max)
      .map((e) => e.i),
  );
  return edges.filter((_edge, i) => kept.has(i));
}

builder.queryField('neighborhood', (t) =>
  t.field({
    type: SubgraphRef,
    description:
      'The entities within `depth` edges of an entity (walking edges in either direction), nearest first, and the edges between them: a piece of the graph to draw.',
    args: {
      id: t.arg.globalID({ required: true, description: 'Global id of the entity at the centre.' }),
      depth: t.arg.int({
        required: false,
        defaultValue: NEIGHBORHOOD_DEPTH_DEFAULT,
        description: `How many edges away to go: 0 to ${NEIGHBORHOOD_DEPTH_MAX}, default ${NEIGHBORHOOD_DEPTH_DEFAULT}.`,
      }),
      limit: t.arg.int({
        required: false,
        defaultValue: NEIGHBORHOOD_LIMIT_DEFAULT,
        description: `The most entities to return, the centre included: 1 to ${NEIGHBORHOOD_LIMIT_MAX}, default ${NEIGHBORHOOD_LIMIT_DEFAULT}.`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const depth = intArg('depth', args.depth ?? NEIGHBORHOOD_DEPTH_DEFAULT, 0, NEIGHBORHOOD_DEPTH_MAX);
      const limit = intArg('limit', args.limit ?? NEIGHBORHOOD_LIMIT_DEFAULT, 1, NEIGHBORHOOD_LIMIT_MAX);
      const start = await graphNodeArg(ctx, 'id', args.id);
      const subgraph = await ctx.store.neighborhood(start, depth, limit);
      const loaded = await Promise.all(subgraph.nodes.map((ref) => loadNodeRef(ctx, ref)));
      // Entities the store does not hold are left out, with their edges.
      const place = new Map<string, number>();
      const nodes: unknown[] = [];
      subgraph.nodes.forEach((ref, i) => {
        if (loaded[i] === null || loaded[i] === undefined) return;
        place.set(nodeId(ref), nodes.length);
        nodes.push(loaded[i]);
      });
      const joined = subgraph.edges.filter(
        (edge) => place.has(nodeId(edge.source)) && place.has(nodeId(edge.target)),
      );
      const edges = cutEdges(joined, place, EDGES_PER_NODE * nodes.length).map((edge) => ({
        source: globalIdOf(edge.source),
        target: globalIdOf(edge.target),
        relation: relationOf(edge.relation),
        evidence: edge.evidence,
      }));
      return { nodes, edges, edgeCount: joined.length };
    },
  }),
);
