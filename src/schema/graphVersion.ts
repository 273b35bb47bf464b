/**
 * @module schema/graphVersion
 * Live content in the API: `Query.graphVersion` says which version of the
 * graph answered, and the subscription `graphChanged` announces each new
 * version (over server-sent events: Yoga's built-in transport) with the
 * files that changed and their diagnostics. A server that does not watch its
 * content has one version, and the subscription ends at once.
 */
import { builder } from './builder.js';
import type { GraphChangeModel } from './context.js';
import { cutAt, firstArg, firstOf } from './listCaps.js';
import { DiagnosticRef } from './refs.js';

const GraphChangeRef = builder.objectRef<GraphChangeModel>('GraphChange').implement({
  description: 'A new version of the graph, made after files of the content changed.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'The new version (see `Query.graphVersion`).' }),
    changedPaths: t.stringList({
      description: cutAt(
        'Files added, changed or removed since the previous version, relative to the content root.',
        'GraphChange.changedPaths',
      ),
      args: { first: firstArg(t.arg, 'GraphChange.changedPaths') },
      resolve: (change, { first }) => firstOf('GraphChange.changedPaths', change.changedPaths, first),
    }),
    changedCount: t.int({
      description: 'How many files changed (`changedPaths` may be cut).',
      resolve: (change) => change.changedPaths.length,
    }),
    diagnostics: t.field({
      type: [DiagnosticRef],
      description: cutAt(
        'The diagnostics of those files in the new version; a file that could not be read keeps its last good version and says why here.',
        'GraphChange.diagnostics',
      ),
      args: { first: firstArg(t.arg, 'GraphChange.diagnostics') },
      resolve: (change, { first }) => firstOf('GraphChange.diagnostics', change.diagnostics, first),
    }),
  }),
});

builder.queryField('graphVersion', (t) =>
  t.int({
    description:
      'Which version of the graph answers this request: 1 at start, then one more each time the watched content changes (`serve --watch`).',
    resolve: (_root, _args, ctx) => ctx.version,
  }),
);

/** A stream that ends at once: the content is not watched, so no change will come. */
async function* noChanges(): AsyncGenerator<GraphChangeModel> {}

builder.subscriptionType({ description: 'Events of the served graph, over server-sent events.' });

builder.subscriptionField('graphChanged', (t) =>
  t.field({
    type: GraphChangeRef,
    description:
      'Each new version of the graph as the watched content changes; ends at once when the server does not watch its content.',
    subscribe: (_root, _args, ctx) => ctx.changes?.subscribe() ?? noChanges(),
    resolve: (change) => change,
  }),
);
