/**
 * @module bench/indexer
 * Indexing cost against bare parsing of the same files (front matter +
 * markdown-it tokens, no extraction), and the cost of the built-in catalogue
 * (indexing with it against without it). Files are read once; the timed runs
 * work on the same in-memory files.
 */
import { indexFiles } from '../src/indexing/indexer.js';
import { loadContent } from '../src/load/walk.js';
import { parseFrontMatter } from '../src/parse/frontmatter.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { createSource } from '../src/parse/source.js';
import { median, time } from './stats.js';

export interface IndexerResult {
  posts: number;
  talks: number;
  bareMs: number;
  noCatalogueMs: number;
  catalogueMs: number;
  bareRuns: number[];
  noCatalogueRuns: number[];
  catalogueRuns: number[];
}

export async function benchIndexer(root: string, repeat: number): Promise<IndexerResult> {
  const { files } = await loadContent(root);
  const bare = () => {
    let blocks = 0;
    for (const file of files) {
      const fm = parseFrontMatter(createSource(file.path, file.text));
      if (fm.ok) blocks += parseMarkdown(fm.value.body, fm.value.bodyLine).blocks.length;
    }
    return blocks;
  };
  let talks = 0;
  const withCatalogue = () => {
    talks = indexFiles(files, { catalogue: true }).talks.length;
  };
  const withoutCatalogue = () => {
    indexFiles(files, { catalogue: false });
  };
  // Warm up the JIT and the catalogue cache once, untimed.
  bare();
  withCatalogue();
  withoutCatalogue();
  const bareTimes: number[] = [];
  const catTimes: number[] = [];
  const noCatTimes: number[] = [];
  // Interleave the variants so drift on a shared machine hits them alike.
  for (let i = 0; i < repeat; i++) {
    bareTimes.push(time(bare));
    noCatTimes.push(time(withoutCatalogue));
    catTimes.push(time(withCatalogue));
  }
  return {
    posts: files.length,
    talks,
    bareMs: median(bareTimes),
    noCatalogueMs: median(noCatTimes),
    catalogueMs: median(catTimes),
    bareRuns: bareTimes,
    noCatalogueRuns: noCatTimes,
    catalogueRuns: catTimes,
  };
}
