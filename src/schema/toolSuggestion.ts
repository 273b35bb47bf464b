/**
 * @module schema/toolSuggestion
 * `ToolSuggestion`: a term of the notes that looks like a tool none of the
 * catalogue or registry knows, with why and where; `ToolSuggestionReason`;
 * and the root field `suggestedTools(first)`.
 */
import type { ToolSuggestionModel } from '../graph/types.js';
import { builder } from './builder.js';
import { capOf, cutAt, firstArg, firstKnown, firstOf } from './listCaps.js';
import { EvidenceRef, TalkRef, ToolRef, ToolSuggestionRef } from './refs.js';

const REASON_DESCRIPTIONS: Record<ToolSuggestionModel['reason'], string> = {
  CODE: 'Written as code (`kubectl`) more than once.',
  INNER_CAPITALS: 'Spelled with inner capitals or a lower-case start (gVisor, containerd) more than once.',
  RECURRING_NAME: 'A capitalised name recurring in three talks or more.',
  REPOSITORY:
    'A linked GitHub or GitLab repository of a project neither the catalogue nor the registry knows.',
};

const ToolSuggestionReason = builder.enumType('ToolSuggestionReason', {
  description: 'Why a term looks like a tool.',
  values: Object.fromEntries(
    Object.entries(REASON_DESCRIPTIONS).map(([reason, description]) => [
      reason,
      { value: reason, description },
    ]),
  ) as Record<ToolSuggestionModel['reason'], { value: ToolSuggestionModel['reason']; description: string }>,
});

ToolSuggestionRef.implement({
  description:
    'A term of the notes that looks like a tool but that neither the catalogue nor the `tools/` registry defines: a candidate for a registry file (`talkgraph suggest-tools --write TERM`).',
  fields: (t) => ({
    term: t.exposeString('term', { description: 'The term, as first written in the notes.' }),
    slug: t.exposeString('slug', { description: 'The slug a tool of this name would get.' }),
    reason: t.field({
      type: ToolSuggestionReason,
      description: 'Why it looks like a tool.',
      resolve: (suggestion) => suggestion.reason,
    }),
    talkCount: t.int({
      description: 'How many talks use the term.',
      resolve: (suggestion) => suggestion.talkSlugs.length,
    }),
    talks: t.field({
      type: [TalkRef],
      description: cutAt('The talks using the term, as written.', 'ToolSuggestion.talks'),
      args: { first: firstArg(t.arg, 'ToolSuggestion.talks') },
      resolve: (suggestion, args, ctx) =>
        firstKnown(ctx.loaders.talk, suggestion.talkSlugs, capOf('ToolSuggestion.talks', args.first)),
    }),
    occurrences: t.field({
      type: [EvidenceRef],
      description: cutAt(
        'Where the term occurs (the first few occurrences), with the text around it.',
        'ToolSuggestion.occurrences',
      ),
      args: { first: firstArg(t.arg, 'ToolSuggestion.occurrences') },
      resolve: (suggestion, args) =>
        firstOf('ToolSuggestion.occurrences', suggestion.occurrences, args.first),
    }),
    tool: t.field({
      type: ToolRef,
      nullable: true,
      description:
        'The inferred tool the graph already holds for it (REPOSITORY suggestions); null otherwise.',
      resolve: (suggestion, _args, ctx) =>
        suggestion.reason === 'REPOSITORY' ? ctx.loaders.tool.load(suggestion.slug) : null,
    }),
  }),
});

builder.queryField('suggestedTools', (t) =>
  t.field({
    type: [ToolSuggestionRef],
    description:
      'Terms of the notes that look like tools nobody has defined, strongest first: the most talks first, then repository links to unknown projects.',
    args: { first: firstArg(t.arg, 'Query.suggestedTools') },
    resolve: async (_root, args, ctx) =>
      firstOf('Query.suggestedTools', await ctx.loaders.suggestions(), args.first),
  }),
);
