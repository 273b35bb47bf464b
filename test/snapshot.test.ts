/**
 * Snapshots: `talkgraph build --out` writes the graph that `serve --snapshot`
 * serves. A snapshot answers as the live index does, and one from another
 * version (or not a snapshot at all) is refused with a message that says how
 * to rebuild it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withPackedSearch } from '../src/graph/discovery.js';
import { SearchIndex } from '../src/graph/search.js';
import {
  decodeSnapshot,
  encodeSnapshot,
  readSnapshot,
  SNAPSHOT_FORMAT,
  SnapshotError,
  talkgraphVersion,
  writeSnapshot,
} from '../src/graph/snapshot.js';
import type { GraphData } from '../src/graph/store.js';
import { indexContent } from '../src/indexing/indexer.js';
import { listBounds } from '../src/schema/listBounds.js';
import { bundledGraph, clientFor } from './helpers/graphqlClient.js';

const dir = mkdtempSync(join(tmpdir(), 'talkgraph-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readme = readFileSync('README.md', 'utf8');
const readmeQueries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('a snapshot', () => {
  it('reads back every string after one with a lone surrogate, even where two would join into a pair', async () => {
    const live = await indexContent({ root: 'test/fixtures/corpus' });
    const talk = live.data.talks[0];
    if (talk === undefined) throw new Error('the corpus has talks');
    // New strings, one after the other in the string table: a high surrogate ends the first, a low one starts the second.
    talk.speakerSlugs = ['ends \ud83d', '\ude00 starts', 'after them'];
    const { data } = decodeSnapshot(encodeSnapshot(live.data, 'corpus').bytes, 'graph.snapshot');
    // UTF-8 cannot hold a lone surrogate: each is read as U+FFFD, and nothing after it moves.
    expect(data.talks[0]?.speakerSlugs).toEqual(['ends \ufffd', '\ufffd starts', 'after them']);
    expect(data.talks[0]?.title).toBe(talk.title);
    expect(data.talks.slice(1)).toEqual(live.data.talks.slice(1));
  });

  it('holds the same graph as the live index, diagnostics included', async () => {
    const live = await indexContent({ root: 'test/fixtures/corpus' });
    const file = join(dir, 'corpus.snapshot');
    const header = await writeSnapshot(file, live.data, 'test/fixtures/corpus');
    expect(header.counts.talks).toBe(live.data.talks.length);
    const { data } = await readSnapshot(file);
    expect(data).toEqual(live.data);
    expect(data.diagnostics.length).toBeGreaterThan(0);
  });

  it("answers the README's queries as the live index does", async () => {
    const live = await bundledGraph();
    const file = join(dir, 'bundled.snapshot');
    await writeSnapshot(file, live, 'content');
    const { data } = await readSnapshot(file);
    const fromLive = clientFor(live);
    const fromSnapshot = clientFor(data);
    expect(readmeQueries.length).toBeGreaterThan(0);
    for (const query of readmeQueries) {
      const expected = await fromLive.query(query);
      expect(expected.errors).toBeUndefined();
      expect(await fromSnapshot.query(query)).toEqual(expected);
    }
  });

  it('restores the search index written with it, which answers every search as one built afresh', async () => {
    const live = await indexContent({ root: 'test/fixtures/corpus' });
    const built = SearchIndex.build(live.data);
    const file = join(dir, 'with-search.snapshot');
    await writeSnapshot(file, live.data, 'test/fixtures/corpus', built.packed());
    const { data, search } = await readSnapshot(file);
    expect(search).toBeDefined();
    const restored = SearchIndex.restore(data, search as NonNullable<typeof search>);
    const words = live.data.talks.flatMap((t) => t.title.split(/\s+/)).filter((w) => w.length > 2);
    const queries = [...words.slice(0, 40), 'kubernets', 'promet', 'obs', 'grafana loki', 'zzzz'];
    for (const query of queries) {
      expect(restored.search(query, { limit: 50 })).toEqual(built.search(query, { limit: 50 }));
    }
    expect(restored.rank('kubernetes', ['talk'])).toEqual(built.rank('kubernetes', ['talk']));
  });

  it('keeps the list bounds measured when it was written, so a replica need not measure them', async () => {
    const live = await bundledGraph();
    const file = join(dir, 'bounds.snapshot');
    await writeSnapshot(file, live, 'content', undefined, listBounds(live));
    const { header, data } = await readSnapshot(file);
    expect(header.listBounds).toEqual(listBounds(data));
    expect(header.listBounds?.['Talk.tools']).toBeGreaterThan(0);
    await writeSnapshot(file, live, 'content');
    expect((await readSnapshot(file)).header.listBounds).toBeUndefined();
  });

  it('tells its reader once when the graph is read, with or without a search index after it', async () => {
    const live = await bundledGraph();
    const packed = SearchIndex.build(live).packed();
    for (const [name, search] of [
      ['no-search', undefined],
      ['search', packed],
    ] as const) {
      const file = join(dir, `${name}-told.snapshot`);
      await writeSnapshot(file, live, 'content', search);
      const told: boolean[] = [];
      const read = await readSnapshot(file, async () => {
        told.push(true);
      });
      expect(told).toEqual([true]);
      expect(read.search === undefined).toBe(search === undefined);
    }
  });

  it('cut short inside its search index is refused as damaged', async () => {
    const live = await bundledGraph();
    const packed = SearchIndex.build(live).packed() as NonNullable<ReturnType<SearchIndex['packed']>>;
    const file = join(dir, 'cut-search.snapshot');
    await writeSnapshot(file, live, 'content', packed);
    const bytes = readFileSync(file);
    // Without its last block, the search index's postings.
    const cut = bytes.subarray(0, bytes.length - 4 - packed.postings.byteLength);
    expect(() => decodeSnapshot(cut, 'graph.snapshot')).toThrow(
      'graph.snapshot is damaged: the search index is cut short',
    );
  });

  it('answers searches through the API from the search index written with it', async () => {
    const live = await bundledGraph();
    const file = join(dir, 'bundled-search.snapshot');
    await writeSnapshot(file, live, 'content', SearchIndex.build(live).packed());
    const { data, search } = await readSnapshot(file);
    withPackedSearch(data, search as NonNullable<typeof search>);
    const query =
      '{ search(query: "kubernetes observability gvisor", first: 20) { score snippet node { id } } }';
    const expected = await clientFor(live).query(query);
    expect(expected.errors).toBeUndefined();
    // Matched words are marked in the snippets: the answer has hits to compare.
    expect(JSON.stringify(expected.data)).toContain('«');
    expect(await clientFor(data).query(query)).toEqual(expected);
  });

  it('written by another version is refused with how to rebuild it', async () => {
    const { bytes } = encodeSnapshot(await bundledGraph(), 'content', '0.0.0-old');
    expect(() => decodeSnapshot(bytes, 'graph.snapshot')).toThrow(SnapshotError);
    expect(() => decodeSnapshot(bytes, 'graph.snapshot')).toThrow(
      `graph.snapshot was written by talkgraph 0.0.0-old (snapshot format ${SNAPSHOT_FORMAT}); this is talkgraph ${talkgraphVersion()}`,
    );
    expect(() => decodeSnapshot(bytes, 'graph.snapshot')).toThrow('talkgraph build --out graph.snapshot');
  });

  it('of an older format from this same version is refused with how to rebuild it', async () => {
    const { bytes } = encodeSnapshot(await bundledGraph(), 'content');
    // The header's format, a small number right after its magic, set back by one.
    const magic = Buffer.from('talkgraph-snapshot');
    const at = bytes.indexOf(magic) + magic.length;
    expect(bytes[at]).toBe(SNAPSHOT_FORMAT);
    bytes[at] = SNAPSHOT_FORMAT - 1;
    expect(() => decodeSnapshot(bytes, 'old.snapshot')).toThrow(
      `(snapshot format ${SNAPSHOT_FORMAT - 1}); this is talkgraph ${talkgraphVersion()} (format ${SNAPSHOT_FORMAT}). Rebuild it with this version: talkgraph build --out old.snapshot`,
    );
  });

  it('without one of the graph lists is refused, naming the list', async () => {
    const { links: _, ...partial } = await bundledGraph();
    const { bytes } = encodeSnapshot(partial as GraphData, 'content');
    expect(() => decodeSnapshot(bytes, 'graph.snapshot')).toThrow(
      'graph.snapshot is not a whole talkgraph snapshot: it has no links',
    );
  });

  it('that is not one is refused by name', async () => {
    expect(() => decodeSnapshot(Buffer.from('{"talks": []}'), 'notes.json')).toThrow(
      'notes.json is not a talkgraph snapshot',
    );
    await expect(readSnapshot(join(dir, 'missing.snapshot'))).rejects.toThrow(
      /missing\.snapshot cannot be read/,
    );
  });
});
