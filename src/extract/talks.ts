/**
 * @module extract/talks
 * Decides which sections of a post are talks. The talk heading level is
 * chosen per file from evidence (videos, "Video Link:" labels, speaker lines,
 * speaker patterns in headings); headings that are not talks (summaries,
 * days, tracks, parties, tables of contents) are skipped with a reason. A
 * post with no talk headings may still be one talk (one video, a talk's
 * front matter, a slide deck).
 */
import { type Block, lineTexts } from '../parse/markdown.js';
import { TALK_PARENT } from './itemTalks.js';
import { isNormalised, normaliseLink } from './links.js';
import { namedSpeakers, parseTalkHeading, speakersFromLine } from './speakers.js';
import { hasKindPrefix, hasTimeRange, type TalkKind } from './talkTitle.js';
import { NO_FEATURES, scoreTalk, type TalkFeatures, type TalkWeights } from './talkWeights.js';
import { isOtherVideo } from './videos.js';

export interface TalkSection {
  title: string;
  /** What the prefix or the words of the title say the talk is (a keynote, a workshop); TALK otherwise. */
  kind?: TalkKind;
  /** The heading without numbering and "Keynote:" prefixes, speakers included; null for a single-talk post. */
  heading: string | null;
  speakers: string[];
  line: number;
  endLine: number;
  /** Blocks of the section, heading excluded. */
  blocks: Block[];
  /** The heading itself (its links belong to the talk); null for a single-talk post. */
  headingBlock: Block | null;
}

export interface SkippedHeading {
  text: string;
  line: number;
  reason: string;
}

export interface TalkLayout {
  talks: TalkSection[];
  /** Blocks outside every talk (preamble, skipped sections): they belong to the post's conference. */
  outside: Block[];
  skipped: SkippedHeading[];
  /** How the layout was decided, for diagnostics. */
  mode: 'headings' | 'single' | 'none';
}

export interface LayoutHints {
  /** Title for a single-talk post (front matter title, else first line, else file name). */
  title: string;
  /** The post is known to be about a conference (registry, front matter, title). */
  conference: boolean;
  /** The front matter names speakers: the post is one talk's notes. */
  frontMatterSpeakers: boolean;
  /** Number of thematic breaks (`---`) in the body. */
  breaks: number;
  /** The whole file was weighed as one talk (fileTalk.ts) and is one, unless its headings say otherwise. */
  fileTalk?: boolean;
  /** Weights of talk evidence (default: the table in talkWeights.ts). */
  weights?: TalkWeights;
}

const NON_TALK =
  /^(?:summary|summaries|introduction|intro|overview|preface|prologue|conclusions?|final\s+(?:thoughts|words|notes)|closing\s+(?:thoughts|words|remarks)|(?:some\s+)?(?:thoughts|reflections|impressions)|(?:key\s+|my\s+|main\s+)?takeaways?|lessons\s+learn[et]d?|wrap[-\s]?up|welcome|(?:the\s+)?(?:after[-\s]?)?party|social|networking|table\s+of\s+contents|contents|toc|agenda|schedule|program(?:me)?|links|useful\s+links|resources|references|further\s+reading|reading\s+list|about(?:\s+me|\s+the\s+(?:conference|event))?|(?:my\s+|personal\s+|other\s+)?notes|background|context|venue|location|travel|logistics|food|sponsors?|expo(?:\s+hall)?|booths?|hallway\s+track|day\s*(?:\d+|one|two|three|four|five)\b.*|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*|keynotes?|(?:lightning\s+)?talks|sessions|workshops|tracks?\b.*|.*\btrack|misc(?:ellaneous)?|others?|general|updates?|news|tl;?dr|recap|highlights|what'?s\s+next|next\s+steps|bonus|extras?|photos|pictures|videos?|recordings?|slides|q\s*&\s*a|questions|demo|acknowledge?ments|credits|thanks|thank\s+you|faq|pre[-\s]?conference|post[-\s]?conference|morning|afternoon|evening|first\s+impressions|overall|verdict|the\s+end|epilogue|update|edit|disclaimer|key\s+points|main\s+points|details|description|abstract|transcript|my\s+opinion|opinion|review|rating|[\d.]+)$/i;

function cleanHeading(text: string): string {
  return text
    .slice(0, 400)
    .replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '')
    .replace(/^(?:\d+[.)]|[ivx]+\.)\s+/i, '')
    .replace(/[:.!?\s]+$/, '')
    .trim();
}

