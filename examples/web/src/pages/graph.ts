// Graph view: the neighbourhood of an entity drawn with Cytoscape (click a node to move there), a
// keyboard-friendly list of the same nodes, and the shortest path from the centre to a chosen
// entity, step by step with the text each step was read from.
import cytoscape from 'cytoscape';
import { query } from '../client';
import { errorBox, h, link, loading, setTitle, snippet, sourceRef } from '../dom';
import { graphql } from '../gql';
import type { GraphPathQuery, NodeLabelFragment, Relation } from '../gql/graphql';
import { graphHref, nodeHref, nodeName } from '../labels';
import { navigate, type PageContext, reload } from '../router';

const StartQuery = graphql(`
  query GraphStart {
    stats { topTools(first: 1) { id name slug talkCount } }
  }
`);

const NeighbourhoodQuery = graphql(`
  query Neighbourhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      nodes { ...NodeLabel }
      edges { source target relation }
    }
  }
`);

const PathQuery = graphql(`
  query GraphPath($from: ID!, $to: ID!) {
    path(from: $from, to: $to) {
      length
      steps {
        relation
        reversed
        from { ...NodeLabel }
        to { ...NodeLabel }
        evidence { path line text }
      }
    }
  }
`);

const TargetSearchQuery = graphql(`
  query GraphTargetSearch($query: String!) {
    search(query: $query, first: 6) { snippet node { ...NodeLabel } }
  }
`);

/** How a relation reads forwards (source to target) and backwards. */
const RELATION_WORDS: Record<Relation, [string, string]> = {
  MENTIONS: ['mentions', 'is mentioned by'],
  ABOUT: ['is about', 'is the topic of'],
  CITES: ['cites', 'is cited by'],
  PART_OF: ['was given at', 'hosted'],
  PRESENTED_BY: ['was presented by', 'presented'],
  TAGGED: ['belongs to', 'holds'],
  PARENT: ['is part of', 'contains'],
};

const COLOURS: Record<string, string> = {
  Tool: '#2563eb',
  Talk: '#d97706',
  Topic: '#059669',
  Conference: '#7c3aed',
  Speaker: '#db2777',
  Link: '#6b7280',
};

function shortLabel(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/** Steps from the centre to each node, walking edges either way (the API lists nodes nearest first, without it). */
function distances(centre: string, edges: { source: string; target: string }[]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const { source, target } of edges) {
    next.set(source, [...(next.get(source) ?? []), target]);
    next.set(target, [...(next.get(target) ?? []), source]);
  }
  const seen = new Map([[centre, 0]]);
  const queue = [centre];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const other of next.get(id) ?? []) {
      if (seen.has(other)) continue;
      seen.set(other, (seen.get(id) ?? 0) + 1);
      queue.push(other);
    }
  }
  return seen;
}

function draw(
  container: HTMLElement,
  nodes: NodeLabelFragment[],
  edges: { source: string; target: string; relation: Relation }[],
  centre: string,
): cytoscape.Core {
  const distance = distances(centre, edges);
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({
        data: {
          id: n.id,
          label: shortLabel(nodeName(n)),
          kind: n.__typename,
          centre: n.id === centre ? 1 : 0,
        },
      })),
      ...edges.map((e, i) => ({
        data: { id: `e${i}`, source: e.source, target: e.target, relation: e.relation },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          width: 18,
          height: 18,
          'background-color': (el: cytoscape.NodeSingular) => COLOURS[el.data('kind') as string] ?? '#444',
        },
      },
      {
        selector: 'node[centre = 1]',
        style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#111' },
      },
      { selector: 'edge', style: { width: 1, 'line-color': '#bbb', 'curve-style': 'bezier' } },
      { selector: 'node.on-path', style: { 'border-color': '#dc2626', 'border-width': 4 } },
      { selector: 'edge.on-path', style: { 'line-color': '#dc2626', width: 3 } },
    ],
    // Rings by distance from the centre: the shape of a neighbourhood reads at a glance.
    layout: {
      name: 'concentric',
      animate: false,
      concentric: (node: cytoscape.NodeSingular) => 10 - (distance.get(node.id()) ?? 9),
      levelWidth: () => 1,
      minNodeSpacing: 36,
    },
    // A small neighbourhood would otherwise be zoomed in until its labels fill the screen.
    maxZoom: 1.4,
    minZoom: 0.2,
  });
  cy.on('tap', 'node', (event) => navigate(graphHref(event.target.id() as string)));
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  return cy;
}

function stepItem(step: NonNullable<GraphPathQuery['path']>['steps'][number]): HTMLElement {
  const [forwards, backwards] = RELATION_WORDS[step.relation];
  const place = (n: NodeLabelFragment) => link(graphHref(n.id), nodeName(n));
  return h(
    'li',
    {},
    place(step.from),
    ` ${step.reversed ? backwards : forwards} `,
    place(step.to),
    step.evidence
      ? h(
          'div',
          { class: 'evidence' },
          h('q', {}, step.evidence.text),
          ' ',
          sourceRef(step.evidence.path, step.evidence.line),
        )
      : null,
  );
}

