/**
 * Files written as frames (snapshots, warm-start results): what is written
 * is read back frame by frame, and a file cut anywhere inside a frame is
 * refused rather than read as something else.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Packr } from 'msgpackr';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FrameError,
  framed,
  framedInPlace,
  type LaterFrame,
  readFrames,
  writeFrames,
} from '../../src/graph/frames.js';

const packr = new Packr({ useRecords: true, moreTypes: true, copyBuffers: true });
const dir = mkdtempSync(join(tmpdir(), 'talkgraph-frames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string): Promise<unknown[]> {
  const handle = await open(file, 'r');
  try {
    const values: unknown[] = [];
    for await (const frame of readFrames(handle)) values.push(packr.unpack(frame));
    return values;
  } finally {
    await handle.close();
  }
}

const values = fc.array(
  fc.oneof(
    fc.string(),
    fc.array(fc.tuple(fc.string(), fc.integer())),
    fc.record({ text: fc.string({ maxLength: 3000 }), n: fc.integer() }),
  ),
  { maxLength: 12 },
);

describe('framed files', () => {
  it('read back every value written, in order', async () => {
    await fc.assert(
      fc.asyncProperty(values, async (written) => {
        const file = join(dir, 'round-trip');
        await writeFrames(
          file,
          written.map((value) => framed(packr, value)),
        );
        expect(await readAll(file)).toEqual(written);
      }),
      { numRuns: 60 },
    );
  });

  it("read back values framed in the packer's buffer and written one at a time", async () => {
    await fc.assert(
      fc.asyncProperty(values, async (written) => {
        const file = join(dir, 'in-place');
        await writeFrames(
          file,
          (function* () {
            for (const value of written) yield framedInPlace(packr, value);
          })(),
        );
        expect(await readAll(file)).toEqual(written);
      }),
      { numRuns: 60 },
    );
  });

  it('write each frame packed in place whole, though other work packs with msgpackr between frames', async () => {
    const file = join(dir, 'in-place-busy');
    const other = new Packr();
    let busy = true;
    let packed = 0;
    const elsewhere = (): void => {
      if (!busy) return;
      other.pack({ elsewhere: 'y'.repeat(300), packed: packed++ });
      setImmediate(elsewhere);
    };
    setImmediate(elsewhere);
    const written = Array.from({ length: 40 }, (_, i) => ({ text: `frame ${i} `.repeat(300) }));
    try {
      await writeFrames(
        file,
        (function* () {
          for (const value of written) yield framedInPlace(packr, value);
        })(),
      );
    } finally {
      busy = false;
    }
    expect(packed).toBeGreaterThan(0);
    expect(await readAll(file)).toEqual(written);
  });

  it('write frames made as they are taken from an async source whole, though other work packs while it waits', async () => {
    const file = join(dir, 'later');
    const other = new Packr();
    const written = Array.from({ length: 20 }, (_, i) => ({ text: `later ${i} `.repeat(300) }));
    let made = 0;
    async function* source(): AsyncGenerator<Buffer | LaterFrame> {
      yield framed(packr, { head: true });
      for (const value of written) {
        // Queued before the writer takes it, with packing elsewhere in between.
        const later: LaterFrame = () => {
          made++;
          return framedInPlace(packr, value);
        };
        other.pack({ elsewhere: 'z'.repeat(500) });
        await new Promise((resolve) => setImmediate(resolve));
        other.pack({ elsewhere: 'w'.repeat(700) });
        yield later;
      }
    }
    let busy = true;
    const elsewhere = (): void => {
      if (!busy) return;
      other.pack({ elsewhere: 'y'.repeat(300) });
      setImmediate(elsewhere);
    };
    setImmediate(elsewhere);
    try {
      await writeFrames(file, source());
    } finally {
      busy = false;
    }
    expect(made).toBe(written.length);
    expect(await readAll(file)).toEqual([{ head: true }, ...written]);
  });

  it('frame in place in one buffer, reused from its start, rather than a new one for each value', () => {
    const first = framedInPlace(packr, { text: 'a'.repeat(5000) });
    const { buffer, byteOffset } = first;
    const second = framedInPlace(packr, { text: 'b'.repeat(5000) });
    expect(second.buffer).toBe(buffer);
    expect(second.byteOffset).toBe(byteOffset);
    // The length ahead of the value is the value's own.
    expect(second.readUInt32BE(0)).toBe(second.length - 4);
  });

  it('read back frames larger and smaller than what is read at a time, across its edges', async () => {
    const file = join(dir, 'large-and-small');
    // Sizes around the reader's 1 MB window: many small frames, some that straddle it, one larger than it.
    const sizes = [10, 700_000, 3, 400_000, 1_500_000, 90_000, 1_048_570, 1, 260_000];
    const written = sizes.map((n, i) => ({ i, text: String.fromCharCode(97 + (i % 26)).repeat(n) }));
    await writeFrames(
      file,
      written.map((value) => framed(packr, value)),
    );
    expect(await readAll(file)).toEqual(written);
    // Read into buffers of their own, as the search index's arrays are.
    const handle = await open(file, 'r');
    try {
      const own: unknown[] = [];
      for await (const frame of readFrames(handle, (length) => Buffer.alloc(length)))
        own.push(packr.unpack(frame));
      expect(own).toEqual(written);
    } finally {
      await handle.close();
    }
  });

  it('refuse a file cut inside a frame, and lose whole frames only when cut between them', async () => {
    await fc.assert(
      fc.asyncProperty(
        values.filter((v) => v.length > 0),
        fc.nat(),
        async (written, at) => {
          const frames = written.map((value) => framed(packr, value));
          const whole = Buffer.concat(frames);
          const cut = at % whole.length;
          const file = join(dir, 'cut');
          writeFileSync(file, whole.subarray(0, cut));
          // The offsets where a frame ends: a cut there leaves the frames before it, whole.
          const ends = frames.map((_f, i) => frames.slice(0, i + 1).reduce((n, f) => n + f.length, 0));
          const boundary = cut === 0 ? 0 : ends.indexOf(cut) + 1;
          if (cut === 0 || boundary > 0) expect(await readAll(file)).toEqual(written.slice(0, boundary));
          else await expect(readAll(file)).rejects.toBeInstanceOf(FrameError);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('leave no temporary file behind and the old file in place when a frame cannot be made', async () => {
    const file = join(dir, 'kept');
    await writeFrames(file, [framed(packr, 'old')]);
    function* failing(): Generator<Buffer> {
      yield framed(packr, 'new');
      throw new Error('disk full');
    }
    await expect(writeFrames(file, failing())).rejects.toThrow('disk full');
    expect(await readAll(file)).toEqual(['old']);
    expect(readFileSync(file).length).toBe(framed(packr, 'old').length);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leave no temporary file behind and the old file in place when a frame made as it is written cannot be made', async () => {
    const file = join(dir, 'kept-later');
    await writeFrames(file, [framed(packr, 'old')]);
    async function* failing(): AsyncGenerator<Buffer | LaterFrame> {
      yield framed(packr, 'head');
      yield () => framedInPlace(packr, 'new');
      yield () => {
        throw new Error('cannot pack');
      };
    }
    await expect(writeFrames(file, failing())).rejects.toThrow('cannot pack');
    expect(await readAll(file)).toEqual(['old']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('do not leave the packer holding a buffer grown for a large value once the file is written', async () => {
    const file = join(dir, 'large');
    const large = { text: 'x'.repeat(4 * 1024 * 1024) };
    await writeFrames(file, [framed(packr, large)]);
    expect(await readAll(file)).toEqual([large]);
    // What the packer packs into next is a fresh, small buffer, not the one grown for the 4 MB value.
    expect(packr.pack(1).buffer.byteLength).toBeLessThanOrEqual(64 * 1024);
  });
});
