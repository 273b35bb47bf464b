/**
 * @module graph/shareEvidence
 * A talk's mentions share their evidence: a line naming several tools is one
 * evidence object, and mentions found on the same lines share one list of
 * them. At 10,000 posts there are some 400,000 mentions, and an object or a
 * list each costs tens of bytes; a graph read back from a snapshot (which
 * writes each mention's evidence out in full) shares them again, as the
 * indexer's own graph does. Evidence is never changed once a talk is built,
 * so sharing it cannot leak a change from one mention to another.
 *
 * An evidence's text is a line of the talk's section, and so is found in the
 * talk's markdown: it is kept as a slice of that string (V8 holds a slice of
 * 13 characters or more as a pointer into its parent, 32 bytes), not as a
 * copy of the line. At 10,000 posts the lines are some 260,000 strings and
 * 27 MB of characters.
 */
import type { Evidence, TalkModel } from './types.js';

/** Rewrites the talk's mentions so equal evidence objects and equal lists of them are one each. */
export function shareEvidence(talk: Pick<TalkModel, 'mentions' | 'markdown'>): void {
  if (talk.mentions.length === 0) return;
  const byLine = new Map<number, Evidence[]>();
  const numberOf = new Map<Evidence, number>();
  const lists = new Map<string, Evidence[]>();
  const one = (evidence: Evidence): Evidence => {
    const known = byLine.get(evidence.line);
    const same = known?.find((e) => e === evidence || (e.path === evidence.path && e.text === evidence.text));
    if (same !== undefined) return same;
    if (known === undefined) byLine.set(evidence.line, [evidence]);
    else known.push(evidence);
    numberOf.set(evidence, numberOf.size);
    return evidence;
  };
  for (const mention of talk.mentions) {
    const evidence = mention.evidence.map(one);
    const key = evidence.map((e) => numberOf.get(e)).join(',');
    const list = lists.get(key);
    if (list === undefined) {
      lists.set(key, evidence);
      mention.evidence = evidence;
    } else mention.evidence = list;
  }
  sliceTexts(talk);
}

/** Points each evidence text that occurs in the talk's markdown at that place of it. */
function sliceTexts(talk: Pick<TalkModel, 'mentions' | 'markdown'>): void {
  const markdown = talk.markdown;
  if (markdown === undefined) return;
  const done = new Set<Evidence>();
  for (const mention of talk.mentions) {
    for (const evidence of mention.evidence) {
      if (done.has(evidence)) continue;
      done.add(evidence);
      const at = markdown.indexOf(evidence.text);
      if (at !== -1) evidence.text = markdown.slice(at, at + evidence.text.length);
    }
  }
}
