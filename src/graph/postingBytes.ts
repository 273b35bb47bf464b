/**
 * @module graph/postingBytes
 * Posting lists packed as bytes: for each document holding a term (in
 * ascending order), the gap from the document before and the term's
 * frequency in it, both as varints (7 bits a byte), so a posting takes two
 * or three bytes where a pair of 32-bit numbers takes eight. Written once,
 * document by document, then read through read-only views.
 */

/** Bytes of `value` as a varint: 7 bits a byte. */
export function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length++;
  return length;
}

/** Writes `value` as a varint at `at`; returns where the next value goes. */
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  let i = at;
  while (rest >= 0x80) {
    bytes[i++] = (rest % 0x80) | 0x80;
    rest = Math.floor(rest / 0x80);
  }
  bytes[i++] = rest;
  return i;
}

/** Where the varint `readVarint` read last ends. */
let readEnd = 0;

/** The varint at `at`; sets `readEnd` to the byte after it. */
function readVarint(bytes: Uint8Array, at: number): number {
  let value = 0;
  let scale = 1;
  let i = at;
  for (;;) {
    const byte = bytes[i++] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) break;
    scale *= 0x80;
  }
  readEnd = i;
  return value;
}

/**
 * The read-only posting list that stands for MiniSearch's Map: `size`
 * postings from byte `start` of the shared bytes, each the gap from the
 * document before (varint) and the term's frequency in it (varint).
 */
export class PostingView {
  /** The document `keys()` handed out last and the term's frequency in it, so `get` of it needs no decoding. */
  private cursorId = -1;
  private cursorFreq = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: number,
    readonly size: number,
  ) {}

  keys(): IterableIterator<number> {
    const view = this;
    const bytes = this.bytes;
    let at = this.start;
    let id = 0;
    let n = 0;
    return {
      [Symbol.iterator]() {
        return this;
      },
      next(): IteratorResult<number> {
        if (n >= view.size) return { done: true, value: undefined };
        n++;
        id += readVarint(bytes, at);
        view.cursorFreq = readVarint(bytes, readEnd);
        at = readEnd;
        view.cursorId = id;
        return { done: false, value: id };
      },
    };
  }

  get(id: number): number | undefined {
    if (id === this.cursorId) return this.cursorFreq;
    let at = this.start;
    let current = 0;
    for (let n = 0; n < this.size && current <= id; n++) {
      current += readVarint(this.bytes, at);
      const freq = readVarint(this.bytes, readEnd);
      at = readEnd;
      if (current === id) return freq;
    }
    return undefined;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
}

/** The posting lists while they are written, document by document: each list's write position, last document and pending frequency. */
export class Writer {
  private readonly at: Uint32Array;
  private readonly last: Int32Array;
  private readonly freq: Uint32Array;

  constructor(
    private readonly bytes: Uint8Array,
    starts: Uint32Array,
  ) {
    this.at = starts.slice(0, starts.length - 1);
    this.last = new Int32Array(this.at.length).fill(-1);
    this.freq = new Uint32Array(this.at.length);
  }

  add(pair: number, id: number): void {
    const last = this.last[pair] as number;
    if (last === id) {
      (this.freq[pair] as number)++;
      return;
    }
    if (last >= 0)
      this.at[pair] = writeVarint(this.bytes, this.at[pair] as number, this.freq[pair] as number);
    this.at[pair] = writeVarint(this.bytes, this.at[pair] as number, id - Math.max(last, 0));
    this.last[pair] = id;
    this.freq[pair] = 1;
  }

  /** Writes every list's last frequency. */
  finish(): void {
    for (let pair = 0; pair < this.at.length; pair++) {
      if ((this.last[pair] as number) >= 0)
        writeVarint(this.bytes, this.at[pair] as number, this.freq[pair] as number);
    }
  }
}
