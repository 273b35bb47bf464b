/**
 * @module schema/toolMention
 * `ToolMention`: a talk naming or linking a tool, with the evidence; and
 * `MentionVia`, how it was found.
 */
import { builder } from './builder.js';
import { cutAt, firstArg, firstOf } from './listCaps.js';
import { EvidenceRef, TalkRef, ToolMentionRef, ToolRef } from './refs.js';

export const MentionVia = builder.enumType('MentionVia', {
  description: 'How a mention of a tool was found, strongest first.',
  values: {
    REPOSITORY: { value: 'REPOSITORY', description: "The talk links the tool's repository." },
    WEBSITE: { value: 'WEBSITE', description: "The talk links the tool's website." },
    NAME: {
      value: 'NAME',
      description: 'The talk names the tool as a word (matching its case when it says so).',
    },
    ALIAS: { value: 'ALIAS', description: 'The talk uses one of the aliases of the tool.' },
  } as const,
});

ToolMentionRef.implement({
  description: 'A talk mentioning a tool: how the mention was found and the text that shows it.',
  fields: (t) => ({
    tool: t.field({
      type: ToolRef,
      description: 'The tool mentioned.',
      resolve: async (mention, _args, ctx) => {
        const tool = await ctx.loaders.tool.load(mention.toolSlug);
        if (tool === null) throw new Error(`mention of unknown tool ${mention.toolSlug}`);
        return tool;
      },
    }),
    talk: t.field({
      type: TalkRef,
      description: 'The talk mentioning it.',
      resolve: async (mention, _args, ctx) => {
        const talk = await ctx.loaders.talk.load(mention.talkSlug);
        if (talk === null) throw new Error(`mention by unknown talk ${mention.talkSlug}`);
        return talk;
      },
    }),
    via: t.field({ type: MentionVia, description: 'The strongest way it was found.', resolve: (m) => m.via }),
    evidence: t.field({
      type: [EvidenceRef],
      description: cutAt('The lines of the notes that mention it, in order.', 'ToolMention.evidence'),
      args: { first: firstArg(t.arg, 'ToolMention.evidence') },
      resolve: (mention, args) => firstOf('ToolMention.evidence', mention.evidence, args.first),
    }),
  }),
});