async function showPath(
  box: HTMLElement,
  from: string,
  to: string,
  cy: cytoscape.Core | null,
  isCurrent: () => boolean,
): Promise<void> {
  box.replaceChildren(loading('Finding a path…'));
  try {
    const { path } = await query(PathQuery, { from, to });
    if (!isCurrent()) return;
    if (!path) {
      box.replaceChildren(h('p', {}, 'No path of six steps or fewer joins them.'));
      return;
    }
    const ids = new Set(path.steps.flatMap((s) => [s.from.id, s.to.id]));
    cy?.elements().removeClass('on-path');
    cy?.nodes()
      .filter((n) => ids.has(n.id()))
      .addClass('on-path');
    const pairs = new Set(
      path.steps.flatMap((st) => [`${st.from.id} ${st.to.id}`, `${st.to.id} ${st.from.id}`]),
    );
    cy?.edges()
      .filter((e) => pairs.has(`${e.source().id()} ${e.target().id()}`))
      .addClass('on-path');
    box.replaceChildren(
      h('p', { id: 'path-length' }, path.length === 0 ? 'That is the same entity.' : `${path.length} steps:`),
      h('ol', { class: 'path-steps' }, path.steps.map(stepItem)),
    );
  } catch (error) {
    if (isCurrent()) box.replaceChildren(errorBox((error as Error).message));
  }
}

/** A small search box that picks the far end of the path. */
function targetPicker(search: URLSearchParams, isCurrent: () => boolean): HTMLElement {
  const results = h('ul', { class: 'plain', 'aria-live': 'polite' });
  const input = h('input', {
    type: 'search',
    id: 'path-to',
    placeholder: 'a tool, talk, topic…',
    autocomplete: 'off',
  });
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++asked;
      const words = input.value.trim();
      if (!words) return results.replaceChildren();
      try {
        const data = await query(TargetSearchQuery, { query: words });
        if (mine !== asked || !isCurrent()) return;
        results.replaceChildren(
          ...data.search.map((hit) => {
            const next = new URLSearchParams(search);
            next.set('to', hit.node.id);
            return h(
              'li',
              {},
              link(`/graph?${next}`, `${hit.node.__typename}: ${nodeName(hit.node)}`),
              h('div', { class: 'muted' }, snippet(hit.snippet)),
            );
          }),
        );
      } catch (error) {
        results.replaceChildren(h('li', {}, errorBox((error as Error).message)));
      }
    }, 150);
  });
  return h('div', { class: 'picker' }, h('label', { for: 'path-to' }, 'Show the path to '), input, results);
}

export async function graphPage({ outlet, search, isCurrent }: PageContext): Promise<void> {
  setTitle('Graph');
  outlet.append(h('h1', {}, 'Graph'), loading());
  try {
    let centre = search.get('id');
    if (!centre) {
      const start = await query(StartQuery, {});
      centre = start.stats.topTools[0]?.id ?? null;
      if (!centre) {
        outlet.replaceChildren(h('h1', {}, 'Graph'), h('p', {}, 'The graph is empty.'));
        return;
      }
    }
    const depth = search.get('depth') === '1' ? 1 : 2;
    const { neighborhood } = await query(NeighbourhoodQuery, { id: centre, depth, limit: 40 });
    if (!isCurrent()) return;
    const first = neighborhood.nodes[0];
    if (!first) throw new Error('the API returned no node for this id');
    setTitle(`Graph: ${nodeName(first)}`);
    const canvas = h('div', {
      id: 'cy',
      class: 'cy',
      role: 'img',
      'aria-label': `Graph around ${nodeName(first)}`,
    });
    const pathBox = h('div', { class: 'path', 'aria-live': 'polite' });
    const neighbours = neighborhood.nodes.slice(1);
    outlet.replaceChildren(
      h(
        'h1',
        {},
        'Around ',
        link(nodeHref(first), nodeName(first)),
        h('span', { class: 'badge' }, first.__typename),
      ),
      h(
        'p',
        { class: 'muted' },
        'Click a node (or pick a neighbour) to move there. Showing ',
        depth === 2 ? 'two steps out · ' : 'one step out · ',
        link(
          `${graphHref(first.id)}${depth === 2 ? '&depth=1' : ''}`,
          depth === 2 ? 'show one step' : 'show two steps',
        ),
      ),
      h(
        'div',
        { class: 'graph-layout' },
        canvas,
        h(
          'div',
          { class: 'graph-side' },
          h('h2', {}, 'Path'),
          targetPicker(search, isCurrent),
          pathBox,
          h('h2', {}, `Neighbours (${neighbours.length})`),
          h(
            'ul',
            { class: 'plain neighbours' },
            neighbours.map((n) =>
              h(
                'li',
                {},
                h('span', { class: 'badge' }, n.__typename),
                ' ',
                link(graphHref(n.id), nodeName(n)),
              ),
            ),
          ),
        ),
      ),
    );
    const cy = draw(canvas, neighborhood.nodes, neighborhood.edges, first.id);
    const to = search.get('to');
    if (to) await showPath(pathBox, first.id, to, cy, isCurrent);
  } catch (error) {
    if (isCurrent()) outlet.replaceChildren(h('h1', {}, 'Graph'), errorBox((error as Error).message, reload));
  }
}
