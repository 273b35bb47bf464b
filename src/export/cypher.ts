/**
 * @module export/cypher
 * The graph as a Cypher script for Neo4j (run with `cypher-shell -f`): a
 * uniqueness constraint on `id` per label, then one `MERGE … SET` per node
 * and one `MATCH … MERGE` per relationship, so running the script twice
 * leaves the same graph. Strings are single-quoted with `\\`, `\'`, `\"`,
 * `\n`, `\r`, `\t` escapes and `\uXXXX` for other control characters;
 * labels, property names and relationship types are fixed identifiers.
 */
import type { EntityKind, GraphData } from '../graph/store.js';
import { graphElements, type Properties, type PropertyValue } from './graphElements.js';

const CYPHER_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A Cypher string literal. */
export function quoteCypher(text: string): string {
  const escaped = text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped or checked here
    /[\\'"\u0000-\u001F\u007F\u2028\u2029]/g,
    (c) => CYPHER_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${escaped}'`;
}

function literal(value: PropertyValue): string {
  if (Array.isArray(value)) return `[${value.map(quoteCypher).join(', ')}]`;
  if (typeof value === 'string') return quoteCypher(value);
  return String(value);
}

function map(properties: Properties): string {
  return `{${Object.entries(properties)
    .map(([name, value]) => `${name}: ${literal(value)}`)
    .join(', ')}}`;
}

const LABELS: Record<EntityKind, string> = {
  conference: 'Conference',
  talk: 'Talk',
  tool: 'Tool',
  topic: 'Topic',
  speaker: 'Speaker',
  link: 'Link',
};

export function toCypher(data: GraphData): string {
  const { nodes, edges } = graphElements(data);
  const labelOf = new Map(nodes.map((n) => [n.id, LABELS[n.kind]]));
  const lines: string[] = [];
  for (const [kind, label] of Object.entries(LABELS)) {
    lines.push(`CREATE CONSTRAINT ${kind}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;`);
  }
  for (const node of nodes) {
    lines.push(
      `MERGE (n:${LABELS[node.kind]} {id: ${quoteCypher(node.id)}}) SET n += ${map(node.properties)};`,
    );
  }
  for (const edge of edges) {
    lines.push(
      `MATCH (a:${labelOf.get(edge.source)} {id: ${quoteCypher(edge.source)}}), ` +
        `(b:${labelOf.get(edge.target)} {id: ${quoteCypher(edge.target)}}) ` +
        `MERGE (a)-[r:${edge.relation}]->(b) SET r += ${map(edge.properties)};`,
    );
  }
  return `${lines.join('\n')}\n`;
}
