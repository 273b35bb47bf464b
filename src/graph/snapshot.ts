/**
 * @module graph/snapshot
 * A built graph as one file, so replicas serve it without indexing: the
 * GraphData (diagnostics included) in MessagePack, behind a small header
 * that names the format and the talkgraph version that wrote it.
 *
 * The file is a run of length-prefixed blocks: the header, then the graph's
 * lists a few hundred entities at a time, each block preceded by the strings
 * it introduces (`snapshotStrings.ts`). A replica reads it block by block,
 * so it never holds the whole file beside the graph decoded from it, and
 * reads each distinct string once. A snapshot written by `talkgraph build`
 * ends with the graph's search index, packed (`compactPostings.ts`), so a
 * replica restores it rather than building it on its first search.
 *
 * A snapshot is read only by the same talkgraph version: the graph's shape
 * and the extraction behind it change between versions, and a replica
 * serving a graph its code does not expect would answer wrongly rather than
 * fail. A mismatch is a clear error that says how to rebuild.
 */
import { readFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Packr } from 'msgpackr';
import type { PackedIndex } from './compactPostings.js';
import { FrameError, framedInPlace, PREFIX, rawFrame, readFrames, writeFrames } from './frames.js';
import { type PackedMentions, packMentions, unpackMentions } from './snapshotMentions.js';
import { type SearchHead, SearchReader, searchBlocks } from './snapshotSearch.js';
import { StringTable, withStrings } from './snapshotStrings.js';
import type { GraphData } from './store.js';
import type { TalkModel } from './types.js';

/** The first bytes of every snapshot: a file of anything else is refused at once. */
const MAGIC = 'talkgraph-snapshot';
export const SNAPSHOT_FORMAT = 5;
// Binary values (a YAML !!binary in front matter) are copied out: the block they were read from is reused.
const packr = new Packr({ useRecords: true, moreTypes: true, copyBuffers: true });
/** Entities per block: small enough that a block is a few hundred KB, many enough to pack well. */
const BLOCK_ITEMS = 500;

/**
 * A block after the header: new strings, a slice of one of the graph's lists, or one of its other
 * values. New strings are their UTF-8 bytes end to end with each one's length in bytes: each is
 * then read as a string of its own, where MessagePack's reader would cut many strings out of
 * one long one, and every one of them would keep a view (32 bytes) and the long string alive.
 */
type Block =
  | { search: SearchHead }
  | { text: Uint8Array; lengths: number[] }
  | { key: string; items: unknown[] }
  | { key: string; value: unknown };

function readStrings(block: { text: Uint8Array; lengths: number[] }, into: string[]): void {
  const text = Buffer.from(block.text.buffer, block.text.byteOffset, block.text.byteLength);
  let at = 0;
  for (const length of block.lengths) {
    into.push(text.toString('utf8', at, at + length));
    at += length;
  }
}

/** What a snapshot holds: its header, the graph, and the graph's search index when it was written with one. */
export interface Snapshot {
  header: SnapshotHeader;
  data: GraphData;
  search?: PackedIndex;
}

export interface SnapshotHeader {
  magic: typeof MAGIC;
  format: number;
  version: string;
  createdAt: string;
  /** The content root it was indexed from, for the operator's information only. */
  root: string;
  counts: { posts: number; talks: number; tools: number; diagnostics: number };
  /**
   * The longest plain list of each list field, as query cost counts them (`schema/listBounds`),
   * when the writer measured them: a replica then need not walk the whole graph before it serves.
   */
  listBounds?: Record<string, number>;
}

/** A snapshot that cannot be served: its message names the file, says what is wrong, and how to make a good one. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';

  /** `problem` is what is wrong with the file, said without its name or the advice. */
  constructor(
    file: string,
    readonly problem: string,
    advice = '',
  ) {
    super(`${file} ${problem}${advice}`);
  }
}

/** The advice for a file that is no snapshot of any version. */
const writeOne = (file: string) => `; write one with talkgraph build --out ${file}`;

let versionCache: string | null = null;
export function talkgraphVersion(): string {
  versionCache ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return versionCache;
}

function snapshotHeader(
  data: GraphData,
  root: string,
  version: string,
  listBounds?: Record<string, number>,
): SnapshotHeader {
  return {
    magic: MAGIC,
    format: SNAPSHOT_FORMAT,
    version,
    createdAt: new Date().toISOString(),
    root,
    counts: {
      posts: data.posts.length,
      talks: data.talks.length,
      tools: data.tools.length,
      diagnostics: data.diagnostics.length,
    },
    ...(listBounds === undefined ? {} : { listBounds }),
  };
}

/** Framed in the packer's buffer: each frame is written before the next is made (or copied, `encodeSnapshot`). */
function framed(value: unknown): Buffer {
  return framedInPlace(packr, value);
}

