/**
 * @module eval/loao
 * Leave-one-author-out check of the talk weights: a family of weight tables
 * (the shipped one and each weight moved one step either way) is scored per
 * author; for each author, the table that does best on the other authors is
 * chosen and scored on the one left out. When held-out scores match the
 * shipped table's, the weights are not fitted to one author.
 */
import { TALK_WEIGHTS, type TalkWeights } from '../src/extract/talkWeights.js';
import { type CorpusScore, scoreCorpus } from './corpus.js';
import { addTallies, emptyTallies, f1, type Tallies } from './score.js';

export interface Fold {
  author: string;
  /** The weight moved for the table chosen on the other authors ("shipped" when none). */
  chosen: string;
  shipped: number;
  heldOut: number;
}

function variants(step = 1): { name: string; weights: TalkWeights }[] {
  const out = [{ name: 'shipped', weights: TALK_WEIGHTS }];
  for (const key of Object.keys(TALK_WEIGHTS) as (keyof TalkWeights)[]) {
    for (const delta of [-step, step])
      out.push({
        name: `${key} ${delta > 0 ? '+' : ''}${delta}`,
        weights: { ...TALK_WEIGHTS, [key]: TALK_WEIGHTS[key] + delta },
      });
  }
  return out;
}

const talkF1 = (t: Tallies) => f1(t.talks);

export async function leaveOneAuthorOut(corpusDir: string): Promise<Fold[]> {
  const scored: { name: string; score: CorpusScore }[] = [];
  for (const v of variants()) scored.push({ name: v.name, score: await scoreCorpus(corpusDir, v.weights) });
  const shipped = scored[0] as { name: string; score: CorpusScore };
  return shipped.score.authors.map((held) => {
    let best = shipped;
    let bestF1 = -1;
    for (const s of scored) {
      const others = emptyTallies();
      for (const a of s.score.authors) if (a.author !== held.author) addTallies(others, a.tallies);
      // Ties keep the shipped table, so a move must earn its place.
      if (talkF1(others) > bestF1 + 1e-9) {
        best = s;
        bestF1 = talkF1(others);
      }
    }
    const heldOut = best.score.authors.find((a) => a.author === held.author)?.tallies ?? held.tallies;
    return {
      author: held.author,
      chosen: best.name,
      shipped: talkF1(held.tallies),
      heldOut: talkF1(heldOut),
    };
  });
}
