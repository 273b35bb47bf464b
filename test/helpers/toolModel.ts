/**
 * A ToolModel for extraction tests: a catalogue tool with nothing but its
 * name (and a slug made from it) unless the test gives more.
 */
import type { ToolModel } from '../../src/graph/types.js';

export function toolModel(name: string, extra: Partial<ToolModel> = {}): ToolModel {
  return {
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    aliases: [],
    description: null,
    repositoryUrl: null,
    websiteUrl: null,
    topics: [],
    caseSensitive: false,
    ambiguous: false,
    origin: 'CATALOGUE',
    inferred: false,
    source: null,
    ...extra,
  };
}
