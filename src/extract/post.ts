/**
 * @module extract/post
 * Extracts one post: front matter fields, the conference it is about, its
 * talks with their videos, links, speakers, tool mentions and topics. Every
 * fact keeps the line it came from; problems are reported, never thrown.
 */
import { diagnostic, type Report } from '../diagnostics.js';
import type { ConferenceModel, LinkKind, PostModel, ToolModel } from '../graph/types.js';
import { lookupKey, slugify } from '../keys.js';
import { type FrontMatter, keyLine } from '../parse/frontmatter.js';
import { type Block, type InlineLink, isTitleCase, lineTexts, type MarkdownDoc } from '../parse/markdown.js';
import { lineText, type SourceFile } from '../parse/source.js';
import { asBoolean, asString, asStringList, leadingYear } from '../parse/values.js';
import { type CandidateTerm, candidateTerms } from './candidates.js';
import {
  type ConferenceGuess,
  canonicalConference,
  conferenceFromTitle,
  conferenceInProse,
  findDateRange,
  findLocation,
  registeredInTitle,
  type SeriesIndex,
} from './conferences.js';
import { classifyLink, isNormalised, normaliseLink } from './links.js';
import type { NameMatcher } from './nameMatcher.js';
import { speakersFromLine } from './speakers.js';
import { layoutTalks } from './talks.js';
import type { MentionDraft, ToolIndex } from './tools.js';

export interface ExtractContext {
  tools: ToolIndex;
  /** Registry topic names and aliases. */
  topics: NameMatcher;
  conferences: readonly ConferenceModel[];
  /** Well-known conference series from the catalogue. */
  series: SeriesIndex;
  report: Report;
  /** Dates after this year + 1 cannot be right. */
  now: Date;
}

export interface CitationDraft {
  url: string;
  label: string | null;
  line: number;
  kind: LinkKind;
  host: string;
  youtubeId: string | null;
  videoStart: number | null;
}

export interface TalkDraft {
  title: string;
  speakers: string[];
  line: number;
  endLine: number;
  videoUrl: string | null;
  youtubeId: string | null;
  videoStart: number | null;
  summary: string | null;
  notes: string;
  citations: CitationDraft[];
  mentions: MentionDraft[];
  inferredTools: ToolModel[];
  topicSlugs: string[];
  /** Terms that look like tool names but are not known tools. */
  candidates: (CandidateTerm & { text: string })[];
}

export interface ConferenceDraft {
  /** Slug of the registry entry, when the post is about a registered conference. */
  registeredSlug: string | null;
  name: string;
  year: number | null;
  startDate: string | null;
  endDate: string | null;
  location: string | null;
  line: number;
}

/** A post as extracted: the graph's PostModel before conference and talk slugs are assigned. */
export interface PostDraft extends Omit<PostModel, 'conferenceSlug' | 'talkSlugs'> {
  conference: ConferenceDraft | null;
  talks: TalkDraft[];
  /** Links outside every talk: they belong to the conference. */
  conferenceCitations: CitationDraft[];
}

const EMPTY_VIDEO_LABEL = /^(?:video(?:\s+link)?|recording|youtube)\s*[:：]\s*$/i;
const LABEL_PREFIX = /^[\s\-*•>|]+/;

function labelOf(link: InlineLink): string | null {
  if (link.text !== null) return link.text.slice(0, 120);
  // Only the end of a long line can label the link after it.
  let before = link.before
    .slice(-500)
    .replace(LABEL_PREFIX, '')
    .replace(/[\s:：\-–—=>(]+$/, '')
    .trim();
  if (before.length > 80) {
    const parts = before.split(/[.;!?]\s+|\s+[-–—]\s+/);
    before = (parts[parts.length - 1] ?? '').trim();
    if (before.length > 80) before = `${before.slice(0, 79)}…`;
  }
  before = before.replace(/[.,;:!?]+$/, '').trim();
  return before === '' ? null : before;
}

function firstSentence(text: string): string | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const m = /^(.{20,280}?[.!?])(\s|$)/.exec(clean);
  if (m?.[1] !== undefined) return m[1];
  return clean.length > 280 ? `${clean.slice(0, 279)}…` : clean;
}

