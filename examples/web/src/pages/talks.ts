// Talks: the list with facets that narrow it, sort and direction, and cursor paging. Every bit of
// state is in the URL (?tool=gvisor&sort=date&dir=desc&after=…), so a view can be shared.

import { query } from '../client';
import { PAGE_SIZE } from '../config';
import { count, errorBox, h, link, loading, setTitle } from '../dom';
import { graphql } from '../gql';
import type { OrderDirection, TalkFilter, TalkOrder, TalksQuery as TalksData } from '../gql/graphql';
import { type PageContext, reload } from '../router';
import { talkCard } from '../talkCard';

/** How many values each facet shows. */
const FACET_SIZE = 12;

const TalksQuery = graphql(`
  query Talks(
    $filter: TalkFilter
    $orderBy: TalkOrder
    $direction: OrderDirection
    $first: Int
    $after: String
    $last: Int
    $before: String
    $facetSize: Int
  ) {
    talks(
      filter: $filter
      orderBy: $orderBy
      direction: $direction
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      facets {
        tools(first: $facetSize) { ...FacetValue }
        topics(first: $facetSize) { ...FacetValue }
        conferences(first: $facetSize) { ...FacetValue }
        years { ...FacetValue }
      }
      edges {
        cursor
        node {
          id
          slug
          title
          date
          thumbnailUrl
          speakers { id name }
          conference { id name slug year startDate }
        }
      }
    }
  }
  fragment FacetValue on FacetCount {
    value
    count
    node {
      id
      ... on Tool { slug }
      ... on Topic { slug }
      ... on Conference { slug }
    }
  }
`);

type FacetKey = 'tool' | 'topic' | 'conference' | 'year';
type FacetCounts = TalksData['talks']['facets'];

/** Each facet: its URL key, its heading, its counts in the API's answer, and whether several values combine. */
const FACETS: { key: FacetKey; label: string; field: keyof FacetCounts; many: boolean }[] = [
  { key: 'tool', label: 'Tools', field: 'tools', many: true },
  { key: 'topic', label: 'Topics', field: 'topics', many: true },
  { key: 'conference', label: 'Conferences', field: 'conferences', many: false },
  { key: 'year', label: 'Years', field: 'years', many: false },
];

type SortKey = 'file' | 'date' | 'title' | 'relevance';
type Direction = 'asc' | 'desc';

const SORTS: { key: SortKey; label: string; order: TalkOrder; words: [string, string] }[] = [
  { key: 'relevance', label: 'Relevance', order: 'RELEVANCE', words: ['best match', 'weakest match'] },
  { key: 'file', label: 'As written', order: 'FILE', words: ['first file', 'last file'] },
  { key: 'date', label: 'Date', order: 'DATE', words: ['oldest', 'newest'] },
  { key: 'title', label: 'Title', order: 'TITLE', words: ['A', 'Z'] },
];

/** Filter keys read from the URL; paging cursors are dropped whenever the filter changes. */
const FILTER_KEYS = ['tool', 'topic', 'conference', 'year', 'speaker', 'q'] as const;

function filterFrom(search: URLSearchParams): TalkFilter {
  const filter: TalkFilter = {};
  const text = (key: string) => search.get(key) || undefined;
  const list = (key: string) => {
    const values = search.getAll(key).filter(Boolean);
    return values.length > 0 ? values : undefined;
  };
  // Several tools or topics widen the list (any of them), as the facets' checkmarks suggest.
  filter.tools = list('tool');
  filter.topics = list('topic');
  filter.conference = text('conference');
  filter.speaker = text('speaker');
  filter.query = text('q');
  const year = Number(search.get('year'));
  if (Number.isInteger(year) && year > 0) filter.year = year;
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as TalkFilter;
}

/** The URL of this view with some parameters changed (null removes one, a list repeats it); paging restarts. */
function withParams(
  search: URLSearchParams,
  changes: Record<string, string | string[] | null>,
  keepPage = false,
): string {
  const next = new URLSearchParams(search);
  if (!keepPage) {
    next.delete('after');
    next.delete('before');
  }
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    if (value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) next.append(key, one);
  }
  const text = next.toString();
  return text ? `/talks?${text}` : '/talks';
}

/** What a facet value puts in the URL: the entity's slug, or the value itself (a year). */
function facetParam(v: { value: string; node?: { slug?: string } | null }): string {
  return v.node?.slug ?? v.value;
}

