/**
 * @module extract/post
 * Extracts one post: front matter fields, the conference it is about, its
 * talks with their videos, links, speakers, tool mentions and topics. Every
 * fact keeps the line it came from; problems are reported, never thrown.
 */
import { diagnostic } from '../diagnostics.js';
import { slugify } from '../keys.js';
import { type FrontMatter, keyLine } from '../parse/frontmatter.js';
import { isTitleCase, lineTexts, type MarkdownDoc } from '../parse/markdown.js';
import { lineText, type SourceFile } from '../parse/source.js';
import { asBoolean, asString, asStringList, leadingYear } from '../parse/values.js';
import { candidateTerms } from './candidates.js';
import { citationsOf } from './citations.js';
import type { ExtractContext, PostDraft, TalkDraft } from './drafts.js';
import { fileTalk } from './fileTalk.js';
import { frontMatterLinks } from './frontMatterLinks.js';
import { frontMatterSpeakers } from './frontMatterSpeakers.js';
import { itemCandidates } from './itemTalks.js';
import { findConference } from './postConference.js';
import { linkTextSpeaker, proseSpeakers } from './proseSpeakers.js';
import { type NamedSpeaker, namedSpeakers, nameLine, singleSpaced, speakersFromLine } from './speakers.js';
import { chooseTalks } from './talkChoice.js';
import { layoutTalks } from './talks.js';
import { cleanTitle } from './talkTitle.js';

export type { CitationDraft } from './citations.js';
export type { ConferenceDraft, ExtractContext, PostDraft, TalkDraft } from './drafts.js';

