// Tool page: the tool with its aliases, repository and website, the talks mentioning it (with
// thumbnails, conference and date) and the tools mentioned alongside it.
import { query } from '../client';
import { errorBox, external, fill, h, link, loading, setTitle } from '../dom';
import { graphql } from '../gql';
import { graphHref } from '../labels';
import { type PageContext, reload } from '../router';
import { talkCard } from '../talkCard';

const ToolQuery = graphql(`
  query ToolPage($name: String!) {
    tool(name: $name) {
      id
      name
      slug
      aliases
      description
      repositoryUrl
      websiteUrl
      inferred
      talkCount
      topics { id name slug }
      talks(first: 50, orderBy: DATE) {
        totalCount
        edges {
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
      relatedTools(first: 10) { id name slug talkCount }
    }
  }
`);

export async function toolPage({ outlet, params, isCurrent }: PageContext): Promise<void> {
  const name = params.slug ?? '';
  setTitle(name);
  outlet.append(loading());
  try {
    const { tool } = await query(ToolQuery, { name });
    if (!isCurrent()) return;
    if (!tool) {
      outlet.replaceChildren(
        h('h1', {}, 'Unknown tool'),
        h('p', {}, `No tool is called “${name}”. `, link('/', 'Search')),
      );
      return;
    }
    setTitle(tool.name);
    const facts = h(
      'dl',
      { class: 'facts' },
      tool.aliases.length > 0 ? [h('dt', {}, 'Also called'), h('dd', {}, tool.aliases.join(', '))] : null,
      tool.repositoryUrl
        ? [h('dt', {}, 'Repository'), h('dd', {}, external(tool.repositoryUrl, tool.repositoryUrl))]
        : null,
      tool.websiteUrl
        ? [h('dt', {}, 'Website'), h('dd', {}, external(tool.websiteUrl, tool.websiteUrl))]
        : null,
      tool.topics.length > 0
        ? [
            h('dt', {}, 'Topics'),
            h(
              'dd',
              {},
              tool.topics.flatMap((t, i) => [
                i > 0 ? ', ' : '',
                link(`/talks?topic=${encodeURIComponent(t.slug)}`, t.name),
              ]),
            ),
          ]
        : null,
    );
    fill(
      outlet,
      h(
        'h1',
        {},
        tool.name,
        tool.inferred ? h('span', { class: 'badge' }, 'inferred from a repository link') : null,
      ),
      tool.description ? h('p', { class: 'lead' }, tool.description) : null,
      facts,
      h(
        'p',
        {},
        link(graphHref(tool.id), 'See it in the graph'),
        ' · ',
        link(`/talks?tool=${encodeURIComponent(tool.slug)}`, 'Filter the talk list by it'),
      ),
      h('h2', { id: 'talks' }, `Talks (${tool.talks.totalCount})`),
      tool.talks.edges.length > 0
        ? h(
            'ol',
            { class: 'talk-list', 'aria-labelledby': 'talks' },
            tool.talks.edges.map(({ node }) => talkCard(node)),
          )
        : h('p', { class: 'muted' }, 'No talk mentions it.'),
      h('h2', {}, 'Related tools'),
      tool.relatedTools.length > 0
        ? h(
            'ul',
            { class: 'chips' },
            tool.relatedTools.map((t) =>
              h(
                'li',
                {},
                link(
                  `/tools/${encodeURIComponent(t.slug)}`,
                  t.name,
                  ' ',
                  h('span', { class: 'count' }, String(t.talkCount)),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None mentioned alongside it.'),
    );
  } catch (error) {
    if (isCurrent()) outlet.replaceChildren(errorBox((error as Error).message, reload));
  }
}
