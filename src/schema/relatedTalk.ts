/**
 * @module schema/relatedTalk
 * `RelatedTalk`: a talk related to another, with its score and what they share.
 */
import { capOf, cutAt, firstArg, firstKnown } from './listCaps.js';
import { RelatedTalkRef, TalkRef, ToolRef, TopicRef } from './refs.js';

RelatedTalkRef.implement({
  description: 'A talk related to another by the tools and topics they share.',
  fields: (t) => ({
    talk: t.field({
      type: TalkRef,
      description: 'The related talk.',
      resolve: async (related, _args, ctx) => {
        const talk = await ctx.loaders.talk.load(related.slug);
        if (talk === null) throw new Error(`related talk ${related.slug} is not in the graph`);
        return talk;
      },
    }),
    score: t.exposeFloat('score', {
      description:
        'How related, above zero: rare shared tools count most, topics every talk of a post shares least.',
    }),
    sharedTools: t.field({
      type: [ToolRef],
      description: cutAt('The tools both talks mention, most telling first.', 'RelatedTalk.sharedTools'),
      args: { first: firstArg(t.arg, 'RelatedTalk.sharedTools') },
      resolve: (related, args, ctx) =>
        firstKnown(ctx.loaders.tool, related.sharedTools, capOf('RelatedTalk.sharedTools', args.first)),
    }),
    sharedTopics: t.field({
      type: [TopicRef],
      description: cutAt('The topics both talks are about, most telling first.', 'RelatedTalk.sharedTopics'),
      args: { first: firstArg(t.arg, 'RelatedTalk.sharedTopics') },
      resolve: (related, args, ctx) =>
        firstKnown(ctx.loaders.topic, related.sharedTopics, capOf('RelatedTalk.sharedTopics', args.first)),
    }),
  }),
});
