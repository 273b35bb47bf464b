/**
 * @module schema/link
 * `Link`: a URL cited by talks (or by a conference's notes), one node per
 * normalised URL; `LinkKind`; and the root fields `link(url)` and
 * `links(...)`.
 */
import { isNormalised, normaliseUrl } from '../extract/links.js';
import { LINK_KINDS, type LinkKind as LinkKindModel, type LinkModel } from '../graph/types.js';
import { builder } from './builder.js';
import { connectionOf, LinkConnection, TalkConnection } from './connections.js';
import { loadAll, loadKnown } from './context.js';
import { badUserInput, textArg } from './errors.js';
import { ConferenceRef, LinkRef, SourceRef } from './refs.js';
import { talkArgs, talkConnection } from './talkFilter.js';

const KIND_DESCRIPTIONS: Record<LinkKindModel, string> = {
  VIDEO: "A video of a talk (YouTube or another video host); the first in a talk's section is its video.",
  PLAYLIST: 'A playlist of videos, such as the recordings of a whole conference.',
  REPOSITORY: 'A source repository (GitHub, GitLab, ...).',
  ARTICLE: 'A blog post or article.',
  WEBSITE: "A project's or organisation's website.",
  PODCAST: 'A podcast or one of its episodes.',
  SLIDES: 'Slides of a talk.',
  DOCUMENTATION: 'Documentation pages.',
  OTHER: 'Anything else.',
};

export const LinkKind = builder.enumType('LinkKind', {
  description: 'What a link points at.',
  values: Object.fromEntries(
    LINK_KINDS.map((kind) => [kind, { value: kind, description: KIND_DESCRIPTIONS[kind] }]),
  ) as Record<LinkKindModel, { value: LinkKindModel; description: string }>,
});

/** A URL as links are keyed: the indexer's own normalisation (YouTube forms, tracking parameters, …). */
export function normaliseLinkUrl(raw: string): string | null {
  const normalised = normaliseUrl(raw);
  return isNormalised(normalised) ? normalised.url : null;
}

/** The keys a URL may be stored under: normalised, with and without a trailing slash. */
export function linkUrlCandidates(raw: string): string[] {
  const href = normaliseLinkUrl(raw);
  if (href === null) return [];
  const candidates = [href];
  const { search, hash } = new URL(href);
  if (search === '' && hash === '') candidates.push(href.endsWith('/') ? href.slice(0, -1) : `${href}/`);
  return candidates;
}

function isLink(value: unknown): value is LinkModel {
  return typeof value === 'object' && value !== null && 'url' in value && 'kind' in value && 'host' in value;
}

builder.node(LinkRef, {
  description: 'A URL cited in the notes; every talk citing the same (normalised) URL shares one Link.',
  id: { resolve: (link) => link.url },
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
      description: "The conferences whose notes cite it outside any talk (a conference's playlist, say).",
      resolve: (link, _args, ctx) => loadKnown(ctx.loaders.conference, link.conferenceSlugs),
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where it is first cited.',
      resolve: (link) => link.source,
    }),
  }),
});

interface LinkFilterShape {
  kind?: LinkKindModel | null;
  host?: string | null;
  query?: string | null;
}

const LinkFilter = builder.inputRef<LinkFilterShape>('LinkFilter').implement({
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

const LinkOrder = builder.enumType('LinkOrder', {
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

builder.queryFields((t) => ({
  link: t.field({
    type: LinkRef,
    nullable: true,
    description:
      'The link with this URL (compared after normalising: case of scheme and host, a trailing slash); null when no note cites it.',
    args: { url: t.arg.string({ required: true, description: 'An absolute http(s) URL.' }) },
    resolve: async (_root, args, ctx) => {
      textArg('url', args.url);
      const candidates = linkUrlCandidates(args.url);
      if (candidates.length === 0) {
        throw badUserInput(
          `Argument "url" must be an absolute http(s) URL such as https://github.com/google/gvisor.`,
        );
      }
      const found = await loadKnown(ctx.loaders.link, candidates);
      return found[0] ?? null;
    },
  }),
  links: t.field({
    type: LinkConnection,
    description: 'Every link cited in the notes, filtered and ordered, a page at a time.',
    args: {
      ...t.arg.connectionArgs(),
      filter: t.arg({ type: LinkFilter, required: false, description: 'Which links to keep.' }),
      orderBy: t.arg({
        type: LinkOrder,
        required: false,
        defaultValue: 'FILE',
        description: 'The order of the links (default: as first cited).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const query = textArg('filter.query', args.filter?.query);
      const host = textArg('filter.host', args.filter?.host);
      const kind = args.filter?.kind ?? null;
      const order = args.orderBy ?? 'FILE';
      let urls = await ctx.loaders.list.load('link');
      if (query !== '' || host !== '' || kind !== null || order !== 'FILE') {
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
        urls = links.map((link) => link.url);
      }
      return connectionOf(urls, args, (page) => loadAll(ctx.loaders.link, page));
    },
  }),
}));