/**
 * The snapshot's blocks in order, each framed: written one at a time, never all at once. A frame
 * (and a strings block's bytes) is valid until the next is asked for.
 */
function* encodedBlocks(header: SnapshotHeader, data: GraphData, search?: PackedIndex): Generator<Buffer> {
  yield framed(header);
  const table = new StringTable();
  // New strings are encoded into one buffer, reused: packing copies them into the frame. Each is
  // encoded on its own, so its length is what it encodes to: joined, a lone surrogate at the end of
  // one string and one at the start of the next would be encoded as one character.
  let scratch = Buffer.allocUnsafeSlow(1 << 16);
  const stringsBlock = (strings: readonly string[]): Block => {
    const lengths = strings.map((s) => Buffer.byteLength(s));
    const bytes = lengths.reduce((sum, n) => sum + n, 0);
    if (bytes > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * scratch.length));
    let at = 0;
    for (const s of strings) at += scratch.write(s, at);
    return { text: scratch.subarray(0, at), lengths };
  };
  const withNewStrings = function* (block: Block): Generator<Buffer> {
    const known = table.strings.length;
    const payload = 'items' in block ? { ...block, items: table.refs(block.items) } : block;
    if ('value' in payload) payload.value = table.refs(payload.value);
    // The strings a block names come just before it, so a reader knows each one when it meets it.
    if (table.strings.length > known) yield framed(stringsBlock(table.strings.slice(known)));
    yield framed(payload);
  };
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      yield* withNewStrings({ key, value });
      continue;
    }
    // An empty list is written too: the graph read back has every list the written one had.
    for (let at = 0; at === 0 || at < value.length; at += BLOCK_ITEMS) {
      let items: unknown[] = value.slice(at, at + BLOCK_ITEMS);
      if (key === 'talks') items = (items as TalkModel[]).map((t) => ({ ...t, mentions: packMentions(t) }));
      yield* withNewStrings({ key, items });
    }
  }
  if (search !== undefined) {
    const { head, arrays } = searchBlocks(search);
    yield framed({ search: head } satisfies Block);
    for (const bytes of arrays) yield* rawFrame(bytes);
  }
}

export function encodeSnapshot(
  data: GraphData,
  root: string,
  version = talkgraphVersion(),
): { bytes: Buffer; header: SnapshotHeader } {
  const header = snapshotHeader(data, root, version);
  const frames: Buffer[] = [];
  for (const frame of encodedBlocks(header, data)) frames.push(Buffer.from(frame));
  return { bytes: Buffer.concat(frames), header };
}

/** The lists every graph has: a file that decodes without one of them is not a whole graph. */
const GRAPH_LISTS = [
  'conferences',
  'talks',
  'tools',
  'topics',
  'speakers',
  'links',
  'posts',
  'diagnostics',
] as const satisfies readonly (keyof GraphData)[];

/** Talks as read: mentions unpacked, and the summary a view into the notes, as in the indexer's graph. */
function unpackTalks(talks: TalkModel[]): void {
  for (const talk of talks) {
    talk.mentions = unpackMentions(talk.mentions as unknown as PackedMentions, talk.markdown);
    const at = talk.summary === null ? -1 : talk.notes.indexOf(talk.summary);
    if (at !== -1 && talk.summary !== null) talk.summary = talk.notes.slice(at, at + talk.summary.length);
  }
}

/** Reads blocks into a graph: the header first (refused unless it is this version's), then the rest. */
class SnapshotReader {
  header: SnapshotHeader | undefined;
  private readonly strings: string[] = [];
  private readonly data: Record<string, unknown> = {};
  private search: SearchReader | undefined;

  constructor(private readonly name: string) {}

  notASnapshot(): SnapshotError {
    return new SnapshotError(this.name, 'is not a talkgraph snapshot', writeOne(this.name));
  }

  /** The length of the block that starts with these bytes, when it fits in what is left of the file. */
  blockLength(prefix: Uint8Array, left: number): number {
    if (prefix.length < PREFIX) throw this.notASnapshot();
    const length = new DataView(prefix.buffer, prefix.byteOffset, PREFIX).getUint32(0);
    if (length > left - PREFIX) throw this.notASnapshot();
    return length;
  }

  /** True when the next block is one of the search index's arrays, best read into memory of its own. */
  get wantsOwnBlock(): boolean {
    return this.search?.pending === true;
  }

  /**
   * Forgets the string table once the graph is read (only the graph refers to it). Strings the
   * graph no longer holds (summaries it keeps as slices of the notes) go with it.
   */
  graphRead(): void {
    this.strings.length = 0;
  }

