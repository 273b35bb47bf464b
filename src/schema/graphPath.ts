/**
 * @module schema/graphPath
 * `GraphPath` and `PathStep`: how two entities are connected, step by step,
 * with the evidence of each step; and the root field `path(from, to, maxDepth)`.
 */
import { PATH_DEPTH_DEFAULT, PATH_DEPTH_MAX } from '../graph/traverse.js';
import { intArg } from './args.js';
import { builder } from './builder.js';
import { graphNodeArg, loadNodeRef } from './globalIds.js';
import { EvidenceRef, GraphPathRef, PathStepRef } from './refs.js';
import { Relation, relationOf } from './relation.js';

PathStepRef.implement({
  description: 'One step of a path: an edge of the graph, walked from one entity to the next.',
  fields: (t) => ({
    from: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The entity this step leaves.',
      resolve: (step) => step.from,
    }),
    to: t.field({
      type: builder.nodeInterfaceRef(),
      description: 'The entity this step reaches.',
      resolve: (step) => step.to,
    }),
    relation: t.field({
      type: Relation,
      description: 'The kind of the edge, named from its source to its target (see `reversed`).',
      resolve: (step) => step.relation,
    }),
    reversed: t.exposeBoolean('reversed', {
      description:
        'True when the step walks the edge from its target to its source: tool → talk over MENTIONS, say.',
    }),
    evidence: t.field({
      type: EvidenceRef,
      description:
        "What the edge was read from, with file and line: a mention's or citation's text, the talk's heading, or the registry or catalogue entry of a tool or topic.",
      resolve: (step) => step.evidence,
    }),
  }),
});

GraphPathRef.implement({
  description: 'A shortest chain of edges from one entity to another.',
  fields: (t) => ({
    steps: t.field({
      type: [PathStepRef],
      description:
        'The steps in order, each starting where the previous one ended; empty from an entity to itself.',
      resolve: (path) => path.steps,
    }),
    length: t.int({ description: 'The number of steps.', resolve: (path) => path.steps.length }),
  }),
});

builder.queryField('path', (t) =>
  t.field({
    type: GraphPathRef,
    nullable: true,
    description:
      'A shortest path between two entities, walking edges in either direction (tool → talk → conference, say); null when none is at most `maxDepth` steps long.',
    args: {
      from: t.arg.globalID({ required: true, description: 'Global id of the entity the path starts at.' }),
      to: t.arg.globalID({ required: true, description: 'Global id of the entity the path ends at.' }),
      maxDepth: t.arg.int({
        required: false,
        defaultValue: PATH_DEPTH_DEFAULT,
        description: `The most steps the path may take: 1 to ${PATH_DEPTH_MAX}, default ${PATH_DEPTH_DEFAULT}.`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const maxDepth = intArg('maxDepth', args.maxDepth ?? PATH_DEPTH_DEFAULT, 1, PATH_DEPTH_MAX);
      const [from, to] = await Promise.all([
        graphNodeArg(ctx, 'from', args.from),
        graphNodeArg(ctx, 'to', args.to),
      ]);
      const steps = await ctx.store.shortestPath(from, to, maxDepth);
      if (steps === null) return null;
      const refs = [from, ...steps.map((step) => step.to)];
      const nodes = await Promise.all(refs.map((ref) => loadNodeRef(ctx, ref)));
      const missing = refs.find((_ref, i) => nodes[i] === null || nodes[i] === undefined);
      if (missing !== undefined) throw new Error(`path: ${missing.kind} ${missing.key} is not in the store`);
      return {
        steps: steps.map((step, i) => ({
          from: nodes[i],
          to: nodes[i + 1],
          relation: relationOf(step.relation),
          evidence: step.evidence,
          reversed: step.reversed,
        })),
      };
    },
  }),
);
