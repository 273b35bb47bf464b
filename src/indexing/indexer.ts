/**
 * @module indexing/indexer
 * The whole pipeline in one call: load → parse → extract → build. A file
 * that fails at any step is reported and left out; the rest is indexed.
 */
import { basename, resolve } from 'node:path';
import { type Diagnostic, diagnostic, type Report, sortDiagnostics } from '../diagnostics.js';
import { seriesIndex } from '../extract/conferences.js';
import { NameMatcher } from '../extract/nameMatcher.js';
import { type ExtractContext, extractPost, type PostDraft } from '../extract/post.js';
import type { TalkWeights } from '../extract/talkWeights.js';
import { ToolIndex } from '../extract/tools.js';
import { withPackedSearch } from '../graph/discovery.js';
import { type GraphData, MemoryStore } from '../graph/store.js';
import { type LoadedFile, loadContent } from '../load/walk.js';
import { parseFrontMatter } from '../parse/frontmatter.js';
import { parseMarkdown } from '../parse/markdown.js';
import { createSource } from '../parse/source.js';
import { loadCatalogue } from '../registry/catalogue.js';
import { loadRegistries, type Registries } from '../registry/registry.js';
import { createGraphBuilder } from './build.js';
import { contextDigest, type FileResults, resultKey } from './fileResults.js';
import { graphInputsKey, openGraphCache } from './graphCache.js';
import { resultCacheFile } from './resultCache.js';
import { openResultStream } from './resultStream.js';

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
  /** Results of earlier indexes: files whose digest and context match are not extracted again. */
  results?: FileResults;
  /** Keep per-file results on disk in this folder, for a warm start next time (`indexContent` only). */
  cacheDir?: string;
  /**
   * A cache folder that is only read, where `cacheDir` has nothing for these inputs (default: the
   * seed the build wrote for the bundled content, `bundledSeedDir`).
   */
  seedDir?: string;
  /**
   * Called where indexing has left the most for the collector, before what comes next holds more:
   * once every post is read, before the graph is put together, and once it is, before it is written
   * to `cacheDir` (`indexContent` and `indexFilesAsync` only). A server settles its heap there.
   */
  settle?: () => Promise<unknown>;
}

export interface IndexResult {
  root: string;
  data: GraphData;
  store: MemoryStore;
  durationMs: number;
  /** The on-disk cache, when one was used (`cacheDir`). */
  cache?: {
    /** The per-file results' file. */
    file: string;
    /** The whole graph's file for these inputs (`graphCache.ts`). */
    graphFile: string;
    /** How many posts were not extracted again. */
    reused: number;
    /** The graph was the one built last time from the same inputs: nothing was rebuilt. */
    wholeGraph: boolean;
    /** The graph's search index was kept beside it, and is restored rather than built. */
    search?: boolean;
    /** Cache files that were there but could not be read, and were ignored: for the operator. */
    notices: string[];
    /** Why the cache could not be written, when it could not. */
    saveError?: string;
  };
}

/** Parses and extracts one post; null when it cannot be indexed (reported through `ctx`). */
export function indexPost(file: LoadedFile, ctx: ExtractContext): PostDraft | null {
  // A parser or extractor bug must cost one file, not the graph.
  const reported: Diagnostic[] = [];
  try {
    const source = createSource(file.path, file.text);
    const fm = parseFrontMatter(source);
    if (!fm.ok) {
      ctx.report(fm.error);
      return null;
    }
    for (const warning of fm.value.warnings) ctx.report(warning);
    const doc = parseMarkdown(fm.value.body, fm.value.bodyLine);
    const draft = extractPost(source, fm.value, doc, { ...ctx, report: (d) => reported.push(d) });
    for (const d of reported) ctx.report(d);
    return draft;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.report(diagnostic('EXTRACTION_FAILED', file.path, 1, `${file.path} could not be indexed: ${reason}`));
    return null;
  }
}

/** What extraction reads besides the post: the registries, the catalogue's series, the settings. */
export function createExtractContext(
  registries: Registries,
  options: Omit<IndexOptions, 'root'>,
  report: Report,
): ExtractContext {
  return {
    rootName: options.rootName ?? null,
    talkWeights: options.talkWeights,
    tools: new ToolIndex(registries.tools),
    topics: new NameMatcher(
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
    ),
    conferences: registries.conferences,
    // Series names are read even without the tool catalogue: they only make names canonical.
    series: seriesIndex(loadCatalogue().conferences),
    report,
    now: options.now ?? new Date(),
  };
}

/** The context part of every post's result key (`fileResults.ts`) for these files and options. */
export function resultContext(files: readonly LoadedFile[], options: Omit<IndexOptions, 'root'>): string {
  // The root's folder name and the talk weights are read by extraction too: a result depends on them.
  const settings = JSON.stringify([
    options.catalogue ?? true,
    options.rootName ?? null,
    options.talkWeights ?? null,
  ]);
  return contextDigest(files, options.now ?? new Date(), settings);
}

/** The registries of these files, with the catalogue's tools unless it is switched off. */
export function registriesOf(
  files: readonly LoadedFile[],
  options: Omit<IndexOptions, 'root'>,
  report: Report,
): Registries {
  return loadRegistries(files, (options.catalogue ?? true) ? loadCatalogue().tools : [], report);
}

