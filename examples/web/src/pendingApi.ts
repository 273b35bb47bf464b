// Stand-ins for API fields that talkgraph has specified for front ends but does not serve yet
// (`Talk.kind`, `Talk.notesHtml`, `direction` beside `orderBy`). Each is one function here, so
// moving to the real field is a change to one query and one function. Facets are in facets.ts.

import { h } from './dom';
import type { TalkOrder } from './gql/graphql';

/** PENDING `Talk.kind`: every talk reads as a plain talk until the API says otherwise. */
export function talkKind(_talk: { title: string }): string {
  return 'Talk';
}

/**
 * PENDING `Talk.notesHtml` (sanitised HTML): today the API gives plain text, shown as paragraphs.
 * Text nodes only, so nothing in the notes can inject markup.
 */
export function notesElement(notes: string): HTMLElement {
  const box = h('div', { class: 'notes' });
  for (const paragraph of notes.split(/\n\s*\n/)) {
    const text = paragraph.trim();
    if (text) box.append(h('p', {}, text));
  }
  return box;
}

export type SortKey = 'file' | 'date' | 'title';
export type Direction = 'asc' | 'desc';

/** Which sort keys can run in which direction today (PENDING `direction: OrderDirection`). */
export const SORTS: { key: SortKey; label: string; directions: Direction[] }[] = [
  { key: 'file', label: 'As written', directions: ['asc'] },
  { key: 'date', label: 'Date', directions: ['asc', 'desc'] },
  { key: 'title', label: 'Title', directions: ['asc'] },
];

/** The API order for a sort key and direction; directions it cannot serve yet fall back to ascending. */
export function talkOrder(sort: SortKey, direction: Direction): TalkOrder {
  if (sort === 'date') return direction === 'desc' ? 'DATE_DESC' : 'DATE';
  return sort === 'title' ? 'TITLE' : 'FILE';
}
