/**
 * @module indexing/indexer
 * The whole pipeline in one call: load → parse → extract → build. A file
 * that fails at any step is reported and left out; the rest is indexed.
 */
import { basename, resolve } from 'node:path';
import { type Diagnostic, diagnostic, sortDiagnostics } from '../diagnostics.js';
import { seriesIndex } from '../extract/conferences.js';
import { NameMatcher } from '../extract/nameMatcher.js';
import { type ExtractContext, extractPost, type PostDraft } from '../extract/post.js';
import type { TalkWeights } from '../extract/talkWeights.js';
import { ToolIndex } from '../extract/tools.js';
import { type GraphData, MemoryStore } from '../graph/store.js';
import { type LoadedFile, loadContent } from '../load/walk.js';
import { parseFrontMatter } from '../parse/frontmatter.js';
import { parseMarkdown } from '../parse/markdown.js';
import { createSource } from '../parse/source.js';
import { loadCatalogue } from '../registry/catalogue.js';
import { loadRegistries } from '../registry/registry.js';
import { buildGraph } from './build.js';

export interface IndexOptions {
  /** Content root: posts/, conferences/, tools/, topics/ below it. */
  root: string;
  /** Use the built-in tool catalogue (default true). */
  catalogue?: boolean;
  /** Largest file indexed, in bytes. */
  maxFileSize?: number;
  /** The date against which front-matter dates are judged (default: now). */
  now?: Date;
  /** Name of the content root's folder, read as evidence of the event (set from `root` by indexContent). */
  rootName?: string;
  /** Weights of talk evidence; the table in extract/talkWeights.ts unless measuring others. */
  talkWeights?: TalkWeights;
}

export interface IndexResult {
  root: string;
  data: GraphData;
  store: MemoryStore;
  durationMs: number;
}

/** Index files already in memory (used by the loader path and by tests). */
export function indexFiles(
  files: readonly LoadedFile[],
  options: Omit<IndexOptions, 'root'> = {},
): GraphData {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  const catalogue = loadCatalogue();
  const registries = loadRegistries(files, (options.catalogue ?? true) ? catalogue.tools : [], report);
  const tools = new ToolIndex(registries.tools);
  const topics = new NameMatcher(
    registries.topics.flatMap((t) => [
      { key: t.slug, name: t.name, via: 'NAME' as const, caseSensitive: false, ambiguous: false },
      ...t.aliases.map((a) => ({
        key: t.slug,
        name: a,
        via: 'ALIAS' as const,
        caseSensitive: false,
        ambiguous: false,
      })),
    ]),
  );
  const ctx: ExtractContext = {
    rootName: options.rootName ?? null,
    talkWeights: options.talkWeights,
    tools,
    topics,
    conferences: registries.conferences,
    // Series names are read even without the tool catalogue: they only make names canonical.
    series: seriesIndex(catalogue.conferences),
    report,
    now: options.now ?? new Date(),
  };

  const posts: PostDraft[] = [];
  for (const file of files) {
    if (file.role !== 'post') continue;
    const source = createSource(file.path, file.text);
    const fm = parseFrontMatter(source);
    if (!fm.ok) {
      report(fm.error);
      continue;
    }
    for (const warning of fm.value.warnings) report(warning);
    // An extractor bug must cost one file, not the graph.
    const before = diagnostics.length;
    try {
      const doc = parseMarkdown(fm.value.body, fm.value.bodyLine);
      posts.push(extractPost(source, fm.value, doc, ctx));
    } catch (error) {
      diagnostics.length = before;
      const reason = error instanceof Error ? error.message : String(error);
      report(diagnostic('EXTRACTION_FAILED', file.path, 1, `${file.path} could not be indexed: ${reason}`));
    }
  }
  const data = buildGraph(registries, posts, diagnostics);
  return { ...data, diagnostics: sortDiagnostics(data.diagnostics) };
}

export async function indexContent(options: IndexOptions): Promise<IndexResult> {
  const started = performance.now();
  const loaded = await loadContent(options.root, { maxFileSize: options.maxFileSize });
  const data = indexFiles(loaded.files, {
    ...options,
    rootName: options.rootName ?? basename(resolve(options.root)),
  });
  data.diagnostics = sortDiagnostics([...loaded.diagnostics, ...data.diagnostics]);
  return { root: options.root, data, store: new MemoryStore(data), durationMs: performance.now() - started };
}
