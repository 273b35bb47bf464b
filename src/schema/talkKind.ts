/**
 * @module schema/talkKind
 * `TalkKind`: what a talk is, as the prefix or words of its title say.
 */
import { type TalkKind as Kind, TALK_KINDS } from '../graph/types.js';
import { builder } from './builder.js';

const DESCRIPTIONS: Record<Kind, string> = {
  KEYNOTE: 'A keynote ("Keynote: …", "Day 2 Keynote").',
  TALK: 'A talk or session: what a talk is unless its title says otherwise.',
  WORKSHOP: 'A workshop, tutorial or training.',
  PANEL: 'A panel discussion or fireside chat.',
  LIGHTNING: 'A lightning talk.',
};

export const TalkKind = builder.enumType('TalkKind', {
  description: 'What a talk is, as the prefix or words of its title say.',
  values: Object.fromEntries(
    TALK_KINDS.map((k) => [k, { value: k, description: DESCRIPTIONS[k] }]),
  ) as Record<Kind, { value: Kind; description: string }>,
});
