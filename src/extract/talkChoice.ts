/**
 * @module extract/talkChoice
 * Joins the two readings of a post's talks: the heading layout (talks.ts) and
 * the scored list items, bold paragraphs and table rows (itemTalks.ts). A
 * heading section, or the whole file, that holds two or more item talks is a
 * container of them (a day, a schedule list); a single item talk inside a
 * talk is part of that talk's notes. Each weighed candidate is reported.
 */
import { diagnostic, type Report } from '../diagnostics.js';
import { lookupKey } from '../keys.js';
import type { Block } from '../parse/markdown.js';
import { hasVideo, type ItemCandidate } from './itemTalks.js';
import type { TalkLayout, TalkSection } from './talks.js';

function itemSection(c: ItemCandidate): TalkSection {
  return {
    title: c.title,
    heading: c.title,
    kind: c.kind,
    speakers: c.speakers,
    line: c.line,
    endLine: c.endLine,
    blocks: c.blocks,
    headingBlock: null,
  };
}

function reportCandidates(
  items: readonly ItemCandidate[],
  layout: TalkLayout,
  path: string,
  report: Report,
): void {
  for (const c of items) {
    const f = c.features;
    // Plain notes bullets and lines inside a talk's notes ("Video: …") need no word; close calls outside talks do.
    const insideTalk = layout.talks.some((t) => c.line > t.line && c.line <= t.endLine);
    if (!c.decision.talk && (insideTalk || (!f.video && !f.speaker && !f.tableColumns))) continue;
    const verdict = c.decision.talk ? 'taken as a talk' : 'not a talk';
    report(
      diagnostic(
        'TALK_CANDIDATE',
        path,
        c.line,
        `${c.shape} "${c.title.slice(0, 80)}" ${verdict}: ${c.decision.explanation}`,
      ),
    );
  }
}

/**
 * An item talk with its own speaker and video, after a heading talk's own
 * video, follows that talk rather than being part of its notes.
 */
function isNextTalk(c: ItemCandidate, t: TalkSection): boolean {
  if (!c.features.speaker || !c.features.video || c.line <= t.line) return false;
  const before = t.blocks.filter((b) => b.endLine < c.line);
  return hasVideo(t.headingBlock === null ? before : [t.headingBlock, ...before]);
}

/** A talk under an earlier talk's title is a talk of its own when it names other speakers or has its own video. */
function isOwnTalk(t: TalkSection, first: TalkSection): boolean {
  const earlier = new Set(first.speakers.map(lookupKey));
  return t.speakers.some((s) => !earlier.has(lookupKey(s))) || hasVideo(t.blocks);
}

export function chooseTalks(
  layout: TalkLayout,
  blocks: readonly Block[],
  items: readonly ItemCandidate[],
  path: string,
  report: Report,
): TalkLayout {
  reportCandidates(items, layout, path, report);
  const accepted = items.filter((c) => c.decision.talk);
  if (accepted.length === 0) return layout;
  const talks: TalkSection[] = [];
  const skipped = [...layout.skipped];
  const used = new Set<ItemCandidate>();
  for (const t of layout.talks) {
    const inside = accepted.filter((c) => c.line >= t.line && c.line <= t.endLine);
    for (const c of inside) used.add(c);
    const own = inside[0];
    if (inside.length >= 2) {
      if (t.headingBlock !== null)
        skipped.push({ text: t.headingBlock.text, line: t.line, reason: 'it groups the talks listed in it' });
      talks.push(...inside.map(itemSection));
    } else if (own !== undefined && isNextTalk(own, t)) {
      // "## Panel / video / **Next Title** by A and B / video": a talk after the end of the one above.
      const before = t.blocks.filter((b) => b.endLine < own.line);
      talks.push(
        { ...t, blocks: before, endLine: before[before.length - 1]?.endLine ?? t.line },
        itemSection(own),
      );
    } else talks.push(t);
  }
  for (const c of accepted) if (!used.has(c)) talks.push(itemSection(c));
  talks.sort((a, b) => a.line - b.line);
  // Notes come back to a talk ("discussed above"): an item repeating an earlier talk's title is no new talk,
  // unless it brings a speaker or a video of its own ("Keynote - A (video)", "Keynote - B (video)").
  const seen = new Map<string, TalkSection>();
  for (let i = 0; i < talks.length; i++) {
    const t = talks[i] as TalkSection;
    const key = lookupKey(t.title);
    const first = seen.get(key);
    if (first === undefined || t.headingBlock !== null || isOwnTalk(t, first)) {
      if (first === undefined) seen.set(key, t);
      continue;
    }
    report(
      diagnostic(
        'TALK_CANDIDATE',
        path,
        t.line,
        `"${t.title.slice(0, 80)}" mentions again the talk at line ${first.line}`,
      ),
    );
    talks.splice(i, 1);
    i -= 1;
  }
  // By lines, not by block: an item talk may be a piece of a list item that lost its marker.
  const outside = blocks.filter((b) => !talks.some((t) => b.line >= t.line && b.line <= t.endLine));
  const single = layout.mode === 'single' && talks.length === 1 && talks[0] === layout.talks[0];
  return { talks, outside, skipped, mode: single ? 'single' : 'headings' };
}
