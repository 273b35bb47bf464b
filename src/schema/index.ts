/**
 * @module schema
 * The GraphQL schema: every type file registers itself on the builder;
 * this module only collects them.
 */
import { builder } from './builder.js';
import './conference.js';
import './connections.js';
import './dates.js';
import './diagnostic.js';
import './evidence.js';
import './graphPath.js';
import './graphVersion.js';
import './link.js';
import { answerIdsAtOnce } from './nodeIds.js';
import './orderDirection.js';
import './relatedTalk.js';
import './relation.js';
import './searchHit.js';
import './source.js';
import './speaker.js';
import './stats.js';
import './subgraph.js';
import './talk.js';
import './talkFacets.js';
import './talkFilter.js';
import './talkOrder.js';
import './tool.js';
import './toolMention.js';
import './toolSuggestion.js';
import './topic.js';

export const schema = builder.toSchema();
answerIdsAtOnce(schema);
