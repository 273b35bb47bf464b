/**
 * @module schema/globalIds
 * Between global ids and the entities behind them: loads decoded ids for
 * `node(id)` and `nodes(ids)` through the request's loaders (a well-formed id
 * of a type that is not a node, or of an unknown slug, loads as null), and
 * converts the graph view's node refs (`{ kind, key }`) to and from global ids
 * for the discovery fields.
 */
import type { EntityKind } from '../graph/store.js';
import type { NodeRef } from '../graph/traverse.js';
import { badUserInput } from './args.js';
import { encodedGlobalId } from './base64.js';
import type { GraphContext } from './context.js';

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

const TYPE_NAMES = Object.fromEntries(
  Object.entries(NODE_KINDS).map(([typename, kind]) => [kind, typename]),
) as Record<EntityKind, NodeTypeName>;

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

/** The graph view's ref for a decoded global id; null when its type is not a node type. */
export function nodeRefOf({ typename, id }: DecodedGlobalId): NodeRef | null {
  return isNodeTypeName(typename) ? { kind: NODE_KINDS[typename], key: id } : null;
}

/** The global id of the entity a node ref names (what its `id` field returns). */
export function globalIdOf(ref: NodeRef): string {
  return encodedGlobalId(TYPE_NAMES[ref.kind], ref.key);
}

/** The entity a node ref names, through the request's loaders; null when the store does not hold it. */
export function loadNodeRef(ctx: GraphContext, ref: NodeRef): Promise<unknown> {
  return ctx.loaders[ref.kind].load(ref.key);
}

/**
 * The node a global-id argument names in the graph view; BAD_USER_INPUT when
 * its type is not a node type or no such entity is in the graph.
 */
export async function graphNodeArg(
  ctx: GraphContext,
  name: string,
  decoded: DecodedGlobalId,
): Promise<NodeRef> {
  const ref = nodeRefOf(decoded);
  if (ref === null) {
    throw badUserInput(
      `Argument "${name}" is the id of a ${decoded.typename}, which is not a node of the graph; pass the id of a Talk, Tool, Conference, Topic, Speaker or Link.`,
    );
  }
  if (!(await ctx.store.hasNode(ref))) {
    throw badUserInput(
      `Argument "${name}" names no entity of the graph: there is no ${decoded.typename} "${decoded.id}".`,
    );
  }
  return ref;
}
