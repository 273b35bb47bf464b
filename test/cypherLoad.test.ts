/**
 * The Cypher export is ready to load into Neo4j with `cypher-shell -f`: one
 * statement per line in the three shapes the README documents, string
 * literals Neo4j can read, constraints before nodes and every node before
 * the relationships that use it, on real notes and on hostile text.
 */
import { describe, expect, it } from 'vitest';
import { toCypher } from '../src/export/cypher.js';
import { indexContent } from '../src/indexing/indexer.js';
import { bundledGraph } from './helpers/graphqlClient.js';
import { syntheticGraph } from './helpers/syntheticGraph.js';

/** A Cypher string literal as the export writes it: single quotes, backslash escapes Neo4j accepts. */
const STRING = String.raw`'(?:[^'\\\n\r]|\\[nrt\\'"]|\\u[0-9a-f]{4})*'`;
const VALUE = `(?:${STRING}|-?\\d+(?:\\.\\d+)?|true|false|\\[(?:${STRING}(?:, ${STRING})*)?\\])`;
const PROPS = `\\{(?:[a-zA-Z][a-zA-Z0-9]*: ${VALUE}(?:, [a-zA-Z][a-zA-Z0-9]*: ${VALUE})*)?\\}`;
const LABEL = '(Conference|Talk|Tool|Topic|Speaker|Link)';
const CONSTRAINT = new RegExp(
  `^CREATE CONSTRAINT [a-z]+_id IF NOT EXISTS FOR \\(n:${LABEL}\\) REQUIRE n\\.id IS UNIQUE;$`,
);
const NODE = new RegExp(`^MERGE \\(n:${LABEL} \\{id: (${STRING})\\}\\) SET n \\+= ${PROPS};$`);
const EDGE = new RegExp(
  `^MATCH \\(a:${LABEL} \\{id: (${STRING})\\}\\), \\(b:${LABEL} \\{id: (${STRING})\\}\\) MERGE \\(a\\)-\\[r:([A-Z][A-Z_]*)\\]->\\(b\\) SET r \\+= ${PROPS};$`,
);

function unquote(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\u([0-9a-f]{4})|\\(.)/g, (_, hex: string | undefined, c: string) =>
      hex !== undefined
        ? String.fromCharCode(Number.parseInt(hex, 16))
        : ({ n: '\n', r: '\r', t: '\t' }[c] ?? c),
    );
}

/** Checks the script statement by statement; returns what it creates. */
function load(script: string): { constraints: number; nodes: Set<string>; edges: number } {
  expect(script.endsWith(';\n')).toBe(true);
  const nodes = new Set<string>();
  let constraints = 0;
  let edges = 0;
  for (const [index, line] of script.trimEnd().split('\n').entries()) {
    const where = `statement ${index + 1}: ${line.slice(0, 200)}`;
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    if (CONSTRAINT.test(line)) {
      expect(nodes.size, `${where} comes after nodes`).toBe(0);
      constraints += 1;
    } else if (node !== null) {
      nodes.add(`${node[1]}:${unquote(node[2] as string)}`);
    } else if (edge !== null) {
      const source = `${edge[1]}:${unquote(edge[2] as string)}`;
      const target = `${edge[3]}:${unquote(edge[4] as string)}`;
      expect(nodes.has(source), `${where}: source not created before`).toBe(true);
      expect(nodes.has(target), `${where}: target not created before`).toBe(true);
      edges += 1;
    } else {
      expect.fail(`${where} is not a statement the loader expects`);
    }
  }
  return { constraints, nodes, edges };
}

describe('the Cypher export loaded into Neo4j', () => {
  it('is constraints, then nodes, then relationships between nodes already created (bundled content)', async () => {
    const { constraints, nodes, edges } = load(toCypher(await bundledGraph()));
    expect(constraints).toBe(6);
    expect(nodes.has('Tool:tool:gvisor')).toBe(true);
    expect(edges).toBeGreaterThan(nodes.size / 2);
  });

  it('stays loadable on notes by many authors and on hostile titles', async () => {
    const corpus = await indexContent({ root: 'test/fixtures/corpus' });
    expect(load(toCypher(corpus.data)).edges).toBeGreaterThan(0);
    const hostile = toCypher(syntheticGraph());
    expect(hostile).toContain('\\"quotes\\"');
    expect(load(hostile).nodes.size).toBeGreaterThan(0);
  });
});