export function extractPost(
  source: SourceFile,
  fm: FrontMatter,
  doc: MarkdownDoc,
  ctx: ExtractContext,
): PostDraft {
  const { report } = ctx;
  const data = fm.data;
  const title = asString(data.title);
  const date = asString(data.date);
  const path = source.path;
  const tags = asStringList(data.tags);
  const categories = asStringList(data.categories);

  // Dates that cannot be right are kept as written and reported.
  const dateYear = leadingYear(date);
  let datePlausible = false;
  if (date !== null) {
    const line = keyLine(fm, 'date');
    if (dateYear === null || Number.isNaN(Date.parse(date))) {
      report(diagnostic('DATE_INVALID', path, line, `date "${date}" cannot be read as a date`));
    } else if (dateYear > ctx.now.getUTCFullYear() + 1 || dateYear < 1970) {
      report(
        diagnostic(
          'DATE_IMPLAUSIBLE',
          path,
          line,
          `date "${date}" is ${dateYear > ctx.now.getUTCFullYear() ? 'far in the future' : 'too far in the past'}; kept as written, the conference year is read from the title and body`,
        ),
      );
    } else datePlausible = true;
  }

  // Without a front-matter title, the first line (often a `#` heading) is the title.
  const firstBlock = doc.blocks[0];
  const firstLine = firstBlock !== undefined && firstBlock.text.length <= 160 ? firstBlock.text : null;
  const conference = findConference(
    source,
    fm,
    doc,
    ctx,
    title ?? firstLine,
    datePlausible ? dateYear : null,
  );
  const fmSpeakers = [...asStringList(data.speakers), ...asStringList(data.speaker)];
  const fileName =
    path
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? path;
  const fallbackTitle = title ?? firstLine ?? fileName;

  const layout = layoutTalks(doc.blocks, {
    title: fallbackTitle,
    conference: conference !== null,
    frontMatterSpeakers: fmSpeakers.length > 0,
    breaks: doc.breaks.length,
  });
  for (const s of layout.skipped) {
    report(diagnostic('HEADING_NOT_TALK', path, s.line, `"${s.text}" is not a talk: ${s.reason}`));
  }
  if (layout.talks.length === 0 && conference === null) {
    report(
      diagnostic(
        'NOT_CONFERENCE_NOTES',
        path,
        1,
        `${path} has no talks and names no conference; indexed as a plain post`,
      ),
    );
  }

  const line = (n: number) => lineText(source, n);
  const firstTalkLine = layout.talks[0]?.line ?? Number.MAX_SAFE_INTEGER;
  const postTopics = [...tags, ...categories];

  // Words of the conference's name and place are accounted for: "KubeCon", "Barcelona" are no tools.
  const knownWords = new Set(
    `${conference?.name ?? ''} ${conference?.location ?? ''}`
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== ''),
  );
  const talks: TalkDraft[] = layout.talks.map((section) => {
    const blocks = section.blocks;
    const citations = citationsOf(
      section.headingBlock ? [section.headingBlock, ...blocks] : blocks,
      path,
      false,
      report,
    );
    const video = citations.find((c) => c.kind === 'VIDEO') ?? null;
    // The YouTube video may be a mirror of a primary video on another host.
    const youtube = citations.find((c) => c.kind === 'VIDEO' && c.youtubeId !== null) ?? null;
    const lineSpeakers: string[] = [];
    for (const block of blocks) {
      if (block.kind !== 'paragraph') continue;
      for (const l of lineTexts(block)) lineSpeakers.push(...(speakersFromLine(l.text) ?? []));
    }
    let title = section.title;
    let speakers = [...section.speakers, ...lineSpeakers];
    // A speaker line outranks a guess from the heading: "Learning by Breaking Things" is a title.
    if (
      lineSpeakers.length > 0 &&
      section.speakers.length > 0 &&
      !section.speakers.some((s) => lineSpeakers.includes(s))
    ) {
      title = section.heading ?? title;
      speakers = lineSpeakers;
    }
    if (layout.mode === 'single') speakers.push(...fmSpeakers);
    if (video === null) {
      report(diagnostic('TALK_NO_VIDEO', path, section.line, `talk "${title}" has no video link`));
    }
    const runs = blocks.flatMap((b) => b.runs);
    const headingRun = { text: title, line: section.line, code: false, title: isTitleCase(title) };
    const links = citations.flatMap((c) => {
      try {
        return [{ url: new URL(c.url), line: c.line, label: c.label, kind: c.kind }];
      } catch {
        return [];
      }
    });
    const { mentions, inferred } = ctx.tools.mentions([headingRun, ...runs], links, line);
    const topicSlugs = new Set<string>(postTopics.map(slugify));
    for (const m of ctx.topics.match([headingRun, ...runs])) topicSlugs.add(m.entry.key);
    const summaryBlock = blocks.find(
      (b) =>
        b.kind === 'paragraph' &&
        b.text.length > 20 &&
        b.links.every((l) => l.origin === 'markdown') &&
        speakersFromLine(b.text) === null,
    );
    return {
      title,
      speakers: [...new Set(speakers)],
      line: section.line,
      endLine: section.endLine,
      videoUrl: video?.url ?? null,
      youtubeId: youtube?.youtubeId ?? null,
      videoStart: youtube?.videoStart ?? null,
      summary: summaryBlock === undefined ? null : firstSentence(summaryBlock.text),
      notes: blocks
        .filter((b) => b.kind !== 'code')
        .map((b) => b.text)
        .join('\n')
        .trim(),
      citations,
      mentions,
      inferredTools: inferred,
      topicSlugs: [...topicSlugs],
      candidates: candidateTerms(runs, knownWords)
        .filter(
          (c) =>
            ctx.tools.matcher.match([{ text: c.term, line: c.line, code: c.code }]).length === 0 &&
            ctx.topics.match([{ text: c.term, line: c.line, code: false }]).length === 0,
        )
        .map((c) => ({ ...c, text: line(c.line).trim().slice(0, 240) })),
    };
  });

  const conferenceCitations = citationsOf(layout.outside, path, true, report).map((c) => ({
    ...c,
    // A video link after the talks (in a summary) is still a video; before them, a list is the playlist.
    kind:
      c.line > firstTalkLine && c.kind === 'PLAYLIST' && c.youtubeId !== null ? ('VIDEO' as const) : c.kind,
  }));

  return {
    path,
    title,
    date,
    tags,
    categories,
    description: asString(data.description),
    draft: asBoolean(data.draft),
    frontMatter: data,
    conference,
    talks,
    conferenceCitations,
  };
}

