/**
 * A layered lookup answers like the map it stands for after each change,
 * and leaves the versions before it as they were, also once it folds its
 * changes into a new base.
 */
import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../../src/graph/layeredMap.js';

describe('LayeredMap', () => {
  it('answers like a copied map after every change and leaves earlier versions untouched', () => {
    const truth = new Map<string, number>();
    for (let i = 0; i < 40; i++) truth.set(`k${i}`, i);
    let layered = LayeredMap.of(new Map(truth));
    const versions: [LayeredMap<number>, Map<string, number>][] = [];
    for (let step = 0; step < 30; step++) {
      const key = `k${(step * 7) % 45}`;
      const value = step % 4 === 0 ? null : 100 + step;
      layered = layered.with([[key, value]]);
      if (value === null) truth.delete(key);
      else truth.set(key, value);
      versions.push([layered, new Map(truth)]);
    }
    for (const [version, expected] of versions) {
      for (let i = 0; i < 45; i++) {
        expect(version.get(`k${i}`)).toBe(expected.get(`k${i}`));
        expect(version.has(`k${i}`)).toBe(expected.has(`k${i}`));
      }
    }
  });
});
