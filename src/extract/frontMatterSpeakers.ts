/**
 * @module extract/frontMatterSpeakers
 * Speakers a post's front matter names, under a speaker key in any of the
 * languages notes are written in (`speakers`, `presenter`, `Vortragende`,
 * `ponentes`, …), at the top level or one table down (Hugo sites keep a
 * page's event fields in a table of their own: `[ChaosSeminar] Vortragende =
 * "Felix"`). The author's own key (`author`, `by`) names no speaker.
 */
import { asStringList } from '../parse/values.js';

const SPEAKER_KEY =
  /^(?:speakers?|presenters?|presented[_\s-]?by|panelists?|vortragende[rn]?|referent(?:in|en|innen)?|sprecher(?:in|innen)?|ponentes?|oradore?s?|conferencistas?|orateurs?|intervenant(?:e|s|es)?|relatori?|登壇者|講演者|発表者)$/i;

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function namesOf(value: unknown): string[] {
  // "A und B" / "A and B" in one value names two people.
  return asStringList(value).flatMap((v) => v.split(/\s+(?:and|und|y|et|e|&)\s+/i).map((s) => s.trim()));
}

/** Speaker names under speaker keys of the front matter and of its tables, in order, without repeats. */
export function frontMatterSpeakers(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  const read = (table: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(table)) {
      if (SPEAKER_KEY.test(key.trim())) out.push(...namesOf(value));
      else if (depth === 0 && isTable(value)) read(value, 1);
    }
  };
  read(data, 0);
  return [...new Set(out.filter((n) => n !== '' && n.length <= 80))];
}
