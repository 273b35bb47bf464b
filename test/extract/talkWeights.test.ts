/**
 * scoreTalk: one table of weights decides every candidate, and the
 * explanation names each feature's share.
 */
import { describe, expect, it } from 'vitest';
import { NO_FEATURES, scoreTalk, TALK_WEIGHTS } from '../../src/extract/talkWeights.js';

describe('scoreTalk', () => {
  it('takes a candidate with a video and a speaker, and explains the sum', () => {
    const s = scoreTalk({ ...NO_FEATURES, video: true, speaker: true });
    expect(s.talk).toBe(true);
    expect(s.score).toBe(TALK_WEIGHTS.bias + TALK_WEIGHTS.video + TALK_WEIGHTS.speaker);
    expect(s.explanation).toContain(`video +${TALK_WEIGHTS.video}`);
    expect(s.explanation).toContain(`bias ${TALK_WEIGHTS.bias}`);
  });

  it('refuses a candidate with no evidence, and one whose words name a break', () => {
    expect(scoreTalk(NO_FEATURES).talk).toBe(false);
    expect(scoreTalk({ ...NO_FEATURES, speaker: true, nonTalkWords: true }).talk).toBe(false);
  });

  it('scales the siblings feature by the share of siblings with evidence', () => {
    const half = scoreTalk({ ...NO_FEATURES, siblings: 0.5 }).score;
    expect(half).toBeCloseTo(TALK_WEIGHTS.bias + TALK_WEIGHTS.siblings / 2);
  });

  it('uses weights given in place of the table', () => {
    const weights = { ...TALK_WEIGHTS, bias: 10 };
    expect(scoreTalk(NO_FEATURES, weights).talk).toBe(true);
  });
});
