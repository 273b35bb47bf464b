// Lints the printed schema with @graphql-eslint's schema-recommended rules (`npm run lint:schema`).
// Deliberate exceptions are listed, each with its reason, in docs/decisions.md.
import graphql from '@graphql-eslint/eslint-plugin';

/** Values that describe something else and have no identity of their own to refetch by. */
const VALUE_TYPES = [
  'Diagnostic',
  'DiagnosticCounts',
  'Evidence',
  'FacetCount',
  'GraphChange',
  'GraphPath',
  'PageInfo',
  'PathStep',
  'RelatedTalk',
  'SearchHit',
  'Source',
  'Stats',
  'Subgraph',
  'TalkFacets',
  'ToolMention',
  'ToolSuggestion',
];

export default [
  {
    files: ['schema.graphql'],
    languageOptions: {
      parser: graphql.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphql },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      '@graphql-eslint/strict-id-in-types': [
        'error',
        { exceptions: { types: VALUE_TYPES, suffixes: ['Connection', 'Edge'] } },
      ],
    },
  },
];