function firstSentence(text: string): string | null {
  const clean = singleSpaced(text).trim();
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
    datePlausible ? date : null,
  );
  const fmSpeakers = frontMatterSpeakers(data);
  const fileName =
    path
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? path;
  const fallbackTitle = title ?? firstLine ?? fileName;

  const whole = fileTalk(doc.blocks, title, path, conference !== null, ctx.series, ctx.talkWeights);
  if (whole.decision.talk || whole.speakers.length > 0) {
    const verdict = whole.decision.talk ? 'one talk unless its headings hold talks' : 'not one talk';
    report(
      diagnostic(
        'TALK_CANDIDATE',
        path,
        1,
        `the whole file "${whole.title.slice(0, 80)}" is ${verdict}: ${whole.decision.explanation}`,
      ),
    );
  }
  const headingLayout = layoutTalks(doc.blocks, {
    title: whole.decision.talk ? whole.title : fallbackTitle,
    fileTalk: whole.decision.talk,
    weights: ctx.talkWeights,
    conference: conference !== null,
    frontMatterSpeakers: fmSpeakers.length > 0,
    breaks: doc.breaks.length,
  });
  const items = itemCandidates(doc.blocks, (n) => lineText(source, n), conference !== null, ctx.talkWeights);
  const layout = chooseTalks(headingLayout, doc.blocks, items, path, report);
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
    // A post that is one talk: the links of its front matter are the talk's too.
    const fmLinks = layout.mode === 'single' ? frontMatterLinks(fm) : null;
    const citations = citationsOf(
      [
        ...(fmLinks === null ? [] : [fmLinks]),
        ...(section.headingBlock ? [section.headingBlock, ...blocks] : blocks),
      ],
      path,
      false,
      report,
    );
    const video = citations.find((c) => c.kind === 'VIDEO') ?? null;
    // The YouTube video may be a mirror of a primary video on another host.
    const youtube = citations.find((c) => c.kind === 'VIDEO' && c.youtubeId !== null) ?? null;
    const lineSpeakers: string[] = [];
    const affiliations: NamedSpeaker[] = [];
    // Speaker lines anywhere; a line that is only a name counts near the top of the section.
    blocks.forEach((block, i) => {
      if (block.kind !== 'paragraph') return;
      const lines = lineTexts(block);
      // A paragraph of names alone (one or more a line, with roles) names the speakers.
      const named =
        section.headingBlock !== null && i < 4 && block.listDepth === 0
          ? namedSpeakers(lines.map((l) => l.text))
          : null;
      if (named !== null) {
        lineSpeakers.push(...named.map((n) => n.name));
        affiliations.push(...named);
        return;
      }
      for (const l of lines) lineSpeakers.push(...(speakersFromLine(l.text) ?? []));
    });
    const cleaned = cleanTitle(section.title);
    let title = cleaned.title;
    let speakers = [...section.speakers, ...cleaned.speakers, ...lineSpeakers];
    // A speaker line outranks a guess from the heading: "Learning by Breaking Things" is a title.
    if (
      lineSpeakers.length > 0 &&
      section.speakers.length > 0 &&
      !section.speakers.some((s) => lineSpeakers.includes(s))
    ) {
      title = cleanTitle(section.heading ?? title).title;
      speakers = lineSpeakers;
    }
    // "## Jane Doe @jane" over "Title: [slides](…)": the heading names the speaker, the first line the talk.
    const speakerHeading = section.headingBlock === null ? null : nameLine(section.title);
    const firstBlock = blocks.find((b) => b.kind === 'paragraph');
    const opening = firstBlock === undefined ? '' : (lineTexts(firstBlock)[0]?.text ?? '');
    // "Title: Part Two: [slides](…)": the title runs to the colon before the first link, else the first colon.
    const firstLink = firstBlock?.links.find((l) => l.line === firstBlock.line)?.before.trimEnd() ?? '';
    const colon = firstLink.endsWith(':') ? firstLink.length - 1 : opening.indexOf(': ');
    const handle =
      /\s@[\w.-]+\s*$/.test(section.headingBlock?.text ?? '') ||
      (section.headingBlock?.links.length ?? 0) > 0;
    if (speakerHeading !== null && handle && colon > 2 && colon <= 120) {
      title = cleanTitle(opening.slice(0, colon)).title;
      speakers = [speakerHeading.name, ...speakers.filter((s) => s !== section.title)];
    }
    if (layout.mode === 'single') {
      speakers.push(...fmSpeakers, ...whole.speakers.map((n) => n.name));
      affiliations.push(...whole.speakers);
    }
    // Without a by-line, the prose opening the section may say who spoke ("Jane Doe explained …"); a tool is no person.
    if (speakers.length === 0) {
      // The section's first paragraph, even a bullet, and any prose paragraph near the top.
      const opening = blocks
        .slice(0, 3)
        .filter((b, i) => b.kind === 'paragraph' && (b.listDepth === 0 || i === 0));
      for (const b of opening)
        for (const name of proseSpeakers(b.text))
          if (
            !ctx.tools.matcher.match([{ text: name, line: b.line, code: false }]).some((m) => m.text === name)
          )
            speakers.push(name);
      // Else a link named after the talk may open with its speaker's name (the slides, the recording).
      for (const l of blocks.slice(0, 3).flatMap((b) => b.links)) {
        const name = speakers.length > 0 || l.text === null ? null : linkTextSpeaker(l.text, title);
        if (name !== null) speakers.push(name);
      }
    }
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
    // One list for tools and topics: name matching splits each run once for both.
    const talkRuns = [headingRun, ...runs];
    const { mentions, inferred } = ctx.tools.mentions(talkRuns, links, line);
    const topicSlugs = new Set<string>(postTopics.map(slugify));
    for (const m of ctx.topics.match(talkRuns)) topicSlugs.add(m.entry.key);
    const summaryBlock = blocks.find(
      (b) =>
        b.kind === 'paragraph' &&
        b.text.length > 20 &&
        b.links.every((l) => l.origin === 'markdown') &&
        speakersFromLine(b.text) === null,
    );
    return {
      title,
      // The heading as written keeps the "Keynote:" prefix that the parsed title has lost.
      kind:
        section.kind ??
        (section.headingBlock === null ? cleaned.kind : cleanTitle(section.headingBlock.text).kind),
      affiliations: affiliations.filter((a) => a.affiliation !== null),
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
        .filter((c) => !ctx.tools.matcher.namesAny(c.term) && !ctx.topics.namesAny(c.term))
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
