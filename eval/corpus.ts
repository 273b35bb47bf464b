/**
 * @module eval/corpus
 * Indexes a labelled corpus of real notes as a user would and scores it.
 * Each author's folder (`<owner>__<repo>/`) is its own content root, indexed
 * with the product's entry point and read back through the same JSON that
 * `talkgraph index --json` prints; folders below it stay path evidence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexJson } from '../src/cli/indexCommand.js';
import { indexContent } from '../src/indexing/indexer.js';
import { addTallies, emptyTallies, type LabelFile, scoreFile, type Tallies } from './score.js';

export interface AuthorScore {
  author: string;
  files: number;
  tallies: Tallies;
}

export interface CorpusScore {
  authors: AuthorScore[];
  overall: Tallies;
  files: number;
}

export function readLabels(corpusDir: string): LabelFile[] {
  return JSON.parse(readFileSync(join(corpusDir, 'labels.json'), 'utf8')) as LabelFile[];
}

export function corpusPresent(corpusDir: string): boolean {
  return existsSync(join(corpusDir, 'labels.json'));
}

function authorOf(file: string): { author: string; path: string } {
  const slash = file.indexOf('/');
  return { author: file.slice(0, slash), path: file.slice(slash + 1) };
}

/** Indexes every author folder named in the labels and scores each labelled file. */
export async function scoreCorpus(corpusDir: string): Promise<CorpusScore> {
  const labels = readLabels(corpusDir);
  const byAuthor = new Map<string, LabelFile[]>();
  for (const label of labels) {
    const { author } = authorOf(label.file);
    byAuthor.set(author, [...(byAuthor.get(author) ?? []), label]);
  }
  const authors: AuthorScore[] = [];
  const overall = emptyTallies();
  for (const [author, files] of [...byAuthor].sort(([a], [b]) => a.localeCompare(b))) {
    const { data } = await indexContent({ root: join(corpusDir, author) });
    const json = indexJson(data);
    const byName = new Map(data.tools.map((t) => [t.name, [t.name, t.slug, ...t.aliases]]));
    const toolNames = (name: string) => byName.get(name) ?? [name];
    const tallies = emptyTallies();
    for (const label of files)
      addTallies(tallies, scoreFile(label, json, authorOf(label.file).path, toolNames));
    addTallies(overall, tallies);
    authors.push({ author, files: files.length, tallies });
  }
  return { authors, overall, files: labels.length };
}
