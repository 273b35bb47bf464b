/**
 * A snapshot's string table: every distinct string gets one number (any
 * UTF-16 text, lone surrogates included), the same for equal strings
 * however they were made, across the table's growths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringTable } from '../../src/graph/snapshotStrings.js';

/** The numbers `refs` gave the strings of `values`, in order. */
function numbers(table: StringTable, values: string[]): number[] {
  return (table.refs(values) as { index: number }[]).map((ref) => ref.index);
}

describe('a snapshot string table', () => {
  it('numbers each distinct string once, in the order first met', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 300 }), (values) => {
        const table = new StringTable();
        const got = numbers(table, values);
        const distinct = [...new Set(values)];
        expect(table.strings).toEqual(distinct);
        expect(got).toEqual(values.map((v) => distinct.indexOf(v)));
      }),
      { numRuns: 100 },
    );
  });

  it('gives an equal string built anew the number of the first', () => {
    const table = new StringTable();
    const url = `https://example.com/${'path/'.repeat(8)}end`;
    const [first] = numbers(table, [url]);
    const again = ['https://example.com/', 'path/'.repeat(8), 'end'].join('');
    expect(numbers(table, [again])).toEqual([first]);
    expect(table.strings).toHaveLength(1);
  });

  it('keeps strings apart that differ in one character, past many growths of the table', () => {
    const table = new StringTable();
    // 20,000 strings alike but for six digits in the middle: the table grows from 4,096 slots to 65,536.
    const values = Array.from(
      { length: 20_000 },
      (_, i) => `${'a'.repeat(16)}-${String(i).padStart(6, '0')}-${'z'.repeat(16)}`,
    );
    const got = numbers(table, [...values, ...values]);
    expect(got.slice(0, values.length)).toEqual(values.map((_, i) => i));
    expect(got.slice(values.length)).toEqual(values.map((_, i) => i));
    expect(table.strings).toEqual(values);
  });
});
