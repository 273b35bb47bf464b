// The GraphQL client: urql with Graphcache, so every entity (anything with an `id`) is stored once
// and shared between pages; value types without an id are embedded in their parent.
import { Client, fetchExchange, type TypedDocumentNode } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { API_URL } from './config';
import schema from './gql/introspection.json';

/** Types the API returns without an id: they belong to the entity (or query) that holds them. */
const EMBEDDED = [
  'Stats',
  'DiagnosticCounts',
  'SearchHit',
  'SearchHitConnection',
  'SearchHitEdge',
  'TalkFacets',
  'FacetCount',
  'RelatedTalk',
  'GraphPath',
  'PathStep',
  'Subgraph',
  'GraphEdge',
  'Evidence',
  'Source',
  'ToolMention',
  'PageInfo',
  'TalkConnection',
  'TalkEdge',
  'ToolConnection',
  'ToolEdge',
  'TopicConnection',
  'TopicEdge',
  'ConferenceConnection',
  'ConferenceEdge',
  'SpeakerConnection',
  'SpeakerEdge',
  'LinkConnection',
  'LinkEdge',
] as const;

export const client = new Client({
  url: API_URL,
  exchanges: [
    cacheExchange({
      // biome-ignore lint/suspicious/noExplicitAny: the introspection JSON is typed by Graphcache at runtime.
      schema: schema as any,
      keys: Object.fromEntries(EMBEDDED.map((name) => [name, () => null])),
    }),
    fetchExchange,
  ],
  preferGetMethod: false,
});

/** Runs a query and resolves to its data; rejects with a readable message on any error. */
export async function query<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) {
    const messages = result.error.graphQLErrors.map((e) => e.message);
    throw new Error(
      messages.length > 0
        ? messages.join('; ')
        : `the API at ${API_URL} did not answer (${result.error.message})`,
    );
  }
  if (result.data === undefined || result.data === null) throw new Error('the API returned no data');
  return result.data;
}
