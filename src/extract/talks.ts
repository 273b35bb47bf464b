/**
 * @module extract/talks
 * Decides which sections of a post are talks. The talk heading level is
 * chosen per file from evidence (videos, "Video Link:" labels, speaker lines,
 * speaker patterns in headings); headings that are not talks (summaries,
 * days, tracks, parties, tables of contents) are skipped with a reason. A
 * post with no talk headings may still be one talk (one video, a talk's
 * front matter, a slide deck).
 */
import type { Block } from '../parse/markdown.js';
import { isNormalised, normaliseUrl } from './links.js';
import { parseTalkHeading, speakersFromLine } from './speakers.js';
import { isOtherVideo } from './videos.js';

export interface TalkSection {
  title: string;
  speakers: string[];
  line: number;
  endLine: number;
  /** Blocks of the section, heading excluded. */
  blocks: Block[];
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
}

const NON_TALK =
  /^(?:summary|summaries|introduction|intro|overview|preface|prologue|conclusions?|final\s+(?:thoughts|words|notes)|closing\s+(?:thoughts|words|remarks)|(?:some\s+)?(?:thoughts|reflections|impressions)|(?:key\s+|my\s+|main\s+)?takeaways?|lessons\s+learn[et]d?|wrap[-\s]?up|welcome|(?:the\s+)?(?:after[-\s]?)?party|social|networking|table\s+of\s+contents|contents|toc|agenda|schedule|program(?:me)?|links|useful\s+links|resources|references|further\s+reading|reading\s+list|about(?:\s+me|\s+the\s+(?:conference|event))?|(?:my\s+|personal\s+|other\s+)?notes|background|context|venue|location|travel|logistics|food|sponsors?|expo(?:\s+hall)?|booths?|hallway\s+track|day\s*(?:\d+|one|two|three|four|five)\b.*|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*|keynotes?|(?:lightning\s+)?talks|sessions|workshops|tracks?\b.*|.*\btrack|misc(?:ellaneous)?|others?|general|updates?|news|tl;?dr|recap|highlights|what'?s\s+next|next\s+steps|bonus|extras?|photos|pictures|videos?|recordings?|slides|q\s*&\s*a|questions|demo|acknowledge?ments|credits|thanks|thank\s+you|faq|pre[-\s]?conference|post[-\s]?conference|morning|afternoon|evening|first\s+impressions|overall|verdict|the\s+end|epilogue|update|edit|disclaimer|key\s+points|main\s+points|details|description|abstract|transcript|my\s+opinion|opinion|review|rating|[\d.]+)$/i;

function cleanHeading(text: string): string {
  return text
    .replace(/^(?:\p{Extended_Pictographic}|\uFE0F|\s)+/u, '')
    .replace(/^(?:\d+[.)]|[ivx]+\.)\s+/i, '')
    .replace(/[:.!?\s]+$/, '')
    .trim();
}

export function isNonTalkHeading(text: string): boolean {
  return NON_TALK.test(cleanHeading(text));
}

const VIDEO_LABEL =
  /^(?:video(?:\s+link)?|recording|watch(?:\s+(?:it|the\s+(?:talk|video|recording)))?|youtube|talk\s+video)\s*[:：]/i;

