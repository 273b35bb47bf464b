import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import { SEARCH_LIMIT_MAX, SearchIndex, SNIPPET_MAX } from '../../src/graph/search.js';
import { syntheticGraph, TALK } from '../helpers/syntheticGraph.js';

const index = SearchIndex.build(syntheticGraph());

describe('SearchIndex', () => {
  it('finds Prometheus from the typo "promethues"', () => {
    const [first] = index.search('promethues');
    expect(first).toMatchObject({ kind: 'tool', key: 'prometheus' });
  });

  it('finds a tool by prefix and by alias', () => {
    expect(index.search('grafa')[0]).toMatchObject({ kind: 'tool', key: 'grafana' });
    expect(index.search('runsc')[0]).toMatchObject({ kind: 'tool', key: 'gvisor' });
  });

  it('returns only the requested kinds', () => {
    const hits = index.search('prometheus', { types: ['talk'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'talk')).toBe(true);
    const both = index.search('prometheus', { types: ['tool', 'link'] });
    expect(new Set(both.map((h) => h.kind))).toEqual(new Set(['tool', 'link']));
  });

  it('treats an empty types list as every kind', () => {
    expect(index.search('prometheus', { types: [] })).toEqual(index.search('prometheus'));
  });

  it('ranks the talk whose title matches above talks that only mention the term', () => {
    const hits = index.search('dashboards', { types: ['talk'] });
    expect(hits.map((h) => h.key)).toContain(TALK.alerting);
    expect(hits[0]?.key).toBe(TALK.dashboards);
  });

  it('finds conferences by location, speakers by name and links by host', () => {
    expect(index.search('copenhagen')[0]).toMatchObject({ kind: 'conference' });
    expect(index.search('jane doe')[0]).toMatchObject({ kind: 'speaker', key: 'jane-doe' });
    expect(index.search('prometheus.io', { types: ['link'] })[0]?.key).toBe(
      'https://prometheus.io/docs/alerting/latest/overview/',
    );
  });

  it('returns nothing for an empty or blank query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \n\t')).toEqual([]);
    expect(index.search('!!! ...')).toEqual([]);
  });

  it('returns 10 hits by default, honours limit and caps it at 50', () => {
    const data = syntheticGraph();
    for (let i = 0; i < 80; i++) {
      data.speakers.push({
        slug: `speaker-${i}`,
        name: `Speaker Number ${i}`,
        affiliation: null,
        talkSlugs: [],
      });
    }
    const big = SearchIndex.build(data);
    expect(big.search('speaker')).toHaveLength(10);
    expect(big.search('speaker', { limit: 3 })).toHaveLength(3);
    expect(big.search('speaker', { limit: 1000 })).toHaveLength(SEARCH_LIMIT_MAX);
    expect(big.search('speaker', { limit: 0 })).toEqual([]);
  });

  it('wraps the matched term in «» in a snippet of at most 160 characters', () => {
    const data = syntheticGraph();
    const talk = data.talks.find((t) => t.slug === TALK.delivery);
    if (talk === undefined) throw new Error('fixture changed');
    talk.notes = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Then we adopted Tekton for the pipelines. ${'More words follow here. '.repeat(20)}`;
    const [hit] = SearchIndex.build(data).search('tekton');
    expect(hit?.key).toBe(TALK.delivery);
    expect(hit?.snippet).toContain('«Tekton»');
    expect(hit?.snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
    expect(hit?.snippet.startsWith('…')).toBe(true);
    expect(hit?.snippet.endsWith('…')).toBe(true);
  });

  it('quotes the notes rather than the tag list when both match', () => {
    const hits = index.search('stackdriver', { types: ['talk'] });
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      expect(hit.snippet).toMatch(/«Stackdriver» (now ingests|side by side)/);
      expect(hit.snippet).not.toContain('Kubernetes,');
    }
  });

  it('keeps snippets within 160 characters for every hit', () => {
    for (const query of ['kubernetes', 'the', 'container', 'https', 'prometheus grafana gvisor']) {
      const hits = index.search(query, { limit: 50 });
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.snippet.length).toBeLessThanOrEqual(SNIPPET_MAX);
      }
    }
  });

  it('is deterministic and breaks ties in corpus order', () => {
    const hits = index.search('gvisor', { types: ['talk'] });
    expect(hits.length).toBeGreaterThan(1);
    expect(index.search('gvisor', { types: ['talk'] })).toEqual(hits);
    for (let i = 1; i < hits.length; i++) {
      expect((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0)).toBe(true);
    }
    // Two speakers with the same name score the same: the one listed first comes first, either way round.
    const twins = (slugs: string[]) => {
      const data = syntheticGraph();
      for (const slug of slugs)
        data.speakers.push({ slug, name: 'Quentin Twin', affiliation: null, talkSlugs: [] });
      return SearchIndex.build(data)
        .search('quentin twin', { types: ['speaker'] })
        .map((h) => h.key);
    };
    expect(twins(['twin-b', 'twin-a'])).toEqual(['twin-b', 'twin-a']);
    expect(twins(['twin-a', 'twin-b'])).toEqual(['twin-a', 'twin-b']);
  });

  it('hands the index at most 12 terms from the first 256 characters of a huge hostile query', () => {
    const searched = vi.spyOn(MiniSearch.prototype, 'search');
    try {
      const hits = index.search(`${'kubernetes '.repeat(5000)}${'x'.repeat(10_000)}`);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(10);
      // Ranking and snippets each ask the index once; every ask is capped.
      expect(searched.mock.calls.length).toBeGreaterThan(0);
      for (const call of searched.mock.calls) {
        const sent = String(call[0]);
        expect(sent.length).toBeLessThanOrEqual(256);
        expect(sent.split(/\s+/).length).toBeLessThanOrEqual(12);
        expect(sent).not.toContain('x'.repeat(10));
      }
    } finally {
      searched.mockRestore();
    }
  });
});