  read(block: Uint8Array): void {
    if (this.search?.pending) {
      this.search.add(block);
      return;
    }
    if (this.header === undefined) {
      this.readHeader(block);
      return;
    }
    let decoded: Block;
    try {
      decoded = withStrings(this.strings, () => packr.unpack(block) as Block);
      if ('items' in decoded && decoded.key === 'talks') unpackTalks(decoded.items as TalkModel[]);
    } catch (error) {
      throw new SnapshotError(this.name, `is damaged: ${(error as Error).message}`);
    }
    if ('search' in decoded) this.search = new SearchReader(decoded.search);
    else if ('lengths' in decoded) readStrings(decoded, this.strings);
    else if ('items' in decoded) {
      const list = (this.data[decoded.key] as unknown[] | undefined) ?? [];
      this.data[decoded.key] = list;
      for (const item of decoded.items) list.push(item);
    } else this.data[decoded.key] = decoded.value;
  }

  private readHeader(block: Uint8Array): void {
    let header: Partial<SnapshotHeader> | undefined;
    try {
      header = packr.unpack(block) as Partial<SnapshotHeader>;
    } catch {
      throw new SnapshotError(
        this.name,
        'is not a talkgraph snapshot (it cannot be decoded)',
        writeOne(this.name),
      );
    }
    if (header?.magic !== MAGIC) throw this.notASnapshot();
    if (header.format !== SNAPSHOT_FORMAT || header.version !== talkgraphVersion()) {
      throw new SnapshotError(
        this.name,
        `was written by talkgraph ${header.version} (snapshot format ${header.format}); this is talkgraph ${talkgraphVersion()} (format ${SNAPSHOT_FORMAT})`,
        `. Rebuild it with this version: talkgraph build --out ${this.name}`,
      );
    }
    this.header = header as SnapshotHeader;
  }

  finish(): Snapshot {
    if (this.header === undefined) throw this.notASnapshot();
    const missing = GRAPH_LISTS.find((list) => !Array.isArray(this.data[list]));
    if (missing !== undefined) {
      throw new SnapshotError(
        this.name,
        `is not a whole talkgraph snapshot: it has no ${missing}`,
        writeOne(this.name),
      );
    }
    const snapshot: Snapshot = { header: this.header, data: this.data as unknown as GraphData };
    if (this.search !== undefined) {
      try {
        snapshot.search = this.search.finish();
      } catch (error) {
        throw new SnapshotError(this.name, `is damaged: ${(error as Error).message}`);
      }
    }
    return snapshot;
  }
}

/** Decodes a snapshot; throws SnapshotError when it is not one or was written by another version. */
export function decodeSnapshot(bytes: Uint8Array, name: string): Snapshot {
  const reader = new SnapshotReader(name);
  let at = 0;
  while (at < bytes.length) {
    const length = reader.blockLength(bytes.subarray(at, at + PREFIX), bytes.length - at);
    at += PREFIX;
    reader.read(bytes.subarray(at, at + length));
    at += length;
  }
  return reader.finish();
}

/**
 * Writes through a temporary file and a rename, so a replica never reads half a snapshot.
 * `search`: the graph's packed search index, written after the graph so a server need not build it.
 * `listBounds`: the graph's list bounds, kept in the header for the same reason.
 */
export async function writeSnapshot(
  file: string,
  data: GraphData,
  root: string,
  search?: PackedIndex,
  listBounds?: Record<string, number>,
): Promise<SnapshotHeader> {
  const header = snapshotHeader(data, root, talkgraphVersion(), listBounds);
  await writeFrames(file, encodedBlocks(header, data, search));
  return header;
}

/** Reads a snapshot block by block: only one block of the file is in memory at a time. */
/**
 * `graphRead`: called once the graph is read, before anything after it (the
 * search index) is: a server settles its heap there, so what reading the
 * graph left is given back before more is held.
 */
export async function readSnapshot(file: string, graphRead?: () => Promise<unknown>): Promise<Snapshot> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new SnapshotError(`snapshot ${file}`, `cannot be read: ${(error as Error).message}`);
  }
  try {
    const reader = new SnapshotReader(file);
    // The graph's blocks are read into one buffer, used again; the search index's arrays each into
    // memory of their own, which they keep.
    let shared = Buffer.alloc(1 << 20);
    const into = (length: number): Buffer => {
      if (reader.wantsOwnBlock) return Buffer.from(new ArrayBuffer(length));
      if (length > shared.length) shared = Buffer.alloc(length);
      return shared;
    };
    let graphDone = false;
    try {
      for await (const block of readFrames(handle, into)) {
        reader.read(block);
        if (reader.wantsOwnBlock && !graphDone) {
          graphDone = true;
          // The read buffer and the string table go first: only the graph's blocks needed them.
          shared = Buffer.alloc(0);
          reader.graphRead();
          await graphRead?.();
        }
      }
    } catch (error) {
      throw error instanceof FrameError ? reader.notASnapshot() : error;
    }
    const snapshot = reader.finish();
    if (!graphDone) await graphRead?.();
    return snapshot;
  } finally {
    await handle.close();
  }
}
