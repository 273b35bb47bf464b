/**
 * Serving while indexing: the index pauses every few milliseconds, so a
 * health probe sent while it runs is answered at once with 503, not held
 * until the graph is ready.
 */
import { describe, expect, it } from 'vitest';
import { makePost } from '../bench/corpus.js';
import { indexFilesAsync } from '../src/indexing/indexer.js';
import { createHttpServer } from '../src/server/http.js';
import { loadedFiles } from './helpers/indexText.js';

const corpus = () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) files[`posts/p${i}.md`] = makePost(i);
  return loadedFiles(files);
};

describe('indexing while serving', () => {
  it('answers /health with 503 while the first index runs, then 200', async () => {
    const http = createHttpServer();
    const base = await http.listen(0, '127.0.0.1');
    try {
      let indexed = false;
      const indexing = indexFilesAsync(corpus(), { catalogue: false }).then((data) => {
        indexed = true;
        http.ready((_req, res) => res.end('graphql'), { talks: data.talks.length });
      });
      const probe = await fetch(new URL('/health', base));
      expect({ status: probe.status, whileIndexing: !indexed }).toEqual({ status: 503, whileIndexing: true });
      await indexing;
      expect((await fetch(new URL('/health', base))).status).toBe(200);
    } finally {
      await http.close();
    }
  });
});
