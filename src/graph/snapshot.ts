/**
 * @module graph/snapshot
 * A built graph as one file, so replicas serve it without indexing: the
 * GraphData (diagnostics included) in MessagePack, behind a small header
 * that names the format and the talkgraph version that wrote it.
 *
 * A snapshot is read only by the same talkgraph version: the graph's shape
 * and the extraction behind it change between versions, and a replica
 * serving a graph its code does not expect would answer wrongly rather than
 * fail. A mismatch is a clear error that says how to rebuild.
 */
import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { Packr } from 'msgpackr';
import type { GraphData } from './store.js';

/** The first bytes of every snapshot: a file of anything else is refused at once. */
const MAGIC = 'talkgraph-snapshot';
const FORMAT = 1;
const packr = new Packr({ useRecords: true, moreTypes: true });

export interface SnapshotHeader {
  magic: typeof MAGIC;
  format: number;
  version: string;
  createdAt: string;
  /** The content root it was indexed from, for the operator's information only. */
  root: string;
  counts: { posts: number; talks: number; tools: number; diagnostics: number };
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

let versionCache: string | null = null;
export function talkgraphVersion(): string {
  versionCache ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return versionCache;
}

export function encodeSnapshot(
  data: GraphData,
  root: string,
  version = talkgraphVersion(),
): { bytes: Buffer; header: SnapshotHeader } {
  const header: SnapshotHeader = {
    magic: MAGIC,
    format: FORMAT,
    version,
    createdAt: new Date().toISOString(),
    root,
    counts: {
      posts: data.posts.length,
      talks: data.talks.length,
      tools: data.tools.length,
      diagnostics: data.diagnostics.length,
    },
  };
  return { bytes: packr.pack({ header, data }), header };
}

/** Decodes a snapshot; throws SnapshotError when it is not one or was written by another version. */
export function decodeSnapshot(
  bytes: Uint8Array,
  name: string,
  version = talkgraphVersion(),
): { header: SnapshotHeader; data: GraphData } {
  let decoded: { header?: Partial<SnapshotHeader>; data?: GraphData };
  try {
    decoded = packr.unpack(bytes) as typeof decoded;
  } catch {
    throw new SnapshotError(
      `${name} is not a talkgraph snapshot (it cannot be decoded); write one with talkgraph build --out ${name}`,
    );
  }
  const header = decoded?.header;
  if (header?.magic !== MAGIC || decoded.data === undefined) {
    throw new SnapshotError(
      `${name} is not a talkgraph snapshot; write one with talkgraph build --out ${name}`,
    );
  }
  if (header.format !== FORMAT || header.version !== version) {
    throw new SnapshotError(
      `${name} was written by talkgraph ${header.version} (snapshot format ${header.format}); this is talkgraph ${version} (format ${FORMAT}). Rebuild it with this version: talkgraph build --out ${name}`,
    );
  }
  return { header: header as SnapshotHeader, data: decoded.data };
}

/** Writes through a temporary file and a rename, so a replica never reads half a snapshot. */
export async function writeSnapshot(file: string, data: GraphData, root: string): Promise<SnapshotHeader> {
  const { bytes, header } = encodeSnapshot(data, root);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return header;
}

export async function readSnapshot(file: string): Promise<{ header: SnapshotHeader; data: GraphData }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new SnapshotError(`snapshot ${file} cannot be read: ${(error as Error).message}`);
  }
  return decodeSnapshot(bytes, file);
}
