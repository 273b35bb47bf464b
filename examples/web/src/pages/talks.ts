// Talks: the list with facets that narrow it, sort and direction, and cursor paging. Every bit of
// state is in the URL (?tool=gvisor&sort=date&dir=desc&after=…), so a view can be shared.

import { query } from '../client';
import { PAGE_SIZE } from '../config';
import { count, errorBox, h, link, loading, setTitle } from '../dom';
import { FACET_SAMPLE, type FacetKey, type Facets, loadFacets } from '../facets';
import { graphql } from '../gql';
import type { TalkFilter } from '../gql/graphql';
import { type Direction, SORTS, type SortKey, talkOrder } from '../pendingApi';
import { type PageContext, reload } from '../router';
import { talkCard } from '../talkCard';

const TalksQuery = graphql(`
  query Talks($filter: TalkFilter, $orderBy: TalkOrder, $first: Int, $after: String, $last: Int, $before: String) {
    talks(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
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
`);

const FACETS: { key: FacetKey; label: string }[] = [
  { key: 'tool', label: 'Tools' },
  { key: 'topic', label: 'Topics' },
  { key: 'conference', label: 'Conferences' },
  { key: 'year', label: 'Years' },
];

/** Filter keys read from the URL; paging cursors are dropped whenever the filter changes. */
const FILTER_KEYS = ['tool', 'topic', 'conference', 'year', 'speaker', 'q'] as const;

function filterFrom(search: URLSearchParams): TalkFilter {
  const filter: TalkFilter = {};
  const text = (key: string) => search.get(key) || undefined;
  filter.tool = text('tool');
  filter.topic = text('topic');
  filter.conference = text('conference');
  filter.speaker = text('speaker');
  filter.query = text('q');
  const year = Number(search.get('year'));
  if (Number.isInteger(year) && year > 0) filter.year = year;
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as TalkFilter;
}

/** The URL of this view with some parameters changed (null removes one); paging restarts. */
function withParams(
  search: URLSearchParams,
  changes: Record<string, string | null>,
  keepPage = false,
): string {
  const next = new URLSearchParams(search);
  if (!keepPage) {
    next.delete('after');
    next.delete('before');
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `/talks?${text}` : '/talks';
}

function facetPanel(search: URLSearchParams, result: Facets): HTMLElement {
  const groups = FACETS.map(({ key, label }) => {
    const active = search.get(key);
    const values = result.facets[key];
    const items = values.slice(0, 12).map((v) => {
      const on = active === v.value;
      const anchor = link(
        withParams(search, { [key]: on ? null : v.value }),
        h('span', { class: 'facet-label' }, v.label),
        ' ',
        h('span', { class: 'count' }, String(v.count)),
      );
      if (on) {
        anchor.setAttribute('aria-current', 'true');
        anchor.title = 'Remove this filter';
      } else if (active) {
        // PENDING `TalkFilter.tools`/`topics` (any of): one value per facet today, so this one replaces it.
        anchor.title = `Show ${v.label} instead`;
      }
      return h('li', {}, anchor);
    });
    return h(
      'section',
      { class: 'facet', 'data-facet': key },
      h('h2', {}, label),
      active
        ? link(
            withParams(search, { [key]: null }),
            h('span', { class: 'clear' }, `× clear ${label.toLowerCase()}`),
          )
        : null,
      items.length > 0 ? h('ul', { class: 'plain' }, items) : h('p', { class: 'muted' }, 'none'),
    );
  });
  return h(
    'aside',
    { class: 'facets', 'aria-label': 'Narrow the list' },
    groups,
    result.partial
      ? h('p', { class: 'muted' }, `Counts cover the first ${FACET_SAMPLE} matching talks.`)
      : null,
  );
}

/** Sort keys and directions as links: each is a shareable URL, and arrow keys never reload the list. */
function sortControls(search: URLSearchParams, sort: SortKey, direction: Direction): HTMLElement {
  const choices = SORTS.flatMap((s) =>
    s.directions.map((d) => {
      const label = s.directions.length > 1 ? `${s.label} ${d === 'asc' ? '↑' : '↓'}` : s.label;
      const anchor = link(withParams(search, { sort: s.key, dir: d }), label);
      anchor.title =
        s.directions.length > 1 ? `${s.label}, ${d === 'asc' ? 'oldest' : 'newest'} first` : s.label;
      if (s.key === sort && d === direction) anchor.setAttribute('aria-current', 'true');
      return h('li', {}, anchor);
    }),
  );
  return h('nav', { class: 'sort', 'aria-label': 'Sort' }, h('span', {}, 'Sort:'), h('ul', {}, choices));
}

export async function talksPage({ outlet, search, isCurrent }: PageContext): Promise<void> {
  setTitle('Talks');
  const filter = filterFrom(search);
  const sortParam = search.get('sort');
  const sort: SortKey = sortParam === 'date' || sortParam === 'title' ? sortParam : 'file';
  const direction: Direction = search.get('dir') === 'desc' ? 'desc' : 'asc';
  const orderBy = talkOrder(sort, direction);
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
    const [data, facets] = await Promise.all([
      query(TalksQuery, { filter, orderBy, ...paging }),
      loadFacets(filter),
    ]);
    if (!isCurrent()) return;
    const { talks } = data;
    const active = FILTER_KEYS.filter((k) => search.get(k));
    body.replaceChildren(
      facetPanel(search, facets),
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
          sortControls(search, sort, direction),
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
