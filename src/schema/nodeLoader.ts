/**
 * @module schema/nodeLoader
 * Loads the entities behind decoded global ids for `node(id)` and
 * `nodes(ids)`, through the request's loaders. A well-formed id of a type
 * that is not a node (or of an unknown slug) loads as null.
 */
import type { GraphContext } from '../server/context.js';

const NODE_KINDS = {
  Conference: 'conference',
  Talk: 'talk',
  Tool: 'tool',
  Topic: 'topic',
  Speaker: 'speaker',
  Link: 'link',
} as const;

/** GraphQL type names of the `Node` implementations. */
export type NodeTypeName = keyof typeof NODE_KINDS;

export interface DecodedGlobalId {
  typename: string;
  id: string;
}

function isNodeTypeName(name: string): name is NodeTypeName {
  return Object.hasOwn(NODE_KINDS, name);
}

/** The entity a decoded global id names, or null. */
export async function loadNode(ctx: GraphContext, { typename, id }: DecodedGlobalId): Promise<unknown> {
  if (!isNodeTypeName(typename)) return null;
  return ctx.loaders[NODE_KINDS[typename]].load(id);
}
