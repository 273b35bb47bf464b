/**
 * @module schema/toolSource
 * `ToolSource`: where the definition of a tool came from.
 */
import { builder } from './builder.js';

export const ToolSource = builder.enumType('ToolSource', {
  description: 'Where the definition of a tool came from.',
  values: {
    CATALOGUE: {
      value: 'CATALOGUE',
      description: 'The catalogue of well-known tools that ships with talkgraph.',
    },
    REGISTRY: { value: 'REGISTRY', description: 'A file of the `tools/` registry of the content root.' },
    INFERRED: {
      value: 'INFERRED',
      description: 'Inferred from a repository link to a project in neither the catalogue nor the registry.',
    },
  } as const,
});
