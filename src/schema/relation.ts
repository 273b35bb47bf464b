/**
 * @module schema/relation
 * `Relation`: the kinds of edges between entities, named from source to
 * target, as `path` and `neighborhood` report them.
 */
import type { Relation as RelationModel } from '../graph/traverse.js';
import { builder } from './builder.js';

const RELATION_DESCRIPTIONS: Record<RelationModel, string> = {
  PART_OF: 'A talk was given at a conference.',
  MENTIONS: 'A talk mentions a tool (by name, alias, repository or website).',
  ABOUT: 'A talk is about a topic.',
  PRESENTED_BY: 'A talk was given by a speaker.',
  CITES: 'A talk (or the notes of a conference) cites a link.',
  TAGGED: 'A tool belongs to a topic, as its definition says.',
  PARENT: 'A topic is part of a broader topic.',
};

const RELATIONS = Object.keys(RELATION_DESCRIPTIONS) as RelationModel[];

export const Relation = builder.enumType('Relation', {
  description: 'The kind of an edge between two entities, named from its source to its target.',
  values: Object.fromEntries(
    RELATIONS.map((relation) => [
      relation,
      { value: relation, description: RELATION_DESCRIPTIONS[relation] },
    ]),
  ) as Record<RelationModel, { value: RelationModel; description: string }>,
});

/** The relation of an edge of the graph view (which types it as a plain string). */
export function relationOf(value: string): RelationModel {
  if (!Object.hasOwn(RELATION_DESCRIPTIONS, value)) throw new Error(`unknown relation ${value}`);
  return value as RelationModel;
}
