// Names and in-app addresses for any entity the API returns as a `Node` (search hits, graph nodes,
// path steps), so every page links the same entity to the same place.
import { graphql } from './gql';

graphql(`
  fragment NodeLabel on Node {
    __typename
    id
    ... on Tool { name slug talkCount }
    ... on Talk { title slug }
    ... on Topic { name slug }
    ... on Conference { name slug year }
    ... on Speaker { name slug }
    ... on Link { url label kind }
  }
`);

export interface Labelled {
  __typename?: string;
  id: string;
  name?: string;
  title?: string;
  slug?: string;
  url?: string;
  label?: string | null;
}

export function nodeName(node: Labelled): string {
  return node.name ?? node.title ?? node.label ?? node.url ?? node.id;
}

/** The page that shows an entity; links go out to their URL. */
export function nodeHref(node: Labelled): string {
  const slug = encodeURIComponent(node.slug ?? '');
  switch (node.__typename) {
    case 'Tool':
      return `/tools/${slug}`;
    case 'Talk':
      return `/talks/${slug}`;
    case 'Topic':
      return `/talks?topic=${slug}`;
    case 'Conference':
      return `/talks?conference=${slug}`;
    case 'Speaker':
      return `/talks?speaker=${slug}`;
    default:
      return node.url ?? '/';
  }
}

/** The graph view centred on an entity. */
export function graphHref(id: string): string {
  return `/graph?id=${encodeURIComponent(id)}`;
}
