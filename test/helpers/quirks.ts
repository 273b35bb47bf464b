/**
 * Test-only helper: the quirks fixture (test/fixtures/quirks/), indexed once
 * per test file, and small finders over the graph it gives. The finders look
 * in the last indexed quirks graph unless given another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { GraphData } from '../../src/graph/store.js';
import type { TalkModel } from '../../src/graph/types.js';
import { indexContent } from '../../src/indexing/indexer.js';
import { TEST_NOW } from './indexText.js';

export const FIXTURE = fileURLToPath(new URL('../fixtures/quirks/', import.meta.url));
export const GOPHERCON = 'posts/gophercon-2019.md';
export const TOOLING = 'posts/tooling.md';

let data: GraphData;

/** Indexes the quirks content root without the catalogue; the finders below default to its graph. */
export async function indexQuirks(): Promise<GraphData> {
  ({ data } = await indexContent({ root: FIXTURE, catalogue: false, now: TEST_NOW }));
  return data;
}

export function fileLines(path: string): string[] {
  return readFileSync(join(FIXTURE, path), 'utf8').split(/\r\n?|\n/);
}

export function lineOf(path: string, line: number): string {
  return fileLines(path)[line - 1] ?? '';
}

export function talk(title: string, graph: GraphData = data): TalkModel {
  const found = graph.talks.filter((t) => t.title === title);
  expect(
    found.map((t) => t.title),
    `talk "${title}"`,
  ).toHaveLength(1);
  return found[0] as TalkModel;
}

export function talkBySlug(slug: string, graph: GraphData = data): TalkModel {
  const found = graph.talks.find((t) => t.slug === slug);
  expect(found, `talk ${slug}`).toBeDefined();
  return found as TalkModel;
}

export function diagnostics(code: string, path?: string, graph: GraphData = data): Diagnostic[] {
  return graph.diagnostics.filter((d) => d.code === code && (path === undefined || d.path === path));
}

export function talksOf(path: string, graph: GraphData = data): TalkModel[] {
  return graph.talks.filter((t) => t.source.path === path);
}

export function mention(t: TalkModel, toolSlug: string) {
  return t.mentions.find((m) => m.toolSlug === toolSlug);
}
