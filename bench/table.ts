/**
 * @module bench/table
 * The one table `npm run bench` prints: each figure beside its baseline from
 * the same run, as the median of its repeats with the range over them, the
 * ratio of the medians, and the goal it is held to. Every suite (indexing,
 * serving) returns rows of this shape; `run.ts` prints them together.
 */
import { median } from './stats.js';

export interface Figure {
  /** What was measured, e.g. "bare parse, 1,000 posts (process)". */
  name: string;
  /** One value per repeat. */
  runs: number[];
}

export interface Row {
  group: string;
  /** The figure under test. */
  figure: Figure;
  /** What it is compared with, measured in the same run; absent for absolute goals. */
  baseline?: Figure;
  unit: 'ms' | 'MB' | 'req/s';
  /** The goal as text ("≤ 2.0x", "≤ 250 MB") and whether the medians meet it. */
  goal?: { text: string; holds: (value: number) => boolean };
  /** Why a row could not be measured (a missing tool): printed instead of figures. */
  skipped?: string;
}

function fmt(value: number, unit: Row['unit']): string {
  return unit === 'ms' && value < 100 ? value.toFixed(1) : value.toFixed(0);
}

function cell(f: Figure | undefined, unit: Row['unit']): string {
  if (f === undefined || f.runs.length === 0) return '';
  const lo = Math.min(...f.runs);
  const hi = Math.max(...f.runs);
  const range = f.runs.length > 1 ? ` (${fmt(lo, unit)}–${fmt(hi, unit)})` : '';
  return `${fmt(median(f.runs), unit)} ${unit}${range}`;
}

/** The value a goal is judged on: the ratio of medians, or the figure itself without a baseline. */
export function judged(row: Row): number {
  const value = median(row.figure.runs);
  return row.baseline === undefined ? value : value / median(row.baseline.runs);
}

export function formatTable(rows: readonly Row[]): string {
  const lines = [
    '| group | measured | median (range) | baseline | median (range) | ratio | goal | holds |',
    '| --- | --- | ---: | --- | ---: | ---: | --- | :---: |',
  ];
  for (const row of rows) {
    if (row.skipped !== undefined) {
      lines.push(
        `| ${row.group} | ${row.figure.name} | skipped: ${row.skipped} | | | | ${row.goal?.text ?? ''} | |`,
      );
      continue;
    }
    const ratio = row.baseline === undefined ? '' : `${judged(row).toFixed(2)}x`;
    const holds = row.goal === undefined ? '' : row.goal.holds(judged(row)) ? 'yes' : 'NO';
    lines.push(
      `| ${row.group} | ${row.figure.name} | ${cell(row.figure, row.unit)} | ${row.baseline?.name ?? ''} | ${cell(row.baseline, row.unit)} | ${ratio} | ${row.goal?.text ?? ''} | ${holds} |`,
    );
  }
  return lines.join('\n');
}

export const atMost = (limit: number, suffix = 'x') => ({
  text: `≤ ${limit}${suffix === 'x' ? 'x' : ` ${suffix}`}`,
  holds: (v: number) => v <= limit,
});
