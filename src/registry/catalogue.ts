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

/**
 * Finds, entry after entry, the 1-based line of each `"name": …` in a catalogue file (1 when not
 * found). It searches the text from the line after the last entry found and counts the newlines
 * it passes, rather than splitting a file of tens of thousands of lines into strings.
 */
function entryLines(text: string): (name: string) => number {
  // Where the search goes on (the start of a line) and that line's 1-based number.
  let from = 0;
  let line = 1;
  return (name) => {
    const at = text.indexOf(`"name": ${JSON.stringify(name)}`, from);
    if (at === -1) return 1;
    for (let nl = text.indexOf('\n', from); nl !== -1 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
    const found = line;
    const end = text.indexOf('\n', at);
    from = end === -1 ? text.length : end + 1;
    line++;
    return found;
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
