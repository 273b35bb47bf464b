/**
 * @module graph/frames
 * Files written as a run of MessagePack values, each behind its length in
 * bytes (4 bytes, big-endian). A writer packs and writes one value at a
 * time and a reader reads one at a time, so neither holds the whole file: a
 * graph or the results of 10,000 posts are over 100 MB packed, and packing
 * them as one value held that much again, twice over while the packer's
 * buffer grew. Snapshots and the warm-start results are written so.
 */
import { writeSync } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { type Packr, RESERVE_START_SPACE, RESET_BUFFER_MODE } from 'msgpackr';

/** Bytes of the length before each frame. */
export const PREFIX = 4;

/** Largest packing buffer kept once a file is written. */
const KEEP_PACK_BUFFER = 64 * 1024;
/** Packers whose buffer grew past `KEEP_PACK_BUFFER` while a file was being framed. */
const grown = new Set<Packr>();

/** Packs in place: the packer's buffer is reused from its start, with room for the length ahead of the value. */
const IN_PLACE = RESET_BUFFER_MODE | RESERVE_START_SPACE | PREFIX;

/**
 * A value packed behind its length, in the packer's buffer: valid only until
 * anything in the process packs with msgpackr again (its buffer is one for
 * the whole module, shared by every packer), so for `writeFrames` over a
 * generator, which writes each frame before anything else runs. Left to
 * itself, the packer goes on after each value and takes a new buffer when
 * one is full, and each frame copied out was another: writing a graph of
 * 10,000 posts left some 80 MB of them for the collector.
 */
export function framedInPlace(packr: Packr, value: unknown): Buffer {
  const frame = packr.pack(value, IN_PLACE);
  frame.writeUInt32BE(frame.length - PREFIX, 0);
  if (frame.buffer.byteLength > KEEP_PACK_BUFFER) grown.add(packr);
  return frame;
}

/** A value packed behind its length, in a buffer of its own. */
export function framed(packr: Packr, value: unknown): Buffer {
  return Buffer.from(framedInPlace(packr, value));
}

/** Bytes written as they are, behind their length, without copying them: a frame a reader reads raw. */
export function* rawFrame(bytes: Uint8Array): Generator<Buffer> {
  const prefix = Buffer.allocUnsafe(PREFIX);
  prefix.writeUInt32BE(bytes.byteLength, 0);
  yield prefix;
  yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The packer packs into one buffer that it grows to four times the largest value it met, and keeps
 * for the life of the process: after a graph's frames, tens of MB that a server held for nothing.
 * Once a file is written no frame of it points into it, so a large one is given back then (not after
 * each value: growing it anew for every frame left the allocator's memory fragmented).
 */
function releasePackBuffers(): void {
  for (const packr of grown) packr.useBuffer(Buffer.allocUnsafeSlow(KEEP_PACK_BUFFER));
  grown.clear();
}

/** Writes all of `bytes` at the file's current position. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * A frame made when the writer takes it (`framedInPlace`), and written in the same turn: a frame
 * handed over in the packer's buffer would not outlive the next pack, and a copy of it would be
 * one more buffer left for the collector.
 */
export type LaterFrame = () => Buffer;

/**
 * Writes the frames one at a time through a temporary file and a rename, so
 * no reader sees half a file. Frames from an iterable may be packed in place
 * (`framedInPlace`): each is made and written in one turn of the event loop,
 * before anything else can pack over it, and other work runs between frames.
 * Frames from an async iterable are written as they come: buffers of their
 * own (`framed`), or frames made as they are written (`LaterFrame`).
 */
export async function writeFrames(
  file: string,
  frames: Iterable<Buffer> | AsyncIterable<Buffer | LaterFrame>,
): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      if (Symbol.iterator in frames) {
        const each = frames[Symbol.iterator]();
        for (let next = each.next(); !next.done; next = each.next()) {
          writeAll(handle.fd, next.value);
          await new Promise((resolve) => setImmediate(resolve));
        }
      } else {
        for await (const frame of frames) {
          if (typeof frame === 'function') writeAll(handle.fd, frame());
          else await handle.write(frame);
        }
      }
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } finally {
    releasePackBuffers();
    // After a failed write (a full disk, say), no half-written file is left behind.
    await rm(tmp, { force: true });
  }
}

/** Reads exactly `length` bytes at `position` into `into`; fewer when the file ends first. */
async function readAt(handle: FileHandle, into: Buffer, length: number, position: number): Promise<Buffer> {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(into, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return into.subarray(0, got);
}

/** A file that is not a run of frames: a length runs past its end. */
export class FrameError extends Error {}

/** A buffer that grows to the largest frame asked of it and is used again for every frame. */
function reusedBuffer(): (length: number) => Buffer {
  let buffer = Buffer.alloc(1 << 16);
  return (length) => {
    if (length > buffer.length) buffer = Buffer.alloc(length);
    return buffer;
  };
}

/** Bytes read from a file at a time while its frames are read: most frames are smaller. */
const READ_AHEAD = 1 << 20;

/**
 * Reads a file through a window of `READ_AHEAD` bytes: one read for many
 * small frames, where reading each frame's length and then its bytes took
 * two reads a frame, each a trip through the thread pool (about 1,100 at
 * 10,000 posts, half a second of a replica's start spent waiting).
 */
class ReadAhead {
  private window: Buffer;
  /** Where in the file the window starts, and how many of its bytes hold the file. */
  private from = 0;
  private held = 0;

  constructor(
    private readonly handle: FileHandle,
    size: number,
  ) {
    this.window = Buffer.allocUnsafe(Math.max(PREFIX, Math.min(READ_AHEAD, size)));
  }

  /** Copies the `length` bytes at `position` into `into`; fewer when the file ends first. */
  async read(into: Buffer, length: number, position: number): Promise<Buffer> {
    let got = 0;
    while (got < length) {
      const at = position + got - this.from;
      if (at >= 0 && at < this.held) {
        const n = Math.min(length - got, this.held - at);
        this.window.copy(into, got, at, at + n);
        got += n;
      } else if (length - got >= this.window.length) {
        // As large as the window or larger: read straight where it goes.
        const read = await readAt(this.handle, into.subarray(got), length - got, position + got);
        got += read.length;
        if (read.length === 0) break;
      } else {
        this.from = position + got;
        this.held = (await readAt(this.handle, this.window, this.window.length, this.from)).length;
        if (this.held === 0) break;
      }
    }
    return into.subarray(0, got);
  }
}

/**
 * Each frame's bytes in order, each read into the buffer `into` gives for
 * its length (by default one buffer, reused): a frame in a reused buffer is
 * valid until the next is asked for, so unpack it before going on (and
 * unpack with `copyBuffers`, or binary values would point into the buffer).
 */
export async function* readFrames(
  handle: FileHandle,
  into: (length: number) => Buffer = reusedBuffer(),
): AsyncGenerator<Buffer> {
  const size = (await handle.stat()).size;
  const file = new ReadAhead(handle, size);
  const prefix = Buffer.alloc(PREFIX);
  let at = 0;
  while (at < size) {
    const head = await file.read(prefix, PREFIX, at);
    if (head.length < PREFIX) throw new FrameError(`a frame's length is cut off at byte ${at}`);
    const length = head.readUInt32BE(0);
    at += PREFIX;
    if (length > size - at)
      throw new FrameError(`a frame of ${length} bytes runs past the end at byte ${at}`);
    yield await file.read(into(length), length, at);
    at += length;
  }
}
