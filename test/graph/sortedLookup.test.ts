import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../../src/graph/layeredMap.js';
import { SortedLookup } from '../../src/graph/sortedLookup.js';

describe('SortedLookup', () => {
  it('finds what a Map filled in list order finds, the last item of a repeated key included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.string({ maxLength: 4 }), n: fc.integer() }), { maxLength: 60 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 20 }),
        (items, probes) => {
          const lookup = new SortedLookup(items, (item) => item.key);
          const map = new Map(items.map((item) => [item.key, item]));
          expect(lookup.size).toBe(map.size);
          for (const key of [...probes, ...items.map((i) => i.key)]) {
            expect(lookup.get(key)).toBe(map.get(key));
            expect(lookup.has(key)).toBe(map.has(key));
          }
          expect(new Map(lookup)).toEqual(map);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is the base of a layered map, which sees changes over it and leaves it as it was', () => {
    const items = [
      { key: 'a', n: 1 },
      { key: 'b', n: 2 },
    ];
    const lookup = new SortedLookup(items, (item) => item.key);
    const layered = LayeredMap.of(lookup).with([
      ['a', null],
      ['c', { key: 'c', n: 3 }],
    ]);
    expect(layered.get('a')).toBeUndefined();
    expect(layered.get('b')).toEqual({ key: 'b', n: 2 });
    expect(layered.get('c')).toEqual({ key: 'c', n: 3 });
    expect(lookup.get('a')).toEqual({ key: 'a', n: 1 });
  });
});
