import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Checks the built-in tool catalogue (catalogue/tools/*.json) as data.
 * Deliberately independent of src/: it reads the JSON files directly.
 */

interface CatalogueEntry {
  name: string;
  slug?: string;
  aliases: string[];
  repository?: string | null;
  website?: string | null;
  topics: string[];
  ambiguous: boolean;
  description: string;
}

interface LoadedEntry extends CatalogueEntry {
  file: string;
}

const catalogueDir = join(import.meta.dirname, '..', 'catalogue', 'tools');

function loadCatalogue(): LoadedEntry[] {
  const files = readdirSync(catalogueDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries: LoadedEntry[] = [];
  for (const file of files) {
    const parsed: unknown = JSON.parse(readFileSync(join(catalogueDir, file), 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${file} is not a JSON array`);
    for (const entry of parsed as CatalogueEntry[]) entries.push({ ...entry, file });
  }
  return entries;
}

const catalogue = loadCatalogue();

function label(entry: LoadedEntry): string {
  return `${entry.name} (${entry.file})`;
}

function keysOf(entry: CatalogueEntry): string[] {
  return [entry.name, ...(Array.isArray(entry.aliases) ? entry.aliases : [])];
}

/** The entry whose name or alias is `key` (case-insensitive). */
function ownerOf(key: string): LoadedEntry | undefined {
  const wanted = key.toLowerCase();
  return catalogue.find((e) => keysOf(e).some((k) => k.toLowerCase() === wanted));
}

describe('tool catalogue', () => {
  it('has at least 500 entries', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(500);
  });

  it('gives every entry a non-empty name, an aliases array, 1-3 lower-case topics, a boolean ambiguous flag and a description', () => {
    const bad: string[] = [];
    for (const e of catalogue) {
      const where = label(e);
      if (typeof e.name !== 'string' || e.name.trim() === '') bad.push(`${where}: empty name`);
      if (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string' || a.trim() === '')) {
        bad.push(`${where}: aliases must be an array of non-empty strings`);
      }
      if (!Array.isArray(e.topics) || e.topics.length < 1 || e.topics.length > 3) {
        bad.push(`${where}: needs 1-3 topics`);
      } else if (e.topics.some((t) => typeof t !== 'string' || t === '' || t !== t.toLowerCase())) {
        bad.push(`${where}: topics must be non-empty lower-case strings`);
      }
      if (typeof e.ambiguous !== 'boolean') bad.push(`${where}: ambiguous must be a boolean`);
      if (typeof e.description !== 'string' || e.description.trim() === '') {
        bad.push(`${where}: empty description`);
      }
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('uses well-formed absolute https URLs for every repository and website', () => {
    const bad: string[] = [];
    for (const e of catalogue) {
      for (const field of ['repository', 'website'] as const) {
        const value = e[field];
        if (value === undefined || value === null) continue;
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          bad.push(`${label(e)}: ${field} is not a URL: ${value}`);
          continue;
        }
        if (url.protocol !== 'https:') bad.push(`${label(e)}: ${field} is not https: ${value}`);
      }
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('never uses a github.com page as a website', () => {
    const bad = catalogue
      .filter((e) => typeof e.website === 'string' && new URL(e.website).hostname === 'github.com')
      .map((e) => `${label(e)}: ${e.website}`);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('keeps names and aliases unique across the whole catalogue, ignoring case', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of catalogue) {
      for (const key of keysOf(e)) {
        const norm = key.toLowerCase();
        const previous = seen.get(norm);
        if (previous !== undefined) {
          clashes.push(`"${key}" of ${label(e)} clashes with ${previous}`);
        } else {
          seen.set(norm, `"${key}" of ${label(e)}`);
        }
      }
    }
    expect(clashes, `name/alias clashes:\n${clashes.join('\n')}`).toEqual([]);
  });

  it('keeps explicit slugs unique and well-formed', () => {
    const bad: string[] = [];
    const seen = new Map<string, string>();
    for (const e of catalogue) {
      if (e.slug === undefined) continue;
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.slug)) bad.push(`${label(e)}: malformed slug "${e.slug}"`);
      const previous = seen.get(e.slug);
      if (previous !== undefined) bad.push(`slug "${e.slug}" of ${label(e)} clashes with ${previous}`);
      else seen.set(e.slug, label(e));
    }
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('has no name or alias shorter than two characters', () => {
    const short = catalogue.flatMap((e) =>
      keysOf(e)
        .filter((k) => k.trim().length < 2)
        .map((k) => `"${k}" of ${label(e)}`),
    );
    expect(short, short.join('\n')).toEqual([]);
  });

  it('flags ordinary-word names as ambiguous', () => {
    const words = ['Draft', 'Helm', 'Flux', 'Harbor', 'Vault', 'kind', 'Go'];
    const problems: string[] = [];
    for (const word of words) {
      const entry = catalogue.find((e) => e.name.toLowerCase() === word.toLowerCase());
      if (entry === undefined) problems.push(`no entry named ${word}`);
      else if (!entry.ambiguous) problems.push(`${label(entry)} should be ambiguous`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('flags entries that own an ordinary-word alias as ambiguous', () => {
    const problems: string[] = [];
    // Spark and Lambda must exist as aliases of the named products.
    const required: Record<string, string> = { Spark: 'Apache Spark', Lambda: 'AWS Lambda' };
    for (const [alias, owner] of Object.entries(required)) {
      const entry = ownerOf(alias);
      if (entry === undefined) problems.push(`nobody owns "${alias}"`);
      else if (entry.name !== owner)
        problems.push(`"${alias}" belongs to ${label(entry)}, expected ${owner}`);
      else if (!entry.ambiguous) problems.push(`${label(entry)} owns "${alias}" but is not ambiguous`);
    }
    // Conduit (Linkerd's former name) and Ark (Velero's former name) may be absent,
    // but whoever owns them must be ambiguous.
    for (const alias of ['Conduit', 'Ark']) {
      const entry = ownerOf(alias);
      if (entry !== undefined && !entry.ambiguous) {
        problems.push(`${label(entry)} owns "${alias}" but is not ambiguous`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
