import fc from 'fast-check';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { buildCompact, packedIndex, restoreCompact, treeOrder } from '../../src/graph/compactPostings.js';

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

function indexOf(
  docs: { name: string; body: string }[],
  compact: boolean,
): { mini: MiniSearch; packed: number } {
  const mini = new MiniSearch(OPTIONS);
  const each = () => docs.map((doc, id) => ({ id, ...doc }));
  if (!compact) {
    mini.addAll(each());
    return { mini, packed: 0 };
  }
  return { mini, packed: buildCompact(mini, each) };
}

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(' '));

describe('compactPostings', () => {
  it('packs every posting and leaves scores, terms and matches of any query as they were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: text, body: text }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(...WORDS, 'prom', 'graf', 'latncy', 'kub'), { minLength: 1, maxLength: 3 }),
        (docs, query) => {
          const plain = indexOf(docs, false).mini;
          const { mini: packed, packed: count } = indexOf(docs, true);
          const postings = docs.reduce(
            (n, d) =>
              n +
              new Set(d.name.split(' ').filter(Boolean)).size +
              new Set(d.body.split(' ').filter(Boolean)).size,
            0,
          );
          expect(count).toBe(postings);
          const q = query.join(' ');
          expect(packed.search(q)).toEqual(plain.search(q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds the same terms by prefix and typo, in the same order, over many similar terms', () => {
    // Short words over three letters: many share prefixes and lie within an edit or two of each other.
    const word = fc
      .array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 7 })
      .map((letters) => letters.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { maxLength: 8 }), { minLength: 1, maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (docs, query) => {
          const texts = docs.map((words) => ({ name: words.slice(0, 2).join(' '), body: words.join(' ') }));
          const q = query.join(' ');
          const options = { prefix: true, fuzzy: 2 };
          expect(indexOf(texts, true).mini.search(q, options)).toEqual(
            indexOf(texts, false).mini.search(q, options),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps scores over documents far apart and terms repeated hundreds of times', () => {
    const docs = Array.from({ length: 700 }, (_, i) => ({
      name: i % 300 === 0 ? 'grafana' : 'kube',
      body: i % 250 === 0 ? Array.from({ length: 200 + i }, () => 'prometheus').join(' ') : 'alert',
    }));
    for (const q of ['grafana', 'prometheus', 'prom', 'alrt kube']) {
      expect(indexOf(docs, true).mini.search(q)).toEqual(indexOf(docs, false).mini.search(q));
    }
  });

  it('answers the same from its packed form put back into a new index, without adding any document', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: text, body: text }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(...WORDS, 'prom', 'graf', 'latncy', 'kub'), { minLength: 1, maxLength: 3 }),
        (docs, query) => {
          const built = indexOf(docs, true).mini;
          const packed = packedIndex(built);
          expect(packed).toBeDefined();
          const restored = new MiniSearch(OPTIONS);
          restoreCompact(restored, packed as NonNullable<typeof packed>);
          const q = query.join(' ');
          expect(restored.search(q)).toEqual(built.search(q));
          expect(restored.documentCount).toBe(docs.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses a packed index made with other fields', () => {
    const packed = packedIndex(indexOf([{ name: 'grafana', body: 'alert' }], true).mini);
    const other = new MiniSearch({ fields: ['name', 'body', 'tags'] });
    expect(() => restoreCompact(other, packed as NonNullable<typeof packed>)).toThrow('does not fit');
  });

  it('builds an index whose layout it does not know as the index builds itself', () => {
    const added: unknown[] = [];
    const notAnIndex = { _index: undefined, add: (doc: unknown) => added.push(doc) };
    expect(buildCompact(notAnIndex, () => [{ id: 1 }, { id: 2 }])).toBe(0);
    expect(added).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('builds an index of more fields than a byte can number as the index builds itself, with the same answers', () => {
    const fields = Array.from({ length: 300 }, (_, i) => `f${i}`);
    const docs = [
      { id: 0, f0: 'prometheus alerts', f299: 'grafana' },
      { id: 1, f256: 'prometheus', f1: 'kubernetes' },
    ];
    const compact = new MiniSearch({ fields });
    expect(buildCompact(compact, () => docs)).toBe(0);
    const plain = new MiniSearch({ fields });
    plain.addAll(docs);
    for (const query of ['prometheus', 'grafana', 'kubernetes']) {
      expect(compact.search(query)).toEqual(plain.search(query));
    }
  });

  it('refuses documents that are not numbered 0, 1, 2, … in the order they are added', () => {
    const mini = new MiniSearch(OPTIONS);
    expect(() => buildCompact(mini, () => [{ id: 1, name: 'grafana', body: '' }])).toThrow('out of order');
  });

  it("lists terms in the order of MiniSearch's whole tree while holding one first character's branch at a time", () => {
    // Few letters and short words, so that terms share prefixes and branches are cut and remade often.
    const term = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '\ud83d'), maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(term, { maxLength: 60 }), (terms) => {
        const whole = new SearchableMap<number>();
        for (const [i, t] of terms.entries()) whole.set(t, i);
        const made: number[] = [];
        const order = treeOrder(terms, () => {
          made.push(0);
          return new SearchableMap<number>();
        });
        expect(order).toEqual([...whole.values()]);
        expect(made.length).toBe(new Set(terms.map((t) => t.slice(0, 1))).size);
      }),
      { numRuns: 3000 },
    );
  });
});
