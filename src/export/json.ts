/**
 * @module export/json
 * The whole `GraphData` as stable JSON: object keys sorted at every level,
 * arrays kept in corpus order, two-space indentation and a final newline, so
 * the same graph always prints the same bytes and diffs stay small. Values
 * JSON cannot hold are made explicit: dates (e.g. TOML dates in front matter)
 * through their `toJSON`, big integers as numbers when safe and as strings
 * otherwise, non-finite numbers as null.
 */
import type { GraphData } from '../graph/store.js';

function stable(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value !== 'object') return undefined; // undefined, functions, symbols: left out as JSON does
  const withToJSON = value as { toJSON?: () => unknown };
  if (typeof withToJSON.toJSON === 'function') return stable(withToJSON.toJSON(), seen);
  if (seen.has(value)) throw new Error('cannot export the graph as JSON: it contains a cycle');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => stable(item, seen) ?? null);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = stable((value as Record<string, unknown>)[key], seen);
      if (item !== undefined) out[key] = item;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

export function toJson(data: GraphData): string {
  return `${JSON.stringify(stable(data, new Set()), null, 2)}\n`;
}
