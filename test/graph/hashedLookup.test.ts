import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashedLookup } from '../../src/graph/hashedLookup.js';
import { LayeredMap } from '../../src/graph/layeredMap.js';

describe('HashedLookup', () => {
  it('finds what a Map filled in list order finds, the last item of a repeated key included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.string({ maxLength: 4 }), n: fc.integer() }), { maxLength: 60 }),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 20 }),
        (items, probes) => {
          const lookup = new HashedLookup(items, (item) => item.key);
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
    const items = Array.from({ length: 20 }, (_, n) => ({ key: `k${n}`, n }));
    const lookup = new HashedLookup(items, (item) => item.key);
    const layered = LayeredMap.of(lookup).with([
      ['k1', null],
      ['new', { key: 'new', n: 99 }],
    ]);
    expect(layered.get('k1')).toBeUndefined();
    expect(layered.get('k2')).toEqual({ key: 'k2', n: 2 });
    expect(layered.get('new')).toEqual({ key: 'new', n: 99 });
    expect(lookup.get('k1')).toEqual({ key: 'k1', n: 1 });
  });
});
