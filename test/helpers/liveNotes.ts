/**
 * A notes folder for live-graph tests: two posts of one talk each, and a
 * cache folder beside it, both made before each test and removed after it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A post of one talk at FooConf 2019 with a video, whose note names gVisor unless told otherwise. */
export const onePost = (title: string, note = 'We ran gVisor.') =>
  `---\ntitle: Notes from FooConf 2019\n---\n## ${title}\n- Video: https://youtu.be/abcdefghijk\n\n${note}\n`;

export interface LiveNotes {
  root: string;
  cacheDir: string;
  /** Writes a file under the notes folder, by its slash-separated path. */
  write(path: string, text: string): void;
}

/** Registers the folders' set-up and clean-up with the calling test file; `posts/a.md` and `posts/b.md` hold Talk A and B. */
export function liveNotes(name: string): LiveNotes {
  const notes: LiveNotes = {
    root: '',
    cacheDir: '',
    write: (path, text) => writeFileSync(join(notes.root, ...path.split('/')), text),
  };
  beforeEach(() => {
    notes.root = mkdtempSync(join(tmpdir(), `talkgraph-${name}-`));
    notes.cacheDir = mkdtempSync(join(tmpdir(), `talkgraph-${name}-cache-`));
    mkdirSync(join(notes.root, 'posts'));
    notes.write('posts/a.md', onePost('Talk A'));
    notes.write('posts/b.md', onePost('Talk B'));
  });
  afterEach(() => {
    rmSync(notes.root, { recursive: true, force: true });
    rmSync(notes.cacheDir, { recursive: true, force: true });
  });
  return notes;
}
