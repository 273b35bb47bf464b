import { describe, expect, it } from 'vitest';
import { GraphView, listEdges, type NodeRef, nodeId } from '../../src/graph/traverse.js';
import { syntheticGraph, TALK } from '../helpers/syntheticGraph.js';

const data = syntheticGraph();
const view = GraphView.build(data);
const KUBECON: NodeRef = { kind: 'conference', key: 'kubecon-cloudnativecon-europe-2018' };
const DEVOPSDAYS: NodeRef = { kind: 'conference', key: 'devopsdays-amsterdam-2019' };
const GVISOR: NodeRef = { kind: 'tool', key: 'gvisor' };
const GRAFANA: NodeRef = { kind: 'tool', key: 'grafana' };

describe('listEdges', () => {
  it('types every relation and keeps each edge once', () => {
    const edges = listEdges(data);
    expect(new Set(edges.map((e) => e.relation))).toEqual(
      new Set(['PART_OF', 'MENTIONS', 'ABOUT', 'PRESENTED_BY', 'CITES', 'TAGGED', 'PARENT']),
    );
    const ids = edges.map((e) => `${nodeId(e.source)} ${e.relation} ${nodeId(e.target)}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points edges from talk to its neighbours, from child topic to parent, and from a conference to its playlist', () => {
    const edges = listEdges(data);
    expect(edges).toContainEqual(
      expect.objectContaining({
        source: { kind: 'topic', key: 'service-mesh' },
        target: { kind: 'topic', key: 'networking' },
        relation: 'PARENT',
      }),
    );
    expect(edges).toContainEqual(
      expect.objectContaining({
        source: KUBECON,
        target: { kind: 'link', key: data.conferences[0]?.playlistUrl },
        relation: 'CITES',
      }),
    );
    const mention = edges.find((e) => e.relation === 'MENTIONS' && e.target.key === 'draft');
    expect(mention).toMatchObject({ source: { kind: 'talk', key: TALK.draft }, via: 'REPOSITORY' });
    expect(mention?.evidence?.text).toContain('github.com/Azure/draft');
  });

  it('leaves out edges to entities the graph does not hold', () => {
    const broken = syntheticGraph();
    broken.tools[0]?.topics.push('no-such-topic');
    expect(listEdges(broken).some((e) => e.target.key === 'no-such-topic')).toBe(false);
  });
});

describe('GraphView.shortestPath', () => {
  it('goes from a tool to a conference through a talk, with the mention as evidence', () => {
    const path = view.shortestPath(GVISOR, KUBECON);
    expect(path).toHaveLength(2);
    expect(path?.[0]).toMatchObject({
      from: GVISOR,
      to: { kind: 'talk' },
      relation: 'MENTIONS',
      reversed: true,
    });
    expect(path?.[0]?.evidence?.text).toMatch(/gVisor/);
    expect(path?.[1]).toMatchObject({
      from: path?.[0]?.to,
      to: KUBECON,
      relation: 'PART_OF',
      reversed: false,
    });
  });

  it('walks edges in either direction', () => {
    const path = view.shortestPath(KUBECON, GVISOR);
    expect(path?.map((s) => s.relation)).toEqual(['PART_OF', 'MENTIONS']);
    expect(path?.[0]?.reversed).toBe(true);
    expect(path?.[1]?.reversed).toBe(false);
  });

  it('returns null when the path is longer than maxDepth', () => {
    expect(view.shortestPath(GVISOR, KUBECON, 1)).toBeNull();
    expect(view.shortestPath(GVISOR, KUBECON, 2)).toHaveLength(2);
    const networking: NodeRef = { kind: 'topic', key: 'networking' };
    const far = view.shortestPath(networking, DEVOPSDAYS, 10);
    const length = far?.length ?? 0;
    expect(length).toBeGreaterThan(6);
    expect(view.shortestPath(networking, DEVOPSDAYS)).toBeNull(); // default maxDepth is 6
    expect(view.shortestPath(networking, DEVOPSDAYS, length - 1)).toBeNull();
    expect(view.shortestPath(networking, DEVOPSDAYS, 99)).toEqual(far); // capped at 10, still found
  });

  it('chains its steps from start to goal and is deterministic', () => {
    const from: NodeRef = { kind: 'speaker', key: 'lin-sun' };
    const to: NodeRef = { kind: 'link', key: 'https://prometheus.io/docs/alerting/latest/overview/' };
    const path = view.shortestPath(from, to) ?? [];
    expect(path.length).toBeGreaterThan(2);
    expect(path[0]?.from).toEqual(from);
    expect(path[path.length - 1]?.to).toEqual(to);
    for (let i = 1; i < path.length; i++) expect(path[i]?.from).toEqual(path[i - 1]?.to);
    expect(view.shortestPath(from, to)).toEqual(path);
  });

  it('returns [] from a node to itself and null for unknown or unreachable nodes', () => {
    expect(view.shortestPath(GVISOR, GVISOR)).toEqual([]);
    expect(view.shortestPath(GVISOR, { kind: 'tool', key: 'no-such-tool' })).toBeNull();
    // Jsonnet is an inferred tool no talk mentions and no topic tags.
    expect(view.shortestPath(GVISOR, { kind: 'tool', key: 'jsonnet' }, 10)).toBeNull();
  });
});

describe('GraphView.neighborhood', () => {
  it('returns only the start at depth 0 and its direct neighbours at depth 1', () => {
    expect(view.neighborhood(GRAFANA, 0)).toEqual({ nodes: [GRAFANA], edges: [] });
    const { nodes, edges } = view.neighborhood(GRAFANA);
    expect(nodes).toEqual([
      GRAFANA,
      { kind: 'talk', key: TALK.alerting },
      { kind: 'talk', key: TALK.dashboards },
      { kind: 'topic', key: 'observability' },
    ]);
    const ids = new Set(nodes.map(nodeId));
    expect(edges.length).toBeGreaterThan(3);
    for (const edge of edges) {
      expect(ids.has(nodeId(edge.source)) && ids.has(nodeId(edge.target))).toBe(true);
    }
  });

  it('reaches no node farther than depth', () => {
    for (const depth of [1, 2]) {
      for (const node of view.neighborhood(GRAFANA, depth, 500).nodes) {
        expect(view.shortestPath(GRAFANA, node, depth)).not.toBeNull();
      }
    }
    const two = view.neighborhood(GRAFANA, 2, 500).nodes.map(nodeId);
    expect(two).toContain(nodeId(DEVOPSDAYS));
    expect(view.neighborhood(GRAFANA, 1, 500).nodes.map(nodeId)).not.toContain(nodeId(DEVOPSDAYS));
  });

  it('stops at limit nodes and keeps only edges between them', () => {
    const { nodes, edges } = view.neighborhood(KUBECON, 3, 5);
    expect(nodes).toHaveLength(5);
    expect(nodes[0]).toEqual(KUBECON);
    const ids = new Set(nodes.map(nodeId));
    for (const edge of edges) expect(ids.has(nodeId(edge.source)) && ids.has(nodeId(edge.target))).toBe(true);
  });

  it('caps depth at 3 and limit at 500', () => {
    expect(view.neighborhood(GRAFANA, 99, 500)).toEqual(view.neighborhood(GRAFANA, 3, 500));
    const big = syntheticGraph();
    for (let i = 0; i < 700; i++) {
      big.speakers.push({ slug: `s-${i}`, name: `S ${i}`, affiliation: null, talkSlugs: [TALK.delivery] });
      big.talks.find((t) => t.slug === TALK.delivery)?.speakerSlugs.push(`s-${i}`);
    }
    const start: NodeRef = { kind: 'talk', key: TALK.delivery };
    expect(GraphView.build(big).neighborhood(start, 1, 10_000).nodes).toHaveLength(500);
  });

  it('returns an empty subgraph for an unknown node', () => {
    expect(view.neighborhood({ kind: 'talk', key: 'nope' })).toEqual({ nodes: [], edges: [] });
  });
});