function facetPanel(search: URLSearchParams, facets: FacetCounts): HTMLElement {
  const groups = FACETS.map(({ key, label, field, many }) => {
    const active = search.getAll(key);
    const items = facets[field].map((v) => {
      const param = facetParam(v as { value: string; node?: { slug?: string } | null });
      const on = active.includes(param);
      const next = on ? active.filter((a) => a !== param) : many ? [...active, param] : [param];
      const anchor = link(
        withParams(search, { [key]: next.length > 0 ? next : null }),
        h('span', { class: 'facet-label' }, v.value),
        ' ',
        h('span', { class: 'count' }, String(v.count)),
      );
      anchor.dataset.value = param;
      if (on) {
        anchor.setAttribute('aria-current', 'true');
        anchor.title = 'Remove this filter';
      } else if (active.length > 0) {
        anchor.title = many ? `Also show talks on ${v.value}` : `Show ${v.value} instead`;
      }
      return h('li', {}, anchor);
    });
    return h(
      'section',
      { class: 'facet', 'data-facet': key },
      h('h2', {}, label),
      active.length > 0
        ? link(
            withParams(search, { [key]: null }),
            h('span', { class: 'clear' }, `× clear ${label.toLowerCase()}`),
          )
        : null,
      items.length > 0 ? h('ul', { class: 'plain' }, items) : h('p', { class: 'muted' }, 'none'),
    );
  });
  return h('aside', { class: 'facets', 'aria-label': 'Narrow the list' }, groups);
}

/** Sort keys and directions as links: each is a shareable URL, and arrow keys never reload the list. */
function sortControls(
  search: URLSearchParams,
  sort: SortKey,
  direction: Direction,
  hasQuery: boolean,
): HTMLElement {
  const choices = SORTS.filter((s) => hasQuery || s.key !== 'relevance').flatMap((s) =>
    (['asc', 'desc'] as const).map((d) => {
      const anchor = link(
        withParams(search, { sort: s.key, dir: d }),
        `${s.label} ${d === 'asc' ? '↑' : '↓'}`,
      );
      anchor.title = `${s.label}, ${s.words[d === 'asc' ? 0 : 1]} first`;
      if (s.key === sort && d === direction) anchor.setAttribute('aria-current', 'true');
      return h('li', {}, anchor);
    }),
  );
  return h('nav', { class: 'sort', 'aria-label': 'Sort' }, h('span', {}, 'Sort:'), h('ul', {}, choices));
}

export async function talksPage({ outlet, search, isCurrent }: PageContext): Promise<void> {
  setTitle('Talks');
  const filter = filterFrom(search);
  const hasQuery = Boolean(filter.query);
  // With search words the API ranks by relevance unless told otherwise; without, relevance has no meaning.
  const chosen = SORTS.find((s) => s.key === search.get('sort'));
  const sortEntry = chosen && (hasQuery || chosen.key !== 'relevance') ? chosen : SORTS[hasQuery ? 0 : 1];
  const sort = sortEntry?.key ?? 'file';
  const orderBy = sortEntry?.order ?? 'FILE';
  const direction: Direction = search.get('dir') === 'desc' ? 'desc' : 'asc';
  const apiDirection: OrderDirection = direction === 'desc' ? 'DESC' : 'ASC';
  const before = search.get('before');
  const after = search.get('after');
  // ?per= sets the page size (1 to 50), so a shared link pages the same way.
  const per = Number(search.get('per'));
  const size = Number.isInteger(per) && per >= 1 && per <= 50 ? per : PAGE_SIZE;
  const paging = before ? { last: size, before } : { first: size, after: after ?? undefined };

  const heading = h('h1', {}, 'Talks');
  const body = h('div', { class: 'with-facets' }, loading());
  outlet.append(heading, body);
  try {
    const data = await query(TalksQuery, {
      filter,
      orderBy,
      direction: apiDirection,
      facetSize: FACET_SIZE,
      ...paging,
    });
    if (!isCurrent()) return;
    const { talks } = data;
    const active = FILTER_KEYS.filter((k) => search.get(k));
    body.replaceChildren(
      facetPanel(search, talks.facets),
      h(
        'div',
        { class: 'list' },
        h(
          'div',
          { class: 'toolbar' },
          h(
            'p',
            { id: 'talk-count', 'data-count': talks.totalCount, role: 'status' },
            count(talks.totalCount, 'talk'),
          ),
          sortControls(search, sort, direction, hasQuery),
          active.length > 0 ? link('/talks', 'Clear all filters') : null,
          search.get('q') ? h('span', { class: 'muted' }, ` matching “${search.get('q')}”`) : null,
        ),
        talks.edges.length > 0
          ? h(
              'ol',
              { class: 'talk-list' },
              talks.edges.map(({ node }) => talkCard(node)),
            )
          : h('p', {}, 'No talks match.'),
        h(
          'nav',
          { class: 'pager', 'aria-label': 'Pages' },
          talks.pageInfo.hasPreviousPage && talks.pageInfo.startCursor
            ? link(
                withParams(search, { before: talks.pageInfo.startCursor, after: null }, true),
                '← Previous',
              )
            : null,
          talks.pageInfo.hasNextPage && talks.pageInfo.endCursor
            ? link(withParams(search, { after: talks.pageInfo.endCursor, before: null }, true), 'Next →')
            : null,
        ),
      ),
    );
  } catch (error) {
    if (!isCurrent()) return;
    // The error takes the full width, not the facets' column.
    body.className = '';
    body.replaceChildren(errorBox((error as Error).message, reload));
  }
}
