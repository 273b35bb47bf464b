/**
 * @module export/dot
 * The graph in Graphviz DOT: a `digraph` with one statement per node (id,
 * label, kind, a shape per kind) and per edge (relation as label). Every id
 * and label is a double-quoted string: `\` becomes `\\` and `"` becomes
 * `\"` (so no text can end a string early), line breaks become `\n` (a
 * centred line break in labels), and other control characters a space.
 */
import type { EntityKind, GraphData } from '../graph/store.js';
import { graphElements } from './graphElements.js';

/** Quote and escape a string as a DOT double-quoted ID. */
export function quoteDot(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n|\u2028|\u2029/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped or checked here
    .replace(/[\u0000-\u001F\u007F]/g, ' ');
  return `"${escaped}"`;
}

const SHAPES: Record<EntityKind, string> = {
  conference: 'doubleoctagon',
  talk: 'box',
  tool: 'component',
  topic: 'ellipse',
  speaker: 'egg',
  link: 'note',
};

export function toDot(data: GraphData): string {
  const { nodes, edges } = graphElements(data);
  const lines = ['digraph talkgraph {', '  graph [rankdir=LR];', '  node [fontname="Helvetica"];'];
  for (const node of nodes) {
    lines.push(
      `  ${quoteDot(node.id)} [label=${quoteDot(node.label)}, kind=${quoteDot(node.kind)}, shape=${SHAPES[node.kind]}];`,
    );
  }
  for (const edge of edges) {
    lines.push(`  ${quoteDot(edge.source)} -> ${quoteDot(edge.target)} [label=${quoteDot(edge.relation)}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
