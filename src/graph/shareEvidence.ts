/**
 * @module graph/shareEvidence
 * A talk's mentions share their evidence: a line naming several tools is one
 * evidence object, and mentions found on the same lines share one list of
 * them. At 10,000 posts there are some 400,000 mentions, and an object or a
 * list each costs tens of bytes; a graph read back from a snapshot (which
 * writes each mention's evidence out in full) shares them again, as the
 * indexer's own graph does. Evidence is never changed once a talk is built,
 * so sharing it cannot leak a change from one mention to another.
 */
import type { Evidence, TalkModel } from './types.js';

/** Rewrites the talk's mentions so equal evidence objects and equal lists of them are one each. */
export function shareEvidence(talk: Pick<TalkModel, 'mentions'>): void {
  if (talk.mentions.length < 2) return;
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
}
