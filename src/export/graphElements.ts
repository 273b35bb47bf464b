/**
 * @module export/graphElements
 * The one node and edge listing every export format writes: each node with
 * a stable id (`kind:key`), a display label and flat properties; each edge
 * from `listEdges` (the graph view's edges) with its relation and evidence
 * as properties. Formats only differ in how they spell these.
 */
import type { EntityKind, GraphData } from '../graph/store.js';
import { listEdges, nodeId } from '../graph/traverse.js';

/** A property value every format can write. Null values are left out of `properties`. */
export type PropertyValue = string | number | boolean | string[];
export type Properties = Record<string, PropertyValue>;

export interface ExportNode {
  /** `kind:key`, unique in the graph. */
  id: string;
  kind: EntityKind;
  label: string;
  properties: Properties;
}

export interface ExportEdge {
  /** `e0`, `e1`, … in edge order. */
  id: string;
  source: string;
  target: string;
  relation: string;
  properties: Properties;
}

export interface GraphElements {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

function properties(entries: Record<string, PropertyValue | null | undefined>): Properties {
  const out: Properties = {};
  for (const [name, value] of Object.entries(entries)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    out[name] = value;
  }
  return out;
}

export function graphElements(data: GraphData): GraphElements {
  const nodes: ExportNode[] = [];
  const add = (kind: EntityKind, key: string, label: string, entries: Record<string, PropertyValue | null>) =>
    nodes.push({ id: nodeId({ kind, key }), kind, label, properties: properties(entries) });

  for (const c of data.conferences) {
    add('conference', c.slug, c.name, {
      slug: c.slug,
      name: c.name,
      aliases: c.aliases.length > 0 ? c.aliases : null,
      year: c.year,
      location: c.location,
      startDate: c.startDate,
      endDate: c.endDate,
      url: c.url,
      playlistUrl: c.playlistUrl,
      registered: c.registered,
      path: c.source.path,
      line: c.source.line,
    });
  }
  for (const t of data.talks) {
    add('talk', t.slug, t.title, {
      slug: t.slug,
      title: t.title,
      videoUrl: t.videoUrl,
      youtubeId: t.youtubeId,
      videoStart: t.videoStart,
      summary: t.summary,
      notes: t.notes === '' ? null : t.notes,
      date: t.date,
      path: t.source.path,
      line: t.source.line,
      endLine: t.endLine,
    });
  }
  for (const t of data.tools) {
    add('tool', t.slug, t.name, {
      slug: t.slug,
      name: t.name,
      aliases: t.aliases.length > 0 ? t.aliases : null,
      description: t.description,
      repositoryUrl: t.repositoryUrl,
      websiteUrl: t.websiteUrl,
      origin: t.origin,
      inferred: t.inferred,
      path: t.source?.path ?? null,
      line: t.source?.line ?? null,
    });
  }
  for (const t of data.topics) {
    add('topic', t.slug, t.name, {
      slug: t.slug,
      name: t.name,
      aliases: t.aliases.length > 0 ? t.aliases : null,
      path: t.source?.path ?? null,
      line: t.source?.line ?? null,
    });
  }
  for (const s of data.speakers) {
    add('speaker', s.slug, s.name, { slug: s.slug, name: s.name });
  }
  for (const l of data.links) {
    add('link', l.url, l.label ?? l.url, {
      url: l.url,
      linkKind: l.kind,
      linkLabel: l.label,
      host: l.host,
      youtubeId: l.youtubeId,
      path: l.source.path,
      line: l.source.line,
    });
  }

  const edges = listEdges(data).map((edge, i) => ({
    id: `e${i}`,
    source: nodeId(edge.source),
    target: nodeId(edge.target),
    relation: edge.relation,
    properties: properties({
      via: edge.via,
      evidencePath: edge.evidence?.path ?? null,
      evidenceLine: edge.evidence?.line ?? null,
      evidenceText: edge.evidence?.text ?? null,
    }),
  }));
  return { nodes, edges };
}
