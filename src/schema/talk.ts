/**
 * @module schema/talk
 * `Talk`: one presentation, with its video, notes and everything it
 * mentions; and the root fields `talk(slug)` and `talks(...)`.
 */
import type { LinkModel, TalkModel } from '../graph/types.js';
import { badUserInput, intArg, textArg } from './args.js';
import { builder } from './builder.js';
import { TalkConnection } from './connections.js';
import { loadAll } from './context.js';
import { ownDay, talkDay } from './dates.js';
import { excerptOf } from './excerpt.js';
import { LinkKind } from './linkKind.js';
import { capOf, cutAt, firstArg, firstKnown, firstOf } from './listCaps.js';
import { findByName } from './lookup.js';
import { NODE_KEYS } from './nodeIds.js';
import {
  ConferenceRef,
  LinkRef,
  RelatedTalkRef,
  SourceRef,
  SpeakerRef,
  TalkRef,
  ToolMentionRef,
  ToolRef,
  TopicRef,
} from './refs.js';
import { TalkKind } from './talkKind.js';
import { talkArgs, talkConnection } from './talkOrder.js';

/** Thumbnail of a YouTube video, as served by YouTube's image host. */
export function youtubeThumbnail(youtubeId: string): string {
  return `https://i.ytimg.com/vi/${encodeURIComponent(youtubeId)}/hqdefault.jpg`;
}

/** The longest excerpt `Talk.excerpt` cuts. */
export const EXCERPT_LENGTH_MAX = 2000;

