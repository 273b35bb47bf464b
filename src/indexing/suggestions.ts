/**
 * @module indexing/suggestions
 * Ranks the terms that look like tools nobody catalogued yet, for
 * `talkgraph suggest-tools` and `Query.toolSuggestions`.
 */
import type { TalkDraft } from '../extract/post.js';
import type { TalkModel, ToolModel, ToolSuggestionModel } from '../graph/types.js';
import { slugify } from '../keys.js';

/** The candidate terms of one talk, carried with the talk they were read from. */
export interface TalkCandidates {
  talkSlug: string;
  path: string;
  candidates: TalkDraft['candidates'];
}

/**
 * Candidate terms that recur become suggestions: code spans and inner-capital
 * names from two occurrences, capitalised words from three talks; inferred
 * tools (repositories linked but not catalogued) are suggested as they are.
 */
export function suggestTools(
  found: readonly TalkCandidates[],
  talks: readonly TalkModel[],
  tools: readonly ToolModel[],
): ToolSuggestionModel[] {
  const byTerm = new Map<string, ToolSuggestionModel & { count: number }>();
  for (const { talkSlug, path, candidates } of found) {
    for (const c of candidates) {
      const key = c.term.toLowerCase();
      const reason = c.code
        ? 'CODE'
        : /\p{Lu}/u.test(c.term.slice(1)) || /^\p{Ll}/u.test(c.term)
          ? 'INNER_CAPITALS'
          : 'RECURRING_NAME';
      let s = byTerm.get(key);
      if (s === undefined) {
        s = { term: c.term, slug: slugify(c.term), reason, talkSlugs: [], occurrences: [], count: 0 };
        byTerm.set(key, s);
      }
      s.count += 1;
      if (s.talkSlugs[s.talkSlugs.length - 1] !== talkSlug) s.talkSlugs.push(talkSlug);
      if (s.occurrences.length < 5) s.occurrences.push({ path, line: c.line, text: c.text });
    }
  }
  const recurring = [...byTerm.values()].filter((s) =>
    s.reason === 'RECURRING_NAME' ? s.talkSlugs.length >= 3 : s.count >= 2,
  );
  const mentionsOf = new Map<
    string,
    { talkSlugs: string[]; occurrences: ToolSuggestionModel['occurrences'] }
  >();
  for (const talk of talks) {
    for (const m of talk.mentions) {
      const entry = mentionsOf.get(m.toolSlug) ?? { talkSlugs: [], occurrences: [] };
      mentionsOf.set(m.toolSlug, entry);
      entry.talkSlugs.push(talk.slug);
      if (entry.occurrences.length < 5)
        entry.occurrences.push(...m.evidence.slice(0, 5 - entry.occurrences.length));
    }
  }
  const inferred: ToolSuggestionModel[] = tools
    .filter((t) => t.inferred)
    .map((t) => ({
      term: t.name,
      slug: t.slug,
      reason: 'REPOSITORY' as const,
      talkSlugs: mentionsOf.get(t.slug)?.talkSlugs ?? [],
      occurrences: mentionsOf.get(t.slug)?.occurrences ?? [],
    }));
  const suggestions = [
    ...recurring
      .sort(
        (a, b) =>
          b.talkSlugs.length - a.talkSlugs.length || b.count - a.count || a.term.localeCompare(b.term),
      )
      .map(({ count: _count, ...s }) => s),
    ...inferred,
  ];
  // Lists grown by push keep room for a dozen more entries: thousands of them are kept at their length.
  for (const s of suggestions) {
    s.talkSlugs = s.talkSlugs.slice();
    s.occurrences = s.occurrences.slice();
  }
  return suggestions;
}