// "More", "Other references worth checking out", "Further reading and links": pointers onwards, no talk.
const ONWARD =
  /^(?:more|(?:other|more|further|additional|useful|related|random)\s+(?:[\p{L}'-]+\s+){0,2}(?:references|links|resources|reading|things|stuff|notes|articles|materials?|videos|talks|sessions)\b.*)$/iu;

export function isNonTalkHeading(text: string): boolean {
  const heading = cleanHeading(text);
  return NON_TALK.test(heading) || ONWARD.test(heading);
}

const VIDEO_LABEL =
  /^(?:video(?:\s+link)?|recording|watch(?:\s+(?:it|the\s+(?:talk|video|recording)))?|youtube|talk\s+video)\s*[:：]/i;

function videoKeys(block: Block): string[] {
  const keys: string[] = [];
  for (const link of block.links) {
    const n = normaliseLink(link);
    if (!isNormalised(n)) continue;
    if (n.youtube?.id != null) keys.push(n.youtube.id);
    else if (isOtherVideo(n.parsed)) keys.push(n.url);
  }
  return keys;
}

interface HeadingInfo {
  block: Block;
  index: number;
  level: number;
  /** Index (exclusive) of the end of the section: the next heading at this level or above. */
  end: number;
  nonTalk: boolean;
  /** Evidence in the heading itself or its own content (before any sub-heading). */
  own: boolean;
  /** Evidence anywhere in the section, sub-headings included. */
  full: boolean;
}

/** A block says "this is a talk": a video, a "Video Link:" label, a speaker line. */
function blockEvidence(block: Block): boolean {
  if (block.kind === 'heading' || block.kind === 'code') return false;
  if (videoKeys(block).length > 0) return true;
  const lines = lineTexts(block);
  // A paragraph that is only a name ("**Jane Doe (Acme)**") or names ("*A & B*") is a speaker line.
  if (
    block.kind === 'paragraph' &&
    block.listDepth === 0 &&
    lines.length === 1 &&
    namedSpeakers([block.text]) !== null
  )
    return true;
  return lines.some((l) => VIDEO_LABEL.test(l.text) || speakersFromLine(l.text) !== null);
}

export function layoutTalks(blocks: readonly Block[], hints: LayoutHints): TalkLayout {
  const evidenceOf = blocks.map(blockEvidence);
  const headings: HeadingInfo[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    headings.push({
      block,
      index,
      level: block.level,
      end: blocks.length,
      nonTalk: isNonTalkHeading(block.text),
      // "## [Title](video)" or "## Title - Jane Doe": the heading is its own evidence.
      own:
        parseTalkHeading(block.text).speakers.length > 0 ||
        videoKeys(block).length > 0 ||
        hasTimeRange(block.text) ||
        hasKindPrefix(block.text),
      full: false,
    });
  });
  // A section ends at the next heading of its level or above (one pass with a stack of open sections).
  const open: HeadingInfo[] = [];
  for (const h of headings) {
    while (open.length > 0 && (open[open.length - 1] as HeadingInfo).level >= h.level) {
      (open.pop() as HeadingInfo).end = h.index;
    }
    open.push(h);
  }
  headings.forEach((h, i) => {
    const ownEnd = headings[i + 1]?.index ?? blocks.length;
    for (let b = h.index + 1; b < h.end; b++) {
      if (!evidenceOf[b]) continue;
      h.full = true;
      if (b < ownEnd) h.own = true;
    }
    if (h.own) h.full = true;
  });

  const allVideos = new Set(blocks.flatMap(videoKeys));
  const single = (): TalkLayout => ({
    talks: [
      {
        title: hints.title,
        heading: null,
        headingBlock: null,
        speakers: [],
        line: blocks[0]?.line ?? 1,
        endLine: blocks[blocks.length - 1]?.endLine ?? 1,
        blocks: [...blocks],
      },
    ],
    outside: [],
    skipped: headings.map((h) => ({
      text: h.block.text,
      line: h.block.line,
      reason: 'a section of the notes of the single talk this post is about',
    })),
    mode: 'single',
  });

  // A lone top-level heading opening the file is the document's title, not a talk.
  const h1s = headings.filter((h) => h.level === 1);
  const candidates = headings.filter((h) => !(h1s.length === 1 && h === h1s[0] && h === headings[0]));
  // A container has no evidence of its own, only through sub-headings that may be talks (a day, a track).
  // Sub-headings follow their heading in the list, so each check scans only the section's headings.
  const containers = new Set<HeadingInfo>();
  candidates.forEach((h, i) => {
    if (h.own) return;
    for (let j = i + 1; j < candidates.length; j++) {
      const o = candidates[j] as HeadingInfo;
      if (o.index >= h.end) break;
      if (!o.nonTalk && o.full) {
        containers.add(h);
        break;
      }
    }
  });
  const isContainer = (h: HeadingInfo) => containers.has(h);

  // Talks: the outermost headings with evidence that neither group talks nor name a part of the notes.
  const evidenced: HeadingInfo[] = [];
  const inTalk = new Set<HeadingInfo>();
  let talkEnd = -1;
  for (const h of candidates) {
    if (h.index < talkEnd) {
      inTalk.add(h);
      continue;
    }
    if (h.nonTalk || !h.full || isContainer(h)) continue;
    evidenced.push(h);
    talkEnd = h.end;
  }

  // Slides separated by thematic breaks, one heading a slide: one talk's deck.
  const slideDeck = hints.breaks >= 3 && candidates.length <= hints.breaks + 1;
  if (hints.frontMatterSpeakers && evidenced.length <= 1) return single();
  // The file is one talk and its only talk heading opens it: the heading titles the file, later ones are its parts.
  if (hints.fileTalk === true && evidenced.length === 1 && evidenced[0] === headings[0]) return single();
  if (evidenced.length === 0) {
    if (allVideos.size >= 1 && allVideos.size <= 2) return single();
    if (hints.fileTalk === true) return single();
    if (slideDeck && hints.conference) return single();
    if (hints.conference && candidates.length === 0 && hints.fileTalk !== false) return single();
    if (!hints.conference || candidates.length === 0) {
      return {
        talks: [],
        outside: [...blocks],
        skipped: candidates.map((h) => ({
          text: h.block.text,
          line: h.block.line,
          reason: 'the post has no video, speaker or conference that would make it a talk',
        })),
        mode: 'none',
      };
    }
    // Conference notes without videos: the most common level of headings that are not parts of notes.
    const counts = new Map<number, number>();
    for (const h of candidates)
      if (!h.nonTalk && !isContainer(h)) counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
    const [level] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0];
    // Each heading at that level is weighed: a time range, talk-shaped siblings, a day above it argue for a talk;
    // a one- or two-word topic ("Observability", "Server Side") argues for a part of the notes.
    const atLevel = candidates.filter((h) => h.level === level && !h.nonTalk && !isContainer(h));
    const timed = atLevel.filter((h) => hasTimeRange(h.block.text)).length;
    const chosen = atLevel.filter((h) => {
      const own = hasTimeRange(h.block.text);
      const parent = headings.filter((o) => o.index < h.index && o.level < h.level).pop();
      const words = cleanHeading(h.block.text).split(/\s+/).length;
      const features: TalkFeatures = {
        ...NO_FEATURES,
        timeRange: own,
        siblings: atLevel.length <= 1 ? 0 : (timed - (own ? 1 : 0)) / (atLevel.length - 1),
        talkParent: parent !== undefined && TALK_PARENT.test(parent.block.text),
        shortTopic: words <= 2,
        conference: hints.conference,
      };
      return scoreTalk(features, hints.weights).talk;
    });
    return sections(blocks, candidates, chosen, isContainer);
  }
  // One video under the only evidenced heading, among sibling sections of notes: one talk's notes.
  const only = evidenced[0];
  if (
    evidenced.length === 1 &&
    only !== undefined &&
    allVideos.size <= 1 &&
    !parseTalkHeading(only.block.text).speakers.length &&
    !hasKindPrefix(only.block.text) &&
    candidates.some((h) => h !== only && h.level === only.level && !h.nonTalk)
  ) {
    return single();
  }

  // Headings at the talks' usual level without evidence are talks when they stand between talks.
  const levelCounts = new Map<number, number>();
  for (const h of evidenced) levelCounts.set(h.level, (levelCounts.get(h.level) ?? 0) + 1);
  const [level] = [...levelCounts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0];
  const atLevel = evidenced.filter((h) => h.level === level);
  const first = atLevel[0]?.index ?? -1;
  const last = atLevel[atLevel.length - 1]?.index ?? -1;
  const chosen = new Set(evidenced);
  const talks = candidates.filter(
    (h) =>
      chosen.has(h) ||
      (h.level === level &&
        !h.nonTalk &&
        !isContainer(h) &&
        h.index > first &&
        h.index < last &&
        !inTalk.has(h)),
  );
  return sections(blocks, candidates, talks, isContainer);
}

function sections(
  blocks: readonly Block[],
  headings: HeadingInfo[],
  talkHeadings: HeadingInfo[],
  isContainer: (h: HeadingInfo) => boolean,
): TalkLayout {
  const talks: TalkSection[] = [];
  const skipped: SkippedHeading[] = [];
  const inTalk = new Set<number>();
  const taken = new Set(talkHeadings);

  for (const h of headings) {
    if (inTalk.has(h.index)) continue; // a part of a talk
    if (!taken.has(h)) {
      const reason = h.nonTalk
        ? 'its title names a part of the notes, not a talk'
        : isContainer(h)
          ? 'it groups the talks below it'
          : 'it has no video or speaker and stands outside the run of talks';
      skipped.push({ text: h.block.text, line: h.block.line, reason });
      continue;
    }
    const parsed = parseTalkHeading(h.block.text);
    for (let i = h.index; i < h.end; i++) inTalk.add(i);
    talks.push({
      title: parsed.title === '' ? h.block.text : parsed.title,
      heading: parsed.heading,
      headingBlock: h.block,
      speakers: parsed.speakers,
      line: h.block.line,
      endLine: blocks[h.end - 1]?.endLine ?? h.block.endLine,
      blocks: blocks.slice(h.index + 1, h.end),
    });
  }
  const outside = blocks.filter((_, i) => !inTalk.has(i));
  return { talks, outside, skipped, mode: 'headings' };
}
