// Home: a live, typo-tolerant search box, the most mentioned tools and topics, and the conferences.
import { query } from '../client';
import { count, errorBox, h, link, loading, setTitle, snippet } from '../dom';
import { graphql } from '../gql';
import type { NodeLabelFragment } from '../gql/graphql';
import { nodeHref, nodeName } from '../labels';
import { type PageContext, reload, replaceUrl } from '../router';

const HomeQuery = graphql(`
  query Home {
    stats {
      talks
      tools
      conferences
      videos
      topTools(first: 12) { id name slug talkCount }
    }
    topics(first: 12, orderBy: TALK_COUNT) {
      edges { node { id name slug talks(first: 0) { totalCount } } }
    }
    conferences(first: 20, orderBy: DATE_DESC) {
      edges { node { id name slug year location talks(first: 0) { totalCount } } }
    }
  }
`);

const SearchQuery = graphql(`
  query Search($query: String!, $first: Int, $after: String) {
    searchConnection(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          score
          snippet
          node { ...NodeLabel }
        }
      }
    }
  }
`);

/** Hits per page of results; "More results" appends the next page. */
const SEARCH_PAGE = 10;

const SEARCH_DELAY_MS = 150;

function hitItem(hit: { snippet: string; node: NodeLabelFragment }): HTMLElement {
  const node = hit.node;
  const href = nodeHref(node);
  const title =
    node.__typename === 'Link' ? h('a', { href, rel: 'noopener noreferrer' }, nodeName(node)) : null;
  return h(
    'li',
    { class: 'hit' },
    h('span', { class: `badge badge-${node.__typename.toLowerCase()}` }, node.__typename),
    ' ',
    title ?? h('a', { href, 'data-route': true }, nodeName(node)),
    h('div', { class: 'muted' }, snippet(hit.snippet)),
  );
}

function searchBox(initial: string, isCurrent: () => boolean): HTMLElement {
  const results = h('div', { class: 'search-results', 'aria-live': 'polite' });
  const input = h('input', {
    type: 'search',
    name: 'q',
    id: 'search',
    placeholder: 'gVisor, prometheus, observabilty…',
    autocomplete: 'off',
    value: initial,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const run = async (text: string) => {
    const mine = ++asked;
    const words = text.trim();
    // The query lives in the URL so a search can be shared or reloaded.
    replaceUrl(words ? `/?q=${encodeURIComponent(words)}` : '/');
    if (!words) {
      results.replaceChildren();
      return;
    }
    results.replaceChildren(loading('Searching…'));
    const list = h('ul', { class: 'hits' });
    // Appends one page of hits, then a button for the next page while the API has more.
    const page = async (after?: string): Promise<void> => {
      const data = await query(SearchQuery, { query: words, first: SEARCH_PAGE, after });
      if (mine !== asked || !isCurrent()) return;
      const found = data.searchConnection;
      if (found.totalCount === 0) {
        results.replaceChildren(h('p', { class: 'muted' }, `Nothing found for “${words}”.`));
        return;
      }
      list.append(...found.edges.map((e) => hitItem(e.node)));
      const more =
        found.pageInfo.hasNextPage && found.pageInfo.endCursor
          ? h(
              'button',
              {
                type: 'button',
                class: 'more',
                onclick: () => void page(found.pageInfo.endCursor ?? undefined).catch(fail),
              },
              'More results',
            )
          : null;
      results.replaceChildren(
        h(
          'p',
          { class: 'muted', id: 'hit-count', 'data-count': found.totalCount },
          `${count(found.totalCount, 'result')}`,
        ),
        list,
        ...(more ? [more] : []),
      );
    };
    const fail = (error: unknown) => {
      if (mine === asked) results.replaceChildren(errorBox((error as Error).message, () => void run(text)));
    };
    await page().catch(fail);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), SEARCH_DELAY_MS);
  });
  if (initial) void run(initial);
  return h(
    'form',
    {
      role: 'search',
      class: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void run(input.value);
      },
    },
    h('label', { for: 'search' }, 'Search talks, tools, topics, speakers and conferences'),
    input,
    results,
  );
}

function counted(items: { href: string; name: string; count: number }[]): HTMLElement {
  return h(
    'ul',
    { class: 'chips' },
    items.map((item) =>
      h('li', {}, link(item.href, item.name, ' ', h('span', { class: 'count' }, String(item.count)))),
    ),
  );
}

export async function homePage({ outlet, search, isCurrent }: PageContext): Promise<void> {
  setTitle('');
  const body = h('div', {}, loading());
  // The heading and search box stay put while typing rewrites the URL's ?q=.
  outlet.append(
    h('h1', {}, 'Conference talks and the tools they mention'),
    searchBox(search.get('q') ?? '', isCurrent),
    body,
  );
  try {
    const data = await query(HomeQuery, {});
    if (!isCurrent()) return;
    const { stats } = data;
    body.replaceChildren(
      h(
        'p',
        { class: 'muted' },
        `${count(stats.talks, 'talk')} (${stats.videos} with video), ${count(stats.tools, 'tool')}, ${count(stats.conferences, 'conference')}. `,
        link('/talks', 'Browse all talks'),
        ' · ',
        link('/graph', 'Explore the graph'),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Top tools'),
        counted(stats.topTools.map((t) => ({ href: `/tools/${t.slug}`, name: t.name, count: t.talkCount }))),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Top topics'),
        counted(
          data.topics.edges.map(({ node }) => ({
            href: `/talks?topic=${encodeURIComponent(node.slug)}`,
            name: node.name,
            count: node.talks.totalCount,
          })),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, 'Conferences'),
        h(
          'ul',
          { class: 'plain' },
          data.conferences.edges.map(({ node }) =>
            h(
              'li',
              {},
              link(`/talks?conference=${encodeURIComponent(node.slug)}`, node.name),
              h(
                'span',
                { class: 'muted' },
                ` · ${[node.location, count(node.talks.totalCount, 'talk')].filter(Boolean).join(' · ')}`,
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    if (isCurrent()) body.replaceChildren(errorBox((error as Error).message, reload));
  }
}
