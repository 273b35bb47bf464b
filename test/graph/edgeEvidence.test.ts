/**
 * Evidence on every edge: walks every edge of the bundled graph and checks
 * that each names a file and line that exist and text that is there; edges
 * read from the catalogue point at the entry's file in catalogue/.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/graph/store.js';
import { listEdges } from '../../src/graph/traverse.js';
import { bundledGraph, clientFor, type Json } from '../helpers/graphqlClient.js';

let data: GraphData;

beforeAll(async () => {
  data = await bundledGraph();
});

function lineOf(path: string, line: number): string {
  const file = path.startsWith('catalogue/') ? path : `content/${path}`;
  return readFileSync(file, 'utf8').split(/\r?\n/)[line - 1] ?? '';
}

describe('edge evidence', () => {
  it('gives every edge of the bundled graph a file and line that exist', () => {
    const edges = listEdges(data);
    expect(edges.length).toBeGreaterThan(50);
    const relations = new Set<string>();
    for (const edge of edges) {
      relations.add(edge.relation);
      const { path, line, text } = edge.evidence;
      expect(path, `${edge.relation} ${edge.source.key} → ${edge.target.key}`).not.toBe('');
      expect(line).toBeGreaterThan(0);
      expect(text).not.toBe('');
      expect(lineOf(path, line), `${path}:${line}`).not.toBe('');
    }
    expect([...relations].sort()).toEqual(
      expect.arrayContaining(['ABOUT', 'CITES', 'MENTIONS', 'PART_OF', 'TAGGED']),
    );
  });

  it("points a catalogue tool's topics at the tool's entry in catalogue/, a registry tool's at its file", () => {
    const catalogued = data.tools.filter((t) => t.origin === 'CATALOGUE' && t.topics.length > 0);
    expect(catalogued.length).toBeGreaterThan(0);
    const edges = listEdges(data).filter((e) => e.relation === 'TAGGED');
    for (const tool of catalogued) {
      const tagged = edges.filter((e) => e.source.key === tool.slug);
      expect(tagged.length).toBeGreaterThan(0);
      for (const edge of tagged) {
        expect(edge.evidence.path).toMatch(/^catalogue\/tools\/[\w-]+\.json$/);
        expect(lineOf(edge.evidence.path, edge.evidence.line)).toContain(
          `"name": ${JSON.stringify(tool.name)}`,
        );
      }
    }
    const gvisor = edges.filter((e) => e.source.key === 'gvisor');
    expect(gvisor.map((e) => e.evidence.path)).toContain('tools/gvisor.md');
  });

  it('serves evidence on every path step and neighbourhood edge', async () => {
    const client = clientFor(data);
    const ids = await client.query(`{ tool(name: "Draft") { id } gvisor: tool(name: "gVisor") { id } }`);
    const { data: result, errors } = await client.query(
      `query ($from: ID!, $to: ID!) {
        path(from: $from, to: $to) { steps { relation evidence { path line text } } }
        neighborhood(id: $to, depth: 2, limit: 500) { edges { relation evidence { path line } } }
      }`,
      { from: ids.data.tool.id, to: ids.data.gvisor.id },
    );
    expect(errors).toBeUndefined();
    const steps = result.path.steps as Json[];
    expect(steps.length).toBeGreaterThan(1);
    for (const step of [...steps, ...result.neighborhood.edges]) {
      expect(step.evidence.path).not.toBe('');
      expect(step.evidence.line).toBeGreaterThan(0);
    }
  });
});