/** The step after the last post is read, before the graph is put together. */
const POSTS_READ = 'posts read';

/**
 * The pipeline as steps: it yields after each post it parses, so a caller
 * can pause between files (`indexFilesAsync`) and keep its event loop free.
 */
function* indexSteps(
  files: readonly LoadedFile[],
  options: Omit<IndexOptions, 'root'>,
): Generator<undefined | typeof POSTS_READ, GraphData> {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  const registries = registriesOf(files, options, report);
  // The matchers of tool and topic names take a while to build from a catalogue of thousands of
  // tools, and only extraction reads them: a start whose posts all come from the cache skips them.
  let ctx: ExtractContext | undefined;
  const extractContext = (): ExtractContext => {
    ctx ??= createExtractContext(registries, options, report);
    return ctx;
  };

  const results = options.results;
  const context = results === undefined ? '' : resultContext(files, options);
  // Each draft goes into the graph as soon as it is read, so drafts do not pile up beside the graph.
  const builder = createGraphBuilder(registries);
  for (const file of files) {
    if (file.role !== 'post') continue;
    const key = results === undefined ? '' : resultKey(file.digest, context);
    const kept = results?.get(file.path, key);
    if (kept !== undefined) {
      diagnostics.push(...kept.diagnostics);
      if (kept.draft !== null) builder.add(kept.draft, file.text);
      continue;
    }
    const before = diagnostics.length;
    const draft = indexPost(file, extractContext());
    if (draft !== null) builder.add(draft, file.text);
    results?.set(file.path, { key, draft, diagnostics: diagnostics.slice(before) });
    yield;
  }
  yield POSTS_READ;
  results?.retain(new Set(files.map((f) => f.path)));
  const data = builder.finish(diagnostics);
  return { ...data, diagnostics: sortDiagnostics(data.diagnostics) };
}

/** Index files already in memory (used by the loader path and by tests). */
export function indexFiles(
  files: readonly LoadedFile[],
  options: Omit<IndexOptions, 'root'> = {},
): GraphData {
  const steps = indexSteps(files, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Work done between two pauses of `indexFilesAsync`: short enough for probes and queries to be answered. */
const SLICE_MS = 10;

/** As `indexFiles`, pausing every few milliseconds so the event loop keeps answering. */
export async function indexFilesAsync(
  files: readonly LoadedFile[],
  options: Omit<IndexOptions, 'root'> = {},
): Promise<GraphData> {
  const steps = indexSteps(files, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value === POSTS_READ && options.settle !== undefined) {
      // A turn first, so that the results writer takes what is queued for it (posts read from the
      // results cache are queued without a pause) and the collection can free it.
      await new Promise((resolve) => setImmediate(resolve));
      await options.settle();
      sliceStart = performance.now();
      continue;
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

export async function indexContent(options: IndexOptions): Promise<IndexResult> {
  const started = performance.now();
  const loaded = await loadContent(options.root, { maxFileSize: options.maxFileSize });
  const root = resolve(options.root);
  const indexOptions = { ...options, rootName: options.rootName ?? basename(root) };
  const { cacheDir } = options;
  if (cacheDir === undefined) {
    const data = await indexFilesAsync(loaded.files, indexOptions);
    data.diagnostics = sortDiagnostics([...loaded.diagnostics, ...data.diagnostics]);
    return {
      root: options.root,
      data,
      store: new MemoryStore(data),
      durationMs: performance.now() - started,
    };
  }

  // Every input as it was last time: the graph built then is the answer, and nothing is rebuilt.
  const graphCache = openGraphCache(
    cacheDir,
    root,
    graphInputsKey(loaded, resultContext(loaded.files, indexOptions)),
    options.seedDir,
  );
  const kept = await graphCache.read();
  const notices = 'notice' in kept && kept.notice !== undefined ? [kept.notice] : [];
  if ('data' in kept) {
    const { data } = kept;
    if (kept.search !== undefined) withPackedSearch(data, kept.search);
    return {
      root: options.root,
      data,
      store: new MemoryStore(data),
      durationMs: performance.now() - started,
      cache: {
        file: resultCacheFile(cacheDir, root),
        graphFile: graphCache.file,
        reused: data.posts.length,
        wholeGraph: true,
        search: kept.search !== undefined,
        notices,
      },
    };
  }

  const cache = await openResultStream(cacheDir, root, options.seedDir);
  if (cache.notice !== undefined) notices.push(cache.notice);
  const data = await indexFilesAsync(loaded.files, { ...indexOptions, results: cache.results });
  data.diagnostics = sortDiagnostics([...loaded.diagnostics, ...data.diagnostics]);
  const result: IndexResult = {
    root: options.root,
    data,
    store: new MemoryStore(data),
    durationMs: performance.now() - started,
    cache: {
      file: cache.file,
      graphFile: graphCache.file,
      reused: cache.results.hits,
      wholeGraph: false,
      notices,
    },
  };
  // Saved after timing: the graph is ready; the writes only speed up the next start. The results
  // were written as they were made; the graph is written whole.
  const saveError = (error: unknown) => {
    if (result.cache) result.cache.saveError = error instanceof Error ? error.message : String(error);
  };
  await cache.finish().catch(saveError);
  await options.settle?.();
  await graphCache.write(data, root).catch(saveError);
  return result;
}
