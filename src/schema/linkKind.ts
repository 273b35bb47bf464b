/**
 * @module schema/linkKind
 * `LinkKind`: what a link points at, one value per kind of the graph model.
 */
import { LINK_KINDS, type LinkKind as LinkKindModel } from '../graph/types.js';
import { builder } from './builder.js';

const KIND_DESCRIPTIONS: Record<LinkKindModel, string> = {
  VIDEO: "A video of a talk (YouTube or another video host); the first in a talk's section is its video.",
  PLAYLIST: 'A playlist of videos, such as the recordings of a whole conference.',
  REPOSITORY: 'A source repository (GitHub, GitLab, ...).',
  ARTICLE: 'A blog post or article.',
  WEBSITE: "A project's or organisation's website.",
  PODCAST: 'A podcast or one of its episodes.',
  SLIDES: 'Slides of a talk.',
  DOCUMENTATION: 'Documentation pages.',
  OTHER: 'Anything else.',
};

export const LinkKind = builder.enumType('LinkKind', {
  description: 'What a link points at.',
  values: Object.fromEntries(
    LINK_KINDS.map((kind) => [kind, { value: kind, description: KIND_DESCRIPTIONS[kind] }]),
  ) as Record<LinkKindModel, { value: LinkKindModel; description: string }>,
});
