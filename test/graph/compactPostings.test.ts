import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compactPostings } from '../../src/graph/compactPostings.js';

const WORDS = [
  'prometheus',
  'promql',
  'grafana',
  'graph',
  'alert',
  'alerts',
  'latency',
  'kube',
  'kubernetes',
  'the',
];
const OPTIONS = {
  fields: ['name', 'body'],
  searchOptions: {
    boost: { name: 3, body: 0.5 },
    prefix: (term: string) => term.length >= 3,
    fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
    combineWith: 'OR' as const,
  },
};

function indexOf(docs: { name: string; body: string }[]): MiniSearch {
  const mini = new MiniSearch(OPTIONS);
  docs.forEach((doc, id) => {
    mini.add({ id, ...doc });
  });
  return mini;
}

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(' '));

describe('compactPostings', () => {
  it('packs every posting and leaves scores, terms and matches of any query as they were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: text, body: text }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(...WORDS, 'prom', 'graf', 'latncy', 'kub'), { minLength: 1, maxLength: 3 }),
        (docs, query) => {
          const plain = indexOf(docs);
          const packed = indexOf(docs);
          const postings = docs.reduce(
            (n, d) =>
              n +
              new Set(d.name.split(' ').filter(Boolean)).size +
              new Set(d.body.split(' ').filter(Boolean)).size,
            0,
          );
          expect(compactPostings(packed)).toBe(postings);
          const q = query.join(' ');
          expect(packed.search(q)).toEqual(plain.search(q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves an object without a term index alone', () => {
    const notAnIndex = { _index: undefined };
    expect(compactPostings(notAnIndex)).toBe(0);
    expect(notAnIndex).toEqual({ _index: undefined });
  });
});
