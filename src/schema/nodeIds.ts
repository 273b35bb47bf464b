/**
 * @module schema/nodeIds
 * The `id` field of each node type, answered at once. Pothos' relay plugin
 * wraps every `id` resolver in an async function, so each id in an answer
 * costs two promises and a turn of the executor; a page of 20 talks with
 * their conferences holds 41 of them. The key each id encodes is the one its
 * type gives Pothos (`builder.node(..., { id })`), and the encoding is
 * Pothos' own (`schema/base64`): the answers do not change, only when they
 * are ready.
 */
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import type {
  ConferenceModel,
  LinkModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  TopicModel,
} from '../graph/types.js';
import { encodedGlobalId } from './base64.js';

/**
 * The key of each node type's global id: its slug, or for a link its URL.
 * Each type's `builder.node(..., { id })` reads its key from here, so the
 * answer given at once below is the key the type declares.
 */
export const NODE_KEYS = {
  Conference: (conference: ConferenceModel) => conference.slug,
  Talk: (talk: TalkModel) => talk.slug,
  Tool: (tool: ToolModel) => tool.slug,
  Topic: (topic: TopicModel) => topic.slug,
  Speaker: (speaker: SpeakerModel) => speaker.slug,
  Link: (link: LinkModel) => link.url,
};

/** Replaces the `id` resolver of every node type named in `NODE_KEYS` with one that answers at once. */
export function answerIdsAtOnce(schema: GraphQLSchema): void {
  for (const [typename, keyOf] of Object.entries(NODE_KEYS)) {
    const field = (schema.getType(typename) as GraphQLObjectType | undefined)?.getFields().id;
    if (field === undefined) throw new Error(`node type ${typename} has no id field`);
    const key = keyOf as (model: unknown) => string;
    field.resolve = (model: unknown) => encodedGlobalId(typename, key(model));
  }
}
