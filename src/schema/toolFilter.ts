/**
 * @module schema/toolFilter
 * `ToolFilter` and `ToolOrder`, shared by every list of tools (the root
 * `tools` and the `tools` of a conference or topic): which tools a list
 * keeps, in which order, and the page it returns.
 */
import type { ArgBuilder } from '@pothos/core';
import type { ToolOrigin } from '../graph/types.js';
import { badUserInput, textArg } from './args.js';
import { builder, type Types } from './builder.js';
import { connectionOf, type PageArgs } from './connections.js';
import { type GraphContext, loadAll, loadKnown } from './context.js';
import { byName, matchesText } from './order.js';
import { directionArg, type OrderDirectionValue } from './orderDirection.js';
import { ToolSource } from './toolSource.js';

export interface ToolFilterShape {
  query?: string | null;
  topic?: string | null;
  inferred?: boolean | null;
  source?: ToolOrigin | null;
  minTalks?: number | null;
}

export type ToolOrderValue = 'TALK_COUNT' | 'NAME';

export const ToolFilter = builder.inputRef<ToolFilterShape>('ToolFilter').implement({
  description: 'Which tools to keep; every field given must match (AND).',
  fields: (t) => ({
    query: t.string({
      required: false,
      description: 'Tools whose name, slug or an alias contains this text (case-insensitive).',
    }),
    topic: t.string({
      required: false,
      description: 'Tools carrying this topic (name, slug or alias), directly or through their talks.',
    }),
    inferred: t.boolean({
      required: false,
      description:
        'Tools inferred from repository links (true), or defined in the catalogue or registry (false).',
    }),
    source: t.field({ type: ToolSource, required: false, description: 'Tools defined in this place.' }),
    minTalks: t.int({ required: false, description: 'Tools mentioned by at least this many talks.' }),
  }),
});

export const ToolOrder = builder.enumType('ToolOrder', {
  description: 'The order of a list of tools.',
  values: {
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most mentioned first; ties by name.' },
    NAME: { value: 'NAME', description: 'By name, alphabetically.' },
  } as const,
});

/** The arguments of every list of tools. */
export function toolArgs(arg: ArgBuilder<Types>) {
  return {
    ...arg.connectionArgs(),
    filter: arg({ type: ToolFilter, required: false, description: 'Which tools to keep.' }),
    orderBy: arg({
      type: ToolOrder,
      required: false,
      defaultValue: 'TALK_COUNT',
      description: 'The order of the tools (default: most mentioned first).',
    }),
    direction: directionArg(arg),
  };
}

export interface ToolListArgs extends PageArgs {
  filter?: ToolFilterShape | null;
  orderBy?: ToolOrderValue | null;
  direction?: OrderDirectionValue | null;
}

/** Slugs of the tools a filter allows, from `base` (or every tool), in the requested order. */
export async function selectTools(
  ctx: GraphContext,
  base: readonly string[] | null,
  filter: ToolFilterShape | null | undefined,
  orderBy: ToolOrderValue | null | undefined,
): Promise<string[]> {
  const { loaders } = ctx;
  const query = textArg('filter.query', filter?.query);
  const topic = textArg('filter.topic', filter?.topic) === '' ? null : (filter?.topic ?? '').trim();
  const minTalks = filter?.minTalks ?? null;
  if (minTalks !== null && minTalks < 0) {
    throw badUserInput(`Argument "filter.minTalks" must not be negative; got ${minTalks}.`);
  }

  const [all, ofTopic] = await Promise.all([
    base ?? loaders.list.load('tool'),
    topic === null
      ? null
      : loaders.resolve.topic
          .load(topic)
          .then((slug) => (slug === null ? [] : loaders.toolsOfTopic.load(slug))),
  ]);
  const keep = ofTopic === null ? null : new Set(ofTopic);
  const slugs = keep === null ? [...all] : all.filter((slug) => keep.has(slug));
  if (slugs.length === 0) return slugs;

  const [tools, talkLists] = await Promise.all([
    loadKnown(loaders.tool, slugs),
    loadAll(loaders.talksOfTool, slugs),
  ]);
  const talkCount = new Map(slugs.map((slug, i) => [slug, talkLists[i]?.length ?? 0] as const));
  const count = (slug: string) => talkCount.get(slug) ?? 0;

  const selected = tools.filter((tool) => {
    if (filter?.inferred != null && tool.inferred !== filter.inferred) return false;
    if (filter?.source != null && tool.origin !== filter.source) return false;
    if (minTalks !== null && count(tool.slug) < minTalks) return false;
    return matchesText(query, [tool.name, tool.slug, ...tool.aliases]);
  });

  if ((orderBy ?? 'TALK_COUNT') === 'TALK_COUNT') {
    selected.sort((a, b) => count(b.slug) - count(a.slug) || byName(a, b));
  } else {
    selected.sort(byName);
  }
  return selected.map((tool) => tool.slug);
}

/** A page of the tools of `base` (or of every tool) that the arguments select. */
export async function toolConnection(ctx: GraphContext, base: readonly string[] | null, args: ToolListArgs) {
  const slugs = await selectTools(ctx, base, args.filter, args.orderBy);
  if (args.direction === 'DESC') slugs.reverse();
  return connectionOf(slugs, args, (page) => loadAll(ctx.loaders.tool, page));
}
