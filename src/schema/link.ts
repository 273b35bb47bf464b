/**
 * @module schema/link
 * `Link`: a URL cited by talks (or by a conference's notes), one node per
 * normalised URL; and the root fields `link(url)` and
 * `links(...)`.
 */
import { isNormalised, normaliseUrl } from '../extract/links.js';
import type { LinkModel } from '../graph/types.js';
import { badUserInput, textArg } from './args.js';
import { builder } from './builder.js';
import { LinkConnection, TalkConnection } from './connections.js';
import { loadAll } from './context.js';
import { linkArgs, linkConnection } from './linkFilter.js';
import { LinkKind } from './linkKind.js';
import { capOf, cutAt, firstArg, firstKnown } from './listCaps.js';
import { NODE_KEYS } from './nodeIds.js';
import { ConferenceRef, LinkRef, SourceRef } from './refs.js';
import { talkArgs, talkConnection } from './talkOrder.js';

/** A URL as links are keyed: the indexer's own normalisation (YouTube forms, tracking parameters, …). */
export function normaliseLinkUrl(raw: string): string | null {
  const normalised = normaliseUrl(raw);
  return isNormalised(normalised) ? normalised.url : null;
}

function isLink(value: unknown): value is LinkModel {
  return typeof value === 'object' && value !== null && 'url' in value && 'kind' in value && 'host' in value;
}

builder.node(LinkRef, {
  description: 'A URL cited in the notes; every talk citing the same (normalised) URL shares one Link.',
  id: { resolve: NODE_KEYS.Link },
  loadMany: (urls, ctx) => loadAll(ctx.loaders.link, urls),
  isTypeOf: isLink,
  fields: (t) => ({
    url: t.exposeString('url', { description: 'The normalised URL (tracking parameters dropped).' }),
    kind: t.field({ type: LinkKind, description: 'What it points at.', resolve: (link) => link.kind }),
    label: t.string({
      nullable: true,
      description:
        'The label before it ("Video Link", "Github Link") or its link text, where the notes give one.',
      resolve: (link) => link.label,
    }),
    host: t.exposeString('host', { description: 'Host name, without `www.`.' }),
    youtubeId: t.string({
      nullable: true,
      description: 'YouTube video id, for YouTube links.',
      resolve: (link) => link.youtubeId,
    }),
    talks: t.field({
      type: TalkConnection,
      description: 'The talks citing it.',
      args: talkArgs(t.arg),
      resolve: (link, args, ctx) => talkConnection(ctx, link.talkSlugs, args),
    }),
    conferences: t.field({
      type: [ConferenceRef],
      description: cutAt(
        "The conferences whose notes cite it outside any talk (a conference's playlist, say).",
        'Link.conferences',
      ),
      args: { first: firstArg(t.arg, 'Link.conferences') },
      resolve: (link, args, ctx) =>
        firstKnown(ctx.loaders.conference, link.conferenceSlugs, capOf('Link.conferences', args.first)),
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where it is first cited.',
      resolve: (link) => link.source,
    }),
  }),
});

builder.queryFields((t) => ({
  link: t.field({
    type: LinkRef,
    nullable: true,
    description:
      'The link with this URL (compared after normalising: case of scheme and host, a trailing slash); null when no note cites it.',
    args: { url: t.arg.string({ required: true, description: 'An absolute http(s) URL.' }) },
    resolve: async (_root, args, ctx) => {
      textArg('url', args.url);
      const href = normaliseLinkUrl(args.url);
      if (href === null) {
        throw badUserInput(
          `Argument "url" must be an absolute http(s) URL such as https://github.com/google/gvisor.`,
        );
      }
      const url = await ctx.loaders.resolve.link.load(href);
      return url === null ? null : ctx.loaders.link.load(url);
    },
  }),
  links: t.field({
    type: LinkConnection,
    description: 'Every link cited in the notes, filtered and ordered, a page at a time.',
    args: linkArgs(t.arg),
    resolve: (_root, args, ctx) => linkConnection(ctx, args),
  }),
}));
