/**
 * @module registry/catalogue
 * The catalogue shipped with talkgraph (catalogue/tools/*.json and
 * catalogue/conferences.json), read from disk in this one place, once per
 * process: it never changes while talkgraph runs. The indexer hands it to
 * the registries and the extractors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ToolModel } from '../graph/types.js';
import { slugify } from '../keys.js';

/** A well-known conference series and the ways people write it. */
export interface ConferenceSeries {
  name: string;
  aliases?: string[];
  /** Cities that name an edition ("KubeCon Barcelona"). */
  cities?: string[];
}

export interface Catalogue {
  tools: readonly ToolModel[];
  conferences: readonly ConferenceSeries[];
}

interface CatalogueEntry {
  name: string;
  slug?: string;
  aliases?: string[];
  repository?: string | null;
  website?: string | null;
  topics?: string[];
  ambiguous?: boolean;
  caseSensitive?: boolean;
  description?: string | null;
}

const CATALOGUE_DIR = new URL('../../catalogue/', import.meta.url);

/** Finds, entry after entry, the 1-based line of each `"name": …` in a catalogue file (1 when not found). */
function entryLines(text: string): (name: string) => number {
  const lines = text.split(/\r?\n/);
  let from = 0;
  return (name) => {
    const needle = `"name": ${JSON.stringify(name)}`;
    for (let at = from; at < lines.length; at++) {
      if (!lines[at]?.includes(needle)) continue;
      from = at + 1;
      return at + 1;
    }
    return 1;
  };
}

function readTools(): ToolModel[] {
  const dir = new URL('tools/', CATALOGUE_DIR);
  const tools: ToolModel[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    files = [];
  }
  // A few hundred topics are shared by thousands of tools: each is slugified once.
  const topicSlugs = new Map<string, string>();
  const topicSlug = (topic: string) => {
    let slug = topicSlugs.get(topic);
    if (slug === undefined) {
      slug = slugify(topic);
      topicSlugs.set(topic, slug);
    }
    return slug;
  };
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const entries = JSON.parse(text) as CatalogueEntry[];
    const lineOf = entryLines(text);
    for (const e of entries) {
      tools.push({
        slug: e.slug ?? slugify(e.name),
        name: e.name,
        aliases: e.aliases ?? [],
        description: e.description ?? null,
        repositoryUrl: e.repository ?? null,
        websiteUrl: e.website ?? null,
        topics: (e.topics ?? []).map(topicSlug),
        caseSensitive: e.caseSensitive ?? false,
        ambiguous: e.ambiguous ?? false,
        origin: 'CATALOGUE',
        inferred: false,
        // Provenance like any registry file: the entry's file and the line of its name.
        source: { path: `catalogue/tools/${file}`, line: lineOf(e.name) },
      });
    }
  }
  return tools;
}

function readConferences(): ConferenceSeries[] {
  try {
    return JSON.parse(readFileSync(new URL('conferences.json', CATALOGUE_DIR), 'utf8')) as ConferenceSeries[];
  } catch {
    // Without the list, conference names stay as written.
    return [];
  }
}

let cached: Catalogue | null = null;

/** The shipped catalogue, read on first use. */
export function loadCatalogue(): Catalogue {
  cached ??= { tools: readTools(), conferences: readConferences() };
  return cached;
}