/** A `siteUrl` argument: an absolute http(s) URL, or null. */
function siteUrlArg(value: string | null | undefined): string | null {
  if (value == null || textArg('siteUrl', value) === '') return null;
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw badUserInput(`Argument "siteUrl" must be an absolute http or https URL; got "${value}".`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The distinct URLs each talk cites, in order, read once per served model (models never change once served). */
const citedOnce = new WeakMap<TalkModel, readonly string[]>();

function citedUrls(talk: TalkModel): readonly string[] {
  let urls = citedOnce.get(talk);
  if (urls === undefined) {
    urls = [...new Set(talk.citations.map((citation) => citation.url))];
    citedOnce.set(talk, urls);
  }
  return urls;
}

function linkCountOf(talk: TalkModel): number {
  return citedUrls(talk).length;
}

function isTalk(value: unknown): value is TalkModel {
  return typeof value === 'object' && value !== null && 'mentions' in value && 'citations' in value;
}

builder.node(TalkRef, {
  description: 'One presentation at a conference: a section of the notes about it, with its video.',
  id: { resolve: NODE_KEYS.Talk },
  loadMany: (slugs, ctx) => loadAll(ctx.loaders.talk, slugs),
  isTypeOf: isTalk,
  fields: (t) => ({
    title: t.exposeString('title', {
      description: 'Title as a reader writes it: no quotes, session code, time range or "Keynote:" prefix.',
    }),
    kind: t.field({
      type: TalkKind,
      description: 'Keynote, talk, workshop, panel or lightning talk, as the title says.',
      resolve: (talk) => talk.kind,
    }),
    slug: t.exposeString('slug', { description: 'URL-safe key, unique among talks.' }),
    date: t.field({
      type: 'Date',
      nullable: true,
      description:
        "The day of the talk: its post's date when that is a real day not in the future, else its conference's start date.",
      // The conference is loaded only when the post's own date does not settle the day.
      resolve: (talk, _args, ctx) =>
        ownDay(talk) ??
        (talk.conferenceSlug === null
          ? null
          : ctx.loaders.conference.load(talk.conferenceSlug).then((conference) => talkDay(talk, conference))),
    }),
    postDate: t.string({
      nullable: true,
      description: "The post's front-matter date, as written (it may be wrong: see `diagnostics`).",
      resolve: (talk) => talk.date,
    }),
    conference: t.field({
      type: ConferenceRef,
      nullable: true,
      description: 'The conference it was given at, when known.',
      resolve: (talk, _args, ctx) =>
        talk.conferenceSlug === null ? null : ctx.loaders.conference.load(talk.conferenceSlug),
    }),
    videoUrl: t.string({
      nullable: true,
      description: 'URL of its primary video: the first video link of its section.',
      resolve: (talk) => talk.videoUrl,
    }),
    youtubeId: t.string({
      nullable: true,
      description: 'YouTube id of the primary video, when it is on YouTube.',
      resolve: (talk) => talk.youtubeId,
    }),
    videoStart: t.int({
      nullable: true,
      description: 'Where the primary video starts, in seconds, when the link says (`t=90`, `t=1m30s`).',
      resolve: (talk) => talk.videoStart,
    }),
    thumbnailUrl: t.string({
      nullable: true,
      description: 'Thumbnail image of the primary video (YouTube videos only).',
      resolve: (talk) => (talk.youtubeId === null ? null : youtubeThumbnail(talk.youtubeId)),
    }),
    speakers: t.field({
      type: [SpeakerRef],
      description: cutAt('Who gave it, when the notes say.', 'Talk.speakers'),
      args: { first: firstArg(t.arg, 'Talk.speakers') },
      resolve: (talk, args, ctx) =>
        firstKnown(ctx.loaders.speaker, talk.speakerSlugs, capOf('Talk.speakers', args.first)),
    }),
    summary: t.string({
      nullable: true,
      description: 'The first sentence(s) of the notes.',
      resolve: (talk) => talk.summary,
    }),
    notes: t.exposeString('notes', { description: 'Plain text of its section of the notes.' }),
    notesHtml: t.string({
      nullable: true,
      description:
        'Its section of the notes as HTML, sanitised: no scripts, styles, event handlers, frames or `javascript:` URLs; relative links made absolute. Null when the notes are empty.',
      args: {
        siteUrl: t.arg.string({
          required: false,
          description:
            'The http(s) URL the content root is published at: relative links resolve against it. Without it they become root-relative paths (`/posts/…`).',
        }),
      },
      resolve: async (talk, args) => {
        const source = talk.markdown ?? talk.notes;
        if (source.trim() === '') return null;
        const { renderNotesHtml } = await import('./notesHtml.js');
        return renderNotesHtml(source, talk.source.path, siteUrlArg(args.siteUrl));
      },
    }),
    excerpt: t.string({
      nullable: true,
      description:
        'The start of its notes as plain text, at most `length` characters, cut at a word (… marks the cut).',
      args: {
        length: t.arg.int({
          required: false,
          defaultValue: 200,
          description: `The most characters: 1 to ${EXCERPT_LENGTH_MAX}, default 200.`,
        }),
      },
      resolve: (talk, args) => {
        const length = intArg('length', args.length ?? 200, 1, EXCERPT_LENGTH_MAX);
        return talk.notes.trim() === '' ? null : excerptOf(talk.notes, length);
      },
    }),
    tools: t.field({
      type: [ToolRef],
      description: cutAt('The tools it mentions, in order of first mention.', 'Talk.tools'),
      args: { first: firstArg(t.arg, 'Talk.tools') },
      resolve: (talk, args, ctx) =>
        firstKnown(
          ctx.loaders.tool,
          talk.mentions.map((m) => m.toolSlug),
          capOf('Talk.tools', args.first),
        ),
    }),
    toolMentions: t.field({
      type: [ToolMentionRef],
      description: cutAt(
        'Each tool it mentions, with how the mention was found and the text that shows it.',
        'Talk.toolMentions',
      ),
      args: { first: firstArg(t.arg, 'Talk.toolMentions') },
      resolve: (talk, args) => firstOf('Talk.toolMentions', talk.mentions, args.first),
    }),
    topics: t.field({
      type: [TopicRef],
      description: cutAt(
        "What it is about: the post's tags and categories, topics it names and those of its tools.",
        'Talk.topics',
      ),
      args: { first: firstArg(t.arg, 'Talk.topics') },
      resolve: (talk, args, ctx) =>
        firstKnown(ctx.loaders.topic, talk.topicSlugs, capOf('Talk.topics', args.first)),
    }),
    links: t.field({
      type: [LinkRef],
      description: cutAt(
        'The links its section cites, in order, each once; `linkCount` says how many it cites.',
        'Talk.links',
      ),
      args: {
        kind: t.arg({ type: LinkKind, required: false, description: 'Only links of this kind.' }),
        first: firstArg(t.arg, 'Talk.links'),
      },
      resolve: (talk, args, ctx) => {
        const urls = citedUrls(talk);
        const cap = capOf('Talk.links', args.first);
        // Every link fits under the cap and none is filtered out: load them all in one go.
        if (args.kind == null && urls.length <= cap) {
          return ctx.loaders.linkLists
            .load(urls)
            .then((links) => links.filter((link): link is LinkModel => link !== null));
        }
        return firstKnown(
          ctx.loaders.link,
          urls,
          cap,
          (link) => args.kind == null || link.kind === args.kind,
        );
      },
    }),
    linkCount: t.int({
      description: 'How many distinct links its section cites (`links` may be cut).',
      resolve: linkCountOf,
    }),
    relatedTalks: t.field({
      type: [RelatedTalkRef],
      description: 'Other talks sharing tools or topics with it, most related first.',
      args: { first: firstArg(t.arg, 'Talk.relatedTalks') },
      resolve: (talk, args, ctx) => ctx.store.relatedTalks(talk.slug, capOf('Talk.relatedTalks', args.first)),
    }),
    source: t.field({
      type: SourceRef,
      description: 'The file and line of its heading.',
      resolve: (talk) => talk.source,
    }),
  }),
});

builder.queryFields((t) => ({
  talk: t.field({
    type: TalkRef,
    nullable: true,
    description: 'The talk with this slug (or exact title, case-insensitive); null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'Slug, or title, of the talk.' }) },
    resolve: (_root, args, ctx) => findByName(ctx, 'talk', 'slug', args.slug),
  }),
  talks: t.field({
    type: TalkConnection,
    description: 'Every talk, filtered and ordered, a page at a time.',
    args: talkArgs(t.arg),
    resolve: (_root, args, ctx) => talkConnection(ctx, null, args),
  }),
}));
