/**
 * @module schema/builder
 * The Pothos schema builder, its type parameters and the root Query type.
 * Every other file of this folder adds one GraphQL type (and its root fields)
 * to this builder; `index.ts` collects them.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import { badUserInput } from './args.js';
import { encodedGlobalId } from './base64.js';
import { fieldComplexity } from './complexity.js';
import type { GraphContext } from './context.js';
import { loadNode } from './globalIds.js';

/** The most ids `nodes(ids)` accepts at once. */
export const MAX_NODES = 100;

export interface SchemaTypes {
  Context: GraphContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Every connection resolver returns its total count besides the page (and, for facets, every key). */
  Connection: { totalCount: number; allKeys?: readonly string[] };
  Scalars: {
    /** A day, `YYYY-MM-DD` (graphql-scalars' Date). */
    Date: { Input: Date; Output: Date | string };
  };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  plugins: [RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  // Costs only: the limit is checked with the request's variables before execution (server/limits).
  complexity: { fieldComplexity },
  relay: {
    cursorType: 'String',
    // The backing models are shared by every request: never tag them.
    brandLoadedObjects: false,
    // The same encoding as Pothos' own, remembered: a page re-encodes the same ids on every request.
    encodeGlobalID: encodedGlobalId,
    nodeQueryOptions: {
      description: 'The entity with this global id, or null when there is none.',
      args: { id: { description: 'A global id, as returned by any `id` field.' } },
      resolve: (_root, { id }, context) => loadNode(context, id),
    },
    nodesQueryOptions: {
      description: 'The entities with these global ids, in order; null for each id that names none.',
      args: { ids: { description: `Global ids, at most ${MAX_NODES}.` } },
      resolve: (_root, { ids }, context) => {
        if (ids.length > MAX_NODES) {
          throw badUserInput(`Argument "ids" holds ${ids.length} ids; at most ${MAX_NODES} are accepted.`);
        }
        return ids.map((id) => loadNode(context, id));
      },
    },
    idFieldOptions: {
      description: 'Global id: opaque, stable for as long as the slug (or URL) is; refetch with `node(id)`.',
    },
    nodeTypeOptions: {
      description: 'An entity with a global id that `node(id)` and `nodes(ids)` can refetch.',
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its list, and the cursors to move from it.' },
    edgesFieldOptions: { nullable: false, description: 'The items of this page with their cursors.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque cursor of this item; pass it to `after` or `before`.' },
    pageInfoFieldOptions: { description: 'Cursors and flags for moving to the next or previous page.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page; null when it is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page; null when it is empty.' },
    firstArgOptions: { description: 'Page size from the start (or from `after`): 0 to 100, default 20.' },
    lastArgOptions: { description: 'Page size from the end (or from `before`): 0 to 100.' },
    afterArgOptions: { description: 'Return the items after this cursor.' },
    beforeArgOptions: { description: 'Return the items before this cursor.' },
  },
});

/** The builder's resolved type parameters (for helpers typed over field or argument builders). */
export type Types = typeof builder.$inferSchemaTypes;

builder.queryType({
  description:
    'The talk graph: conferences, their talks, the tools and topics the talks mention, the speakers and the links they cite.',
});
