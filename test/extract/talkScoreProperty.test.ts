/**
 * A candidate's score is the bias plus every feature's share, added in the
 * order of NO_FEATURES: the written-out sum against a loop over the features,
 * for any features and weights (float sums depend on their order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NO_FEATURES,
  scoreTalk,
  type TalkFeatures,
  type TalkWeights,
} from '../../src/extract/talkWeights.js';

const KEYS = Object.keys(NO_FEATURES) as (keyof TalkFeatures)[];

function reference(features: TalkFeatures, weights: TalkWeights): number {
  let score = weights.bias;
  for (const key of KEYS) score += Number(features[key]) * weights[key];
  return score;
}

const weight = fc.double({ min: -10, max: 10, noNaN: true });

describe('talk scores', () => {
  it('adds every feature share in the order of the features', () => {
    const features = fc.record(
      Object.fromEntries(
        KEYS.map((k) => [
          k,
          typeof NO_FEATURES[k] === 'number' ? fc.double({ min: 0, max: 1 }) : fc.boolean(),
        ]),
      ) as { [K in keyof TalkFeatures]: fc.Arbitrary<TalkFeatures[K]> },
    );
    const weights = fc.record(
      Object.fromEntries([...KEYS, 'bias'].map((k) => [k, weight])) as {
        [K in keyof TalkWeights]: fc.Arbitrary<number>;
      },
    );
    fc.assert(
      fc.property(features, weights, (f, w) => {
        const score = scoreTalk(f, w);
        expect(score.score).toBe(reference(f, w));
        expect(score.talk).toBe(reference(f, w) > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
