/**
 * @module indexer
 * The whole pipeline in one call: load → parse → extract → graph.
 */
import type { GraphData } from './graph/store.js';
import { MemoryStore } from './graph/store.js';

export interface IndexOptions {
  /** Content root: posts/, conferences/, tools/, topics/ below it. */
  root: string;
  /** Use the built-in tool catalogue (default true). */
  catalogue?: boolean;
}

export interface IndexResult {
  root: string;
  data: GraphData;
  store: MemoryStore;
  durationMs: number;
}

export async function indexContent(options: IndexOptions): Promise<IndexResult> {
  const started = performance.now();
  // Placeholder until the pipeline lands: an empty graph.
  const data: GraphData = {
    conferences: [],
    talks: [],
    tools: [],
    topics: [],
    speakers: [],
    links: [],
    posts: [],
    diagnostics: [],
  };
  return { root: options.root, data, store: new MemoryStore(data), durationMs: performance.now() - started };
}
