/**
 * @module graph/snapshotMentions
 * A talk's mentions as a snapshot writes them: the talk's table of shared
 * evidence (`shareEvidence.ts`) and each mention's place in it, in a few
 * flat lists rather than an object per mention and per line. A replica then
 * builds each mention, evidence and list once, already shared, instead of
 * decoding every mention's evidence in full and sharing it afterwards; and
 * an evidence line found in the talk's markdown is written as where it is
 * there, so it is read as a slice of the markdown rather than as a string of
 * its own. At 10,000 posts that is some 400,000 mentions and 260,000 lines.
 */
import { evidenceTable } from './shareEvidence.js';
import type { Evidence, MentionVia, TalkModel, ToolMentionModel } from './types.js';

/** A talk's mentions, packed. */
export interface PackedMentions {
  /** Per mention: tool slug, talk slug, how it was found, the number of its evidence list. */
  m: (string | number)[];
  /** Per list: its length, then the numbers of its evidence. */
  l: number[];
  /**
   * Per evidence: path, line, then where its text starts in the talk's markdown and its length,
   * or -1 and the text when the markdown does not hold it.
   */
  e: (string | number)[];
}

/** The talk's mentions as a snapshot writes them. */
export function packMentions(talk: Pick<TalkModel, 'mentions' | 'markdown'>): PackedMentions {
  const { evidence, lists, listOf } = evidenceTable(talk.mentions);
  const m: (string | number)[] = [];
  talk.mentions.forEach((mention, i) => {
    m.push(mention.toolSlug, mention.talkSlug, mention.via, listOf[i] as number);
  });
  const l: number[] = [];
  for (const list of lists) l.push(list.length, ...list);
  const e: (string | number)[] = [];
  for (const { path, line, text } of evidence) {
    const at = talk.markdown === undefined ? -1 : talk.markdown.indexOf(text);
    if (at === -1) e.push(path, line, -1, text);
    else e.push(path, line, at, text.length);
  }
  return { m, l, e };
}

/** A talk's mentions read back, sharing their evidence as the indexer's graph does. */
export function unpackMentions(packed: PackedMentions, markdown: string | undefined): ToolMentionModel[] {
  const { m, l, e } = packed;
  const evidence: Evidence[] = [];
  for (let i = 0; i < e.length; i += 4) {
    const at = e[i + 2] as number;
    const text =
      at === -1 || markdown === undefined
        ? (e[i + 3] as string)
        : markdown.slice(at, at + (e[i + 3] as number));
    evidence.push({ path: e[i] as string, line: e[i + 1] as number, text });
  }
  const lists: Evidence[][] = [];
  for (let i = 0; i < l.length; ) {
    const length = l[i++] as number;
    // At its length: a list grown by push would keep room for a dozen more (some 300,000 lists).
    const list = new Array<Evidence>(length);
    for (let k = 0; k < length; k++) list[k] = evidence[l[i++] as number] as Evidence;
    lists.push(list);
  }
  const mentions = new Array<ToolMentionModel>(m.length / 4);
  for (let i = 0; i < m.length; i += 4) {
    const list = lists[m[i + 3] as number];
    if (list === undefined) throw new Error('a mention names evidence the snapshot does not hold');
    mentions[i / 4] = {
      toolSlug: m[i] as string,
      talkSlug: m[i + 1] as string,
      via: m[i + 2] as MentionVia,
      evidence: list,
    };
  }
  return mentions;
}
