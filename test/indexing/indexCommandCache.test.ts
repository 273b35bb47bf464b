/**
 * `talkgraph index` with its cache folder: a warm run prints the index a
 * cold run prints, and cache files that cannot be read are named on stderr
 * and ignored, never a failed command.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/indexCommand.js';

let dir: string;
let content: string;
let cacheDir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkgraph-index-cache-'));
  content = join(dir, 'content');
  cacheDir = join(dir, 'cache');
  cpSync('content', content, { recursive: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `talkgraph index --json` in process: its exit code and what it printed. */
async function index(...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(['--content', content, '--json', '--no-catalogue', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('talkgraph index with a cache folder', () => {
  it('prints the same index cold, warm, and over cache files it cannot read, naming those', async () => {
    const cold = await index('--no-cache');
    const first = await index('--cache-dir', cacheDir);
    const warm = await index('--cache-dir', cacheDir);
    expect(first.stdout).toBe(cold.stdout);
    expect(warm).toEqual({ code: 0, stdout: cold.stdout, stderr: '' });

    const files = readdirSync(cacheDir);
    expect(files.filter((name) => name.endsWith('.graph'))).toHaveLength(1);
    expect(files.filter((name) => name.endsWith('.msgpack'))).toHaveLength(1);
    for (const name of files) writeFileSync(join(cacheDir, name), 'damaged');
    const damaged = await index('--cache-dir', cacheDir);
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toBe(cold.stdout);
    expect(damaged.stderr.match(/^talkgraph index: the warm-start .* ignored/gm)).toHaveLength(2);
    for (const name of files) expect(damaged.stderr).toContain(name);
  });
});