function citationsOf(
  blocks: readonly Block[],
  path: string,
  outside: boolean,
  report: Report,
): CitationDraft[] {
  const seen = new Set<string>();
  const out: CitationDraft[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.links.length === 0 && EMPTY_VIDEO_LABEL.test(block.text.trim())) {
      report(diagnostic('VIDEO_LINK_EMPTY', path, block.line, `"${block.text.trim()}" has no link after it`));
    }
    for (const link of block.links) {
      if (link.malformed === true) {
        report(
          diagnostic(
            'SHORTCODE_MALFORMED',
            path,
            link.line,
            `${link.shortcode} shortcode written with single braces; read as ${link.href}`,
          ),
        );
      }
      const n = normaliseLink(link);
      if (n === null) continue;
      if (!isNormalised(n)) {
        report(diagnostic('LINK_INVALID', path, link.line, `"${n.invalid}" is not a valid URL`));
        continue;
      }
      if (seen.has(n.url)) continue;
      seen.add(n.url);
      const label = labelOf(link);
      out.push({
        url: n.url,
        label,
        line: link.line,
        kind: classifyLink(n, label, outside),
        host: n.host,
        youtubeId: n.youtube?.id ?? null,
        videoStart: n.youtube?.start ?? null,
      });
    }
  }
  return out;
}

const EVENT_LINE = /^(?:conference|event|konferenz|veranstaltung|événement|evento|イベント)\s*[:：]\s*(.+)$/i;

