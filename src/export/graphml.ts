/**
 * @module export/graphml
 * The graph as GraphML (for Gephi, yEd, Cytoscape, NetworkX): one `<key>`
 * per property name, typed from the values it takes (long, double, boolean,
 * else string; lists as JSON text), then the nodes and directed edges of
 * `graphElements`. Text is escaped for XML 1.0: `& < > " '` as entities,
 * tabs, newlines and carriage returns as character references (so attribute
 * values keep them), and characters XML cannot hold at all (other control
 * characters, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
 */
import type { GraphData } from '../graph/store.js';
import { type GraphElements, graphElements, type Properties, type PropertyValue } from './graphElements.js';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escape text for an XML 1.0 attribute value or element content. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped or checked here
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[&<>"'\t\n\r]/g, (c) => XML_ESCAPES[c] ?? c)
  );
}

type KeyType = 'boolean' | 'long' | 'double' | 'string';

function typeOf(value: PropertyValue): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function merge(a: KeyType | undefined, b: KeyType): KeyType {
  if (a === undefined || a === b) return b;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

function keyTypes(items: { properties: Properties }[]): Map<string, KeyType> {
  const types = new Map<string, KeyType>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.properties))
      types.set(name, merge(types.get(name), typeOf(value)));
  }
  return types;
}

function text(value: PropertyValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

function data(prefix: string, properties: Properties, indent: string): string[] {
  return Object.entries(properties).map(
    ([name, value]) =>
      `${indent}<data key="${escapeXml(`${prefix}_${name}`)}">${escapeXml(text(value))}</data>`,
  );
}

export function toGraphml(graph: GraphData): string {
  const elements: GraphElements = graphElements(graph);
  const nodeKeys = keyTypes(elements.nodes);
  const edgeKeys = keyTypes(elements.edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
  ];
  for (const [name, type] of nodeKeys) {
    lines.push(
      `  <key id="${escapeXml(`n_${name}`)}" for="node" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
    );
  }
  lines.push('  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>');
  for (const [name, type] of edgeKeys) {
    lines.push(
      `  <key id="${escapeXml(`e_${name}`)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
    );
  }
  lines.push('  <graph id="talkgraph" edgedefault="directed">');
  for (const node of elements.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    lines.push(`      <data key="n_kind">${node.kind}</data>`);
    lines.push(`      <data key="n_label">${escapeXml(node.label)}</data>`);
    lines.push(...data('n', node.properties, '      '));
    lines.push('    </node>');
  }
  for (const edge of elements.edges) {
    lines.push(
      `    <edge id="${edge.id}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      `      <data key="e_relation">${edge.relation}</data>`,
      ...data('e', edge.properties, '      '),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
