/**
 * @module schema/linkFilter
 * `LinkFilter` and `LinkOrder` of the root `links` list: which links it
 * keeps, in which order, and the page it returns.
 */
import type { ArgBuilder } from '@pothos/core';
import type { LinkKind as LinkKindModel } from '../graph/types.js';
import { textArg } from './args.js';
import { builder, type Types } from './builder.js';
import { connectionOf, type PageArgs } from './connections.js';
import { type GraphContext, loadAll, loadKnown } from './context.js';
import { LinkKind } from './linkKind.js';
import { directionArg, type OrderDirectionValue } from './orderDirection.js';

export interface LinkFilterShape {
  kind?: LinkKindModel | null;
  host?: string | null;
  query?: string | null;
}

export const LinkFilter = builder.inputRef<LinkFilterShape>('LinkFilter').implement({
  description: 'Which links to keep; every field given must match (AND).',
  fields: (t) => ({
    kind: t.field({ type: LinkKind, required: false, description: 'Links of this kind.' }),
    host: t.string({
      required: false,
      description: 'Links to this host or its subdomains (`github.com`, `youtube.com`), case-insensitive.',
    }),
    query: t.string({
      required: false,
      description: 'Links whose URL or label contains this text (case-insensitive).',
    }),
  }),
});

export const LinkOrder = builder.enumType('LinkOrder', {
  description: 'The order of a list of links.',
  values: {
    FILE: { value: 'FILE', description: 'As first cited: file path order, then order within the file.' },
    URL: { value: 'URL', description: 'By URL, alphabetically.' },
    TALK_COUNT: { value: 'TALK_COUNT', description: 'Most cited first; ties as first cited.' },
  } as const,
});

function onHost(linkHost: string, host: string): boolean {
  const bare = host.replace(/^www\./, '');
  return linkHost === bare || linkHost.endsWith(`.${bare}`);
}

export type LinkOrderValue = 'FILE' | 'URL' | 'TALK_COUNT';

/** The arguments of the list of links. */
export function linkArgs(arg: ArgBuilder<Types>) {
  return {
    ...arg.connectionArgs(),
    filter: arg({ type: LinkFilter, required: false, description: 'Which links to keep.' }),
    orderBy: arg({
      type: LinkOrder,
      required: false,
      defaultValue: 'FILE',
      description: 'The order of the links (default: as first cited).',
    }),
    direction: directionArg(arg),
  };
}

export interface LinkListArgs extends PageArgs {
  filter?: LinkFilterShape | null;
  orderBy?: LinkOrderValue | null;
  direction?: OrderDirectionValue | null;
}

/** URLs of the links a filter allows, in the requested order. */
export async function selectLinks(
  ctx: GraphContext,
  filter: LinkFilterShape | null | undefined,
  orderBy: LinkOrderValue | null | undefined,
): Promise<string[]> {
  const query = textArg('filter.query', filter?.query);
  const host = textArg('filter.host', filter?.host);
  const kind = filter?.kind ?? null;
  const order = orderBy ?? 'FILE';
  const urls = await ctx.loaders.list.load('link');
  // The common case, every link as first cited, needs no link loaded.
  if (query === '' && host === '' && kind === null && order === 'FILE') return urls;
  const links = (await loadKnown(ctx.loaders.link, urls)).filter(
    (link) =>
      (kind === null || link.kind === kind) &&
      (host === '' || onHost(link.host, host)) &&
      (query === '' ||
        link.url.toLowerCase().includes(query) ||
        (link.label ?? '').toLowerCase().includes(query)),
  );
  if (order === 'URL') links.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  if (order === 'TALK_COUNT') links.sort((a, b) => b.talkSlugs.length - a.talkSlugs.length);
  return links.map((link) => link.url);
}

/** A page of the links the arguments select. */
export async function linkConnection(ctx: GraphContext, args: LinkListArgs) {
  const urls = await selectLinks(ctx, args.filter, args.orderBy);
  if (args.direction === 'DESC') urls.reverse();
  return connectionOf(urls, args, (page) => loadAll(ctx.loaders.link, page));
}