/** "Conference: X (Barcelona, Spain, 20-23 May 2019)" → name, place and dates. */
function eventLine(doc: MarkdownDoc): { name: string; line: number; details: string } | null {
  for (const block of doc.blocks.slice(0, 6)) {
    if (block.kind !== 'paragraph') continue;
    for (const l of lineTexts(block)) {
      const m = EVENT_LINE.exec(l.text.trim().replace(/^[\s\-*•]+/, ''));
      if (m?.[1] === undefined) continue;
      const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(m[1]);
      return { name: (paren?.[1] ?? m[1]).trim(), line: l.line, details: paren?.[2] ?? '' };
    }
  }
  return null;
}

function findConference(
  source: SourceFile,
  fm: FrontMatter,
  doc: MarkdownDoc,
  ctx: ExtractContext,
  title: string | null,
  dateYear: number | null,
): ConferenceDraft | null {
  const path = source.path;
  // Prose before the first heading (and the first few paragraphs) says where and when.
  const intro = doc.blocks
    .filter((b) => b.kind === 'paragraph' || b.kind === 'html')
    .slice(0, 8)
    .map((b) => b.text)
    .join('\n');
  const event = eventLine(doc);
  let range = findDateRange(intro);
  let location = asString(fm.data.location) ?? findLocation(intro, range);
  // "(Barcelona, Spain, 20-23 May 2019)" after an event's name: the dates, and the place is what remains.
  const details = [
    event?.details ?? '',
    ...[...intro.matchAll(/\(([^()]{6,120})\)/g)].map((m) => m[1] ?? ''),
  ];
  for (const detail of details) {
    const text = detail.replace(/\s+/g, ' ');
    const detailRange = findDateRange(text);
    if (detailRange === null) continue;
    range ??= detailRange;
    const place = (text.slice(0, detailRange.index) + text.slice(detailRange.index + detailRange.length))
      .replace(/\b(?:in|at)\s+/g, '')
      .replace(/^[\s,;]+|[\s,;]+$/g, '')
      .trim();
    if (location === null && /^\p{Lu}[\p{L}'’-]*(?:,?\s+\p{Lu}[\p{L}'’-]*){0,3}$/u.test(place))
      location = place;
    break;
  }

  const named = asString(fm.data.conference) ?? event?.name ?? null;
  let registered: ConferenceModel | null = null;
  let guess: ConferenceGuess | null = null;
  let line = 1;
  const byName = (name: string) => {
    const key = lookupKey(name);
    return (
      ctx.conferences.find((c) => [c.slug, c.name, ...c.aliases].some((n) => lookupKey(n) === key)) ?? null
    );
  };
  if (named !== null) {
    line = event !== null && asString(fm.data.conference) === null ? event.line : keyLine(fm, 'conference');
    guess = canonicalConference(conferenceFromTitle(named) ?? { name: named, year: null }, ctx.series);
    registered = byName(named) ?? byName(guess.name);
    if (registered === null && ctx.conferences.length > 0 && asString(fm.data.conference) !== null) {
      ctx.report(
        diagnostic(
          'CONFERENCE_UNKNOWN',
          path,
          line,
          `conference "${named}" is not in the conferences registry`,
        ),
      );
    }
  } else {
    registered = title === null ? null : registeredInTitle(title, ctx.conferences);
    if (registered === null) {
      // The title names the event, else the opening prose does ("gave this talk at X 2019").
      const found =
        (title === null ? null : conferenceFromTitle(title)) ?? conferenceInProse(intro, ctx.series);
      guess = found === null ? null : canonicalConference(found, ctx.series);
      if (guess !== null) registered = byName(guess.name);
    }
  }
  if (registered !== null) {
    return {
      registeredSlug: registered.slug,
      name: registered.name,
      year: registered.year ?? range?.year ?? guess?.year ?? null,
      startDate: registered.startDate ?? range?.startDate ?? null,
      endDate: registered.endDate ?? range?.endDate ?? null,
      location: registered.location ?? location,
      line,
    };
  }
  if (guess === null) return null;
  const year = guess.year ?? range?.year ?? dateYear;
  // A name without its year gets the year the body gives, so editions stay apart.
  const name =
    guess.year === null && year !== null
      ? canonicalConference({ name: guess.name, year }, ctx.series).name
      : guess.name;
  return {
    registeredSlug: null,
    name,
    year,
    startDate: range?.startDate ?? null,
    endDate: range?.endDate ?? null,
    location,
    line,
  };
}
