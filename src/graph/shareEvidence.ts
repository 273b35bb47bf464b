/**
 * @module graph/shareEvidence
 * A talk's mentions share their evidence: a line naming several tools is one
 * evidence object, and mentions found on the same lines share one list of
 * them. At 10,000 posts there are some 400,000 mentions, and an object or a
 * list each costs tens of bytes; a graph read back from a snapshot shares
 * them as the indexer's own graph does (the snapshot writes each talk's
 * table of them, `snapshotMentions.ts`). Evidence is never changed once a
 * talk is built, so sharing it cannot leak a change from one mention to
 * another.
 *
 * An evidence's text is a line of the talk's section, and so is found in the
 * talk's markdown: it is kept as a slice of that string (V8 holds a slice of
 * 13 characters or more as a pointer into its parent, 32 bytes), not as a
 * copy of the line. At 10,000 posts the lines are some 260,000 strings and
 * 27 MB of characters.
 */
import type { Evidence, TalkModel, ToolMentionModel } from './types.js';

/** A talk's distinct evidence, its distinct lists of it (as numbers in `evidence`), and each mention's list. */
export interface EvidenceTable {
  evidence: Evidence[];
  lists: number[][];
  /** For each mention in order, the number of its list in `lists`. */
  listOf: number[];
}

/** The talk's evidence with equal lines (same line, path and text) one entry, and equal lists one list. */
export function evidenceTable(mentions: readonly ToolMentionModel[]): EvidenceTable {
  const evidence: Evidence[] = [];
  const byLine = new Map<number, number[]>();
  const lists: number[][] = [];
  const listNumbers = new Map<string, number>();
  const one = (item: Evidence): number => {
    const known = byLine.get(item.line);
    const same = known?.find((n) => {
      const e = evidence[n] as Evidence;
      return e === item || (e.path === item.path && e.text === item.text);
    });
    if (same !== undefined) return same;
    const n = evidence.push(item) - 1;
    if (known === undefined) byLine.set(item.line, [n]);
    else known.push(n);
    return n;
  };
  const listOf = mentions.map((mention) => {
    const list = mention.evidence.map(one);
    const key = list.join(',');
    let n = listNumbers.get(key);
    if (n === undefined) {
      n = lists.push(list) - 1;
      listNumbers.set(key, n);
    }
    return n;
  });
  return { evidence, lists, listOf };
}

/** Rewrites the talk's mentions so equal evidence objects and equal lists of them are one each. */
export function shareEvidence(talk: Pick<TalkModel, 'mentions' | 'markdown'>): void {
  if (talk.mentions.length === 0) return;
  const { evidence, lists, listOf } = evidenceTable(talk.mentions);
  const shared = lists.map((list) => list.map((n) => evidence[n] as Evidence));
  talk.mentions.forEach((mention, i) => {
    mention.evidence = shared[listOf[i] as number] as Evidence[];
  });
  const markdown = talk.markdown;
  if (markdown === undefined) return;
  for (const item of evidence) {
    const at = markdown.indexOf(item.text);
    if (at !== -1) item.text = markdown.slice(at, at + item.text.length);
  }
}