function videoKeys(block: Block): string[] {
  const keys: string[] = [];
  for (const link of block.links) {
    const n = normaliseUrl(link.href);
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
  /** Index (exclusive) of the end of the own content: the next heading of any level. */
  ownEnd: number;
  nonTalk: boolean;
  videos: Set<string>;
  ownVideos: number;
  label: boolean;
  speakerLine: boolean;
  headingSpeakers: boolean;
}

function evidence(info: HeadingInfo): number {
  return info.videos.size > 0 || info.label || info.speakerLine ? 2 : info.headingSpeakers ? 1 : 0;
}

export function layoutTalks(blocks: readonly Block[], hints: LayoutHints): TalkLayout {
  // Each block's videos, label and speaker line are read once, then summed per heading.
  const videosOf = blocks.map(videoKeys);
  const labelled = blocks.map((b) => VIDEO_LABEL.test(b.text));
  const speakerLines = blocks.map((b) => b.kind === 'paragraph' && speakersFromLine(b.text) !== null);
  const headings: HeadingInfo[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    headings.push({
      block,
      index,
      level: block.level,
      end: blocks.length,
      ownEnd: blocks.length,
      nonTalk: isNonTalkHeading(block.text),
      videos: new Set(),
      ownVideos: 0,
      label: false,
      speakerLine: false,
      headingSpeakers: parseTalkHeading(block.text).speakers.length > 0,
    });
  });
  headings.forEach((h, i) => {
    const next = headings.slice(i + 1).find((o) => o.level <= h.level);
    h.end = next?.index ?? blocks.length;
    h.ownEnd = headings[i + 1]?.index ?? blocks.length;
    for (let b = h.index + 1; b < h.end; b++) {
      const block = blocks[b] as Block;
      if (block.kind === 'heading') continue;
      for (const key of videosOf[b] ?? []) h.videos.add(key);
      if (labelled[b]) h.label = true;
      if (speakerLines[b]) h.speakerLine = true;
      if (b < h.ownEnd) h.ownVideos += videosOf[b]?.length ?? 0;
    }
  });

  const allVideos = new Set(videosOf.flat());
  const single = (): TalkLayout => ({
    talks: [
      {
        title: hints.title,
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

  // A lone top-level heading is the document's title, not a talk.
  const candidates = headings.filter(
    (h) => !(h.level === 1 && headings.filter((o) => o.level === 1).length === 1 && h === headings[0]),
  );

  // A container holds two or more headings with their own evidence (a day, a track).
  const isContainer = (h: HeadingInfo) =>
    candidates.filter(
      (o) => o.index > h.index && o.index < h.end && o.level > h.level && !o.nonTalk && evidence(o) > 0,
    ).length >= 2;

  const levels = [...new Set(candidates.map((h) => h.level))].sort();
  let bestLevel = 0;
  let bestScore = 0;
  for (const level of levels) {
    const score = candidates
      .filter((h) => h.level === level && !h.nonTalk && !isContainer(h))
      .reduce((sum, h) => sum + evidence(h), 0);
    if (score > bestScore) {
      bestScore = score;
      bestLevel = level;
    }
  }
  const evidenced = candidates.filter(
    (h) => h.level === bestLevel && !h.nonTalk && !isContainer(h) && evidence(h) > 0,
  );

  // Slides separated by thematic breaks, one heading a slide: one talk's deck.
  const slideDeck = hints.breaks >= 3 && candidates.length <= hints.breaks + 1;
  if (hints.frontMatterSpeakers && evidenced.length <= 1) return single();
  if (candidates.length === 0 || evidenced.length === 0) {
    if (allVideos.size >= 1 && allVideos.size <= 2) return single();
    if (hints.frontMatterSpeakers || (slideDeck && hints.conference)) return single();
    if (hints.conference && candidates.length === 0) return single();
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
    // Conference notes without videos: the most common heading level of non-generic headings.
    const counts = new Map<number, number>();
    for (const h of candidates) if (!h.nonTalk) counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
    const [level] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0];
    return sectionsAt(blocks, candidates, level, null, isContainer);
  }
  // One video under a heading whose title names a part of notes ("Video", "Recording"): one talk.
  if (evidenced.length === 1 && allVideos.size <= 1 && evidenced[0]?.nonTalk) return single();
  return sectionsAt(blocks, candidates, bestLevel, evidenced, isContainer);
}

function sectionsAt(
  blocks: readonly Block[],
  headings: HeadingInfo[],
  level: number,
  evidenced: HeadingInfo[] | null,
  isContainer: (h: HeadingInfo) => boolean,
): TalkLayout {
  const talks: TalkSection[] = [];
  const skipped: SkippedHeading[] = [];
  const inTalk = new Set<number>();
  const first = evidenced?.[0]?.index ?? -1;
  const last = evidenced?.[evidenced.length - 1]?.index ?? Number.MAX_SAFE_INTEGER;

  for (const h of headings) {
    let reason: string | null = null;
    if (h.level < level)
      reason = isContainer(h) ? 'it groups the talks below it' : `it is above the talk level (h${level})`;
    else if (h.level > level) continue;
    else if (h.nonTalk) reason = 'its title names a part of the notes, not a talk';
    else if (isContainer(h)) reason = 'it groups the talks below it';
    else if (evidenced !== null && evidence(h) === 0 && (h.index < first || h.index > last)) {
      reason = 'it has no video or speaker and stands outside the run of talks';
    }
    if (reason !== null) {
      skipped.push({ text: h.block.text, line: h.block.line, reason });
      continue;
    }
    const parsed = parseTalkHeading(h.block.text);
    const own = blocks.slice(h.index + 1, h.end);
    for (let i = h.index; i < h.end; i++) inTalk.add(i);
    talks.push({
      title: parsed.title === '' ? h.block.text : parsed.title,
      speakers: parsed.speakers,
      line: h.block.line,
      endLine: blocks[h.end - 1]?.endLine ?? h.block.endLine,
      blocks: own,
    });
  }
  // Sub-headings inside talks are parts of them; headings inside skipped sections were skipped with them.
  const outside = blocks.filter((_, i) => !inTalk.has(i));
  return { talks, outside, skipped, mode: 'headings' };
}
