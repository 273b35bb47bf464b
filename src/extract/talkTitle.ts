/**
 * @module extract/talkTitle
 * Cleans a talk title as a careful reader would write it: no surrounding
 * quotes, no markdown escapes or emphasis marks, no session code ("CON310 -"),
 * no time range ("9:15am to 9:45am"), and a "Keynote:"/"Workshop:"/"Panel:"/
 * "Lightning talk:" prefix turned into the talk's kind.
 */

import type { TalkKind } from '../graph/types.js';
import { isPersonName } from './speakers.js';

export type { TalkKind } from '../graph/types.js';

const KIND_PREFIX =
  /^(?:(?:opening|closing|morning|afternoon|day\s*\d+)\s+)?(keynote|lightning\s+talk|workshop|training|tutorial|panel(?:\s+discussion)?|presentation|talk|session|fireside\s+chat)\s*(?:\d+\s*)?(?::|\s[–—-])\s*/i;
const TIME = '\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?';
const TIME_RANGE = new RegExp(
  `\\s*[-–—,(]?\\s*${TIME}\\s*(?:-|–|—|to|until|bis)\\s*${TIME}\\s*\\)?\\s*$`,
  'i',
);
const SESSION_CODE = /^[A-Z]{2,5}\d{2,4}(?:-[A-Z]\d?)?\s*[-–—:]\s+/;
const QUOTES = /^["'“”‘’„«»]+|["'“”‘’„«»]+$/g;

/** True when the text opens with a talk's kind ("Keynote:", "Training: …", "Panel - …"). */
export function hasKindPrefix(text: string): boolean {
  const m = KIND_PREFIX.exec(text.trim());
  return m !== null && text.trim().length > m[0].length;
}

/** True when the text ends with a time range ("… 9:15am to 9:45am"). */
export function hasTimeRange(text: string): boolean {
  // The short test first: the range's pattern is tried at every place of the text.
  return /\d:\d\d|\d\s*[ap]\.?m/i.test(text) && TIME_RANGE.test(text);
}

function kindOf(word: string): TalkKind {
  const w = word.toLowerCase();
  if (w.startsWith('keynote')) return 'KEYNOTE';
  if (w.startsWith('lightning')) return 'LIGHTNING';
  if (w.startsWith('workshop') || w.startsWith('tutorial') || w.startsWith('training')) return 'WORKSHOP';
  if (w.startsWith('panel') || w.startsWith('fireside')) return 'PANEL';
  return 'TALK';
}

/** The kind a title's words give ("Day 2 Keynote" is a keynote) when no prefix says it. */
export function kindFromWords(text: string): TalkKind {
  // Most titles name no kind: one look for any of the words before asking which.
  if (!/\b(?:keynote|lightning|workshop|tutorial|panel)\b/i.test(text)) return 'TALK';
  if (/\bkeynote\b/i.test(text)) return 'KEYNOTE';
  if (/\blightning\b/i.test(text)) return 'LIGHTNING';
  if (/\b(?:workshop|tutorial)\b/i.test(text)) return 'WORKSHOP';
  if (/\bpanel\b/i.test(text)) return 'PANEL';
  return 'TALK';
}

/** Strips markdown escapes, emphasis marks and surrounding quotes from a title. */
export function plainTitle(text: string): string {
  // Most titles hold no markup: skip the replacements (this runs for every list item of every post).
  if (!/[\\*_"'“”‘’„«»]|\s\s|^\s|\s$/.test(text)) return text;
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(QUOTES, '')
    .trim();
}

/**
 * The cleaned title and the kind its prefix (or failing that, its words) gives.
 * "Keynote - Werner Vogels" names a speaker after the prefix: the title is the kind's word.
 */
export function cleanTitle(raw: string): { title: string; kind: TalkKind; speakers: string[] } {
  // A time range holds digits; most titles hold none, and skip its pattern.
  const unsessioned = plainTitle(raw).replace(SESSION_CODE, '');
  let title = (/\d/.test(unsessioned) ? unsessioned.replace(TIME_RANGE, '') : unsessioned).trim();
  let kind: TalkKind | null = null;
  const prefix = KIND_PREFIX.exec(title);
  // "Keynote: Title" loses its prefix; a bare "Keynote" stays the title.
  if (prefix?.[1] !== undefined && title.length > prefix[0].length) {
    kind = kindOf(prefix[1]);
    const rest = title.slice(prefix[0].length).replace(QUOTES, '').trim();
    if (isPersonName(rest)) return { title: prefix[1].replace(/\s+/g, ' '), kind, speakers: [rest] };
    title = rest;
  }
  return { title, kind: kind ?? kindFromWords(title), speakers: [] };
}
