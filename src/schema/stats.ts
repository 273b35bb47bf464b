/**
 * @module schema/stats
 * `Stats`: counts over the whole graph, and `Query.stats`.
 */
import type { EntityKind } from '../graph/store.js';
import type { ToolOrigin } from '../graph/types.js';
import { builder } from './builder.js';
import { loadKnown } from './context.js';
import { capOf, firstArg } from './listCaps.js';
import { DiagnosticCountsRef, StatsRef, ToolRef } from './refs.js';
import { selectTools } from './toolFilter.js';

DiagnosticCountsRef.implement({
  description: 'How many diagnostics of each severity the indexer reported.',
  fields: (t) => ({
    errors: t.exposeInt('errors', { description: 'Problems that made the indexer skip part of a file.' }),
    warnings: t.exposeInt('warnings', { description: 'Things that were read but look wrong.' }),
    infos: t.exposeInt('infos', { description: 'Decisions worth knowing.' }),
  }),
});

StatsRef.implement({
  description: 'Counts over the whole graph.',
  fields: (t) => {
    const count = (kind: EntityKind, description: string) =>
      t.int({
        description,
        resolve: async (_stats, _args, ctx) => (await ctx.loaders.list.load(kind)).length,
      });
    const toolCount = (origin: ToolOrigin, description: string) =>
      t.int({
        description,
        resolve: async (_stats, _args, ctx) => {
          const tools = await loadKnown(ctx.loaders.tool, await ctx.loaders.list.load('tool'));
          return tools.filter((tool) => tool.origin === origin).length;
        },
      });
    return {
      conferences: count('conference', 'Number of conferences.'),
      talks: count('talk', 'Number of talks.'),
      tools: count('tool', 'Number of known tools (mentioned or not).'),
      topics: count('topic', 'Number of topics.'),
      speakers: count('speaker', 'Number of speakers.'),
      links: count('link', 'Number of distinct links.'),
      catalogueTools: toolCount(
        'CATALOGUE',
        'Number of tools defined by the catalogue that ships with talkgraph.',
      ),
      registryTools: toolCount(
        'REGISTRY',
        'Number of tools defined by the `tools/` registry of the content.',
      ),
      inferredTools: toolCount(
        'INFERRED',
        'Number of tools inferred from repository links, in neither the catalogue nor the registry.',
      ),
      videos: t.int({
        description: 'Number of talks with a video.',
        resolve: async (_stats, _args, ctx) => {
          const talks = await loadKnown(ctx.loaders.talk, await ctx.loaders.list.load('talk'));
          return talks.filter((talk) => talk.videoUrl !== null).length;
        },
      }),
      diagnostics: t.field({
        type: DiagnosticCountsRef,
        description: 'Number of diagnostics by severity.',
        resolve: async (_stats, _args, ctx) => {
          const all = await ctx.loaders.diagnostics();
          const of = (severity: string) => all.filter((d) => d.severity === severity).length;
          return { errors: of('ERROR'), warnings: of('WARNING'), infos: of('INFO') };
        },
      }),
      topTools: t.field({
        type: [ToolRef],
        description: 'The most mentioned tools, most first (ties by name).',
        args: { first: firstArg(t.arg, 'Stats.topTools') },
        resolve: async (_stats, args, ctx) => {
          const first = capOf('Stats.topTools', args.first);
          const slugs = await selectTools(ctx, null, null, 'TALK_COUNT');
          return loadKnown(ctx.loaders.tool, slugs.slice(0, first));
        },
      }),
    };
  },
});

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    description: 'Counts over the whole graph.',
    resolve: () => ({ kind: 'stats' as const }),
  }),
);
