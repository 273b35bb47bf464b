// Facet counts (tools, topics, conferences, years) for a filtered list of talks.
// PENDING `TalkConnection.facets { tools topics conferences years }`: until the API serves them,
// they are counted here over the first FACET_SAMPLE matching talks; swapping in the API's
// facets means replacing `loadFacets` and keeping its return shape.
import { query } from './client';
import { graphql } from './gql';
import type { TalkFilter } from './gql/graphql';

export const FACET_SAMPLE = 100;

const FacetSourceQuery = graphql(`
  query TalkFacetSource($filter: TalkFilter, $first: Int) {
    talks(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          date
          tools { id name slug }
          topics { id name slug }
          conference { id name slug year }
        }
      }
    }
  }
`);

export type FacetKey = 'tool' | 'topic' | 'conference' | 'year';

export interface FacetValue {
  /** What goes into the filter (a slug, or a year). */
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  facets: Record<FacetKey, FacetValue[]>;
  /** True when the counts cover only a sample of the matching talks. */
  partial: boolean;
}

/** The year a talk is filed under, as the API's `year` filter reads it: its conference's, else its date's. */
function talkYear(talk: {
  date?: string | null;
  conference?: { year?: number | null } | null;
}): number | null {
  if (talk.conference?.year) return talk.conference.year;
  const match = /^(\d{4})/.exec(talk.date ?? '');
  return match ? Number(match[1]) : null;
}

function tally(into: Map<string, FacetValue>, value: string, label: string): void {
  const seen = into.get(value);
  if (seen) seen.count += 1;
  else into.set(value, { value, label, count: 1 });
}

function sorted(values: Map<string, FacetValue>, byValue = false): FacetValue[] {
  return [...values.values()].sort((a, b) =>
    byValue ? b.value.localeCompare(a.value) : b.count - a.count || a.label.localeCompare(b.label),
  );
}

export async function loadFacets(filter: TalkFilter): Promise<Facets> {
  const data = await query(FacetSourceQuery, { filter, first: FACET_SAMPLE });
  const tools = new Map<string, FacetValue>();
  const topics = new Map<string, FacetValue>();
  const conferences = new Map<string, FacetValue>();
  const years = new Map<string, FacetValue>();
  for (const { node } of data.talks.edges) {
    for (const tool of node.tools) tally(tools, tool.slug, tool.name);
    for (const topic of node.topics) tally(topics, topic.slug, topic.name);
    if (node.conference) tally(conferences, node.conference.slug, node.conference.name);
    const year = talkYear(node);
    if (year !== null) tally(years, String(year), String(year));
  }
  return {
    facets: {
      tool: sorted(tools),
      topic: sorted(topics),
      conference: sorted(conferences),
      year: sorted(years, true),
    },
    partial: data.talks.totalCount > data.talks.edges.length,
  };
}
