/**
 * @module schema/connections
 * Cursor connections over lists of keys: argument checks (page sizes are
 * capped), the window a page covers, the shared `*Connection` types and the
 * `totalCount` every connection carries. Only the keys of the requested page
 * are loaded. A cursor names its item (key and sort value), never its offset
 * alone: a page boundary holds when content changes under a paging client,
 * and a cursor whose item is gone continues from where it would have stood.
 */
import { decodeBase64, type ObjectRef } from '@pothos/core';
import { badUserInput } from './args.js';
import { encodedCursor } from './base64.js';
import { builder, type Types } from './builder.js';
import { collator } from './order.js';
import { ConferenceRef, DiagnosticRef, LinkRef, SpeakerRef, TalkRef, ToolRef, TopicRef } from './refs.js';

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** One element of an item's sort value: a date, a title, a path, a count, a key. */
export type SortValue = string | number | null;

/** How one element of a sort value is compared. */
export interface SortKey {
  /** 1 ascending, -1 descending; nulls always come last. */
  direction: 1 | -1;
  /** Compare strings as people read them (titles, names) instead of by code point (paths, keys). */
  collate?: boolean;
}

/**
 * How a list is sorted, so a cursor can name its item by key and sort value
 * and still find its place when the item is gone: the list must be in the
 * order that `compareSortValues(keys, …)` gives its items' values.
 */
export interface ListOrder {
  keys: readonly SortKey[];
  /** The sort value of each item key, in order. */
  values(keys: readonly string[]): Promise<SortValue[][]>;
}

export function compareSortValues(
  keys: readonly SortKey[],
  a: readonly SortValue[],
  b: readonly SortValue[],
): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const key = keys[i] as SortKey;
    let c: number;
    if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else {
      const [sx, sy] = [String(x), String(y)];
      c = (key.collate ? collator.compare(sx, sy) : 0) || (sx < sy ? -1 : sx > sy ? 1 : 0);
    }
    if (c !== 0) return c * key.direction;
  }
  return 0;
}

const CURSOR_PREFIX = 'Cursor:';

/** What a cursor names: its item's key and sort value (the item's offset in lists without a `ListOrder`). */
interface CursorContent {
  key: string;
  value: SortValue[];
}

export function encodeCursor(key: string, value: readonly SortValue[]): string {
  return encodedCursor(key, value, () => `${CURSOR_PREFIX}${JSON.stringify([key, value])}`);
}

function isSortValue(v: unknown): v is SortValue {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

function decodeCursor(name: string, cursor: string): CursorContent {
  let parsed: unknown = null;
  try {
    const text = decodeBase64(cursor);
    if (text.startsWith(CURSOR_PREFIX)) parsed = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    // Not base64 or not JSON: reported below like any other foreign cursor.
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    Array.isArray(parsed[1]) &&
    parsed[1].length <= 8 &&
    parsed[1].every(isSortValue)
  ) {
    return { key: parsed[0], value: parsed[1] };
  }
  throw badUserInput(
    `Argument "${name}" is not a cursor of this list; pass an \`edges.cursor\` or \`pageInfo\` cursor it returned.`,
  );
}

function pageSize(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > PAGE_SIZE_MAX) {
    throw badUserInput(
      `Argument "${name}" must be from 0 to ${PAGE_SIZE_MAX} (pages are capped at ${PAGE_SIZE_MAX} items); got ${value}.`,
    );
  }
  return value;
}

/**
 * Where a cursor stands in the list: the index of its item, or, when the
 * item is gone, the index of the first item that sorts after it (by its
 * sort value, or by its old offset in a list without an order).
 */
async function cursorPlace(
  cursor: CursorContent,
  keys: readonly string[],
  order: ListOrder | undefined,
): Promise<{ index: number; present: boolean }> {
  const index = keys.indexOf(cursor.key);
  if (index !== -1) return { index, present: true };
  if (order === undefined) {
    const offset = typeof cursor.value[0] === 'number' ? Math.max(0, Math.floor(cursor.value[0])) : 0;
    return { index: Math.min(offset, keys.length), present: false };
  }
  const values = await order.values(keys);
  const after = values.findIndex((value) => compareSortValues(order.keys, value, cursor.value) > 0);
  return { index: after === -1 ? keys.length : after, present: false };
}

/** The half-open range [start, end) of a list that the arguments ask for. */
export function pageWindow(
  keys: readonly string[],
  args: PageArgs,
  order?: ListOrder,
): Promise<{ start: number; end: number }> {
  return windowOf(keys.length, args, (cursor) => cursorPlace(cursor, keys, order));
}

/** `pageWindow` over a list of `total` items, where `place` finds a cursor's place in it. */
async function windowOf(
  total: number,
  args: PageArgs,
  place: (cursor: CursorContent) => Promise<{ index: number; present: boolean }>,
): Promise<{ start: number; end: number }> {
  const first = pageSize('first', args.first);
  const last = pageSize('last', args.last);
  const after = args.after ? decodeCursor('after', args.after) : null;
  const before = args.before ? decodeCursor('before', args.before) : null;

  let start = 0;
  if (after !== null) {
    const found = await place(after);
    start = found.present ? found.index + 1 : found.index;
  }
  let end = before === null ? total : (await place(before)).index;
  end = Math.max(Math.min(end, total), start);
  start = Math.min(start, end);
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  if (first === null && last === null) end = Math.min(end, start + PAGE_SIZE_DEFAULT);
  return { start, end };
}

export interface ConnectionOptions<K> {
  /** The key a cursor names its item by (default: the item itself, as a string). */
  keyOf?: (item: K) => string;
  /** The list's order, so cursors carry sort values; without it they carry offsets. */
  order?: ListOrder;
}

/**
 * One page of `keys`: checks the arguments, loads only the page's keys and
 * drops the ones that load as null. Each cursor names its item's key and
 * sort value, so a page boundary holds when items come and go.
 */
export async function connectionOf<K, T>(
  keys: readonly K[],
  args: PageArgs,
  load: (keys: K[]) => Promise<(T | null)[]>,
  options: ConnectionOptions<K> = {},
): Promise<Page<T>> {
  const keyOf = options.keyOf ?? String;
  // Every item's name is needed only to find where a cursor stands: a page without one names its own items.
  let names: string[] | undefined;
  const { start, end } = await windowOf(keys.length, args, (cursor) => {
    names ??= keys.map(keyOf);
    return cursorPlace(cursor, names, options.order);
  });
  const pageKeys = keys.slice(start, end);
  const pageNames = pageKeys.map(keyOf);
  const [nodes, values] = await Promise.all([
    pageKeys.length === 0 ? [] : load(pageKeys),
    options.order === undefined || pageNames.length === 0
      ? pageNames.map((_name, i) => [start + i])
      : options.order.values(pageNames),
  ]);
  const edges: Page<T>['edges'] = [];
  nodes.forEach((node, i) => {
    if (node === null || node === undefined) return;
    edges.push({ cursor: encodeCursor(pageNames[i] as string, values[i] ?? []), node });
  });
  return {
    edges,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < keys.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: keys.length,
  };
}

/** A page of items already in memory, each named by `keyOf` (default: its offset). */
export function connectionOfItems<T>(
  items: readonly T[],
  args: PageArgs,
  keyOf?: (item: T) => string,
): Promise<Page<T>> {
  const index = new Map(items.map((item, i) => [item, i] as const));
  return connectionOf(items, args, async (page) => page, {
    keyOf: keyOf ?? ((item) => `#${index.get(item)}`),
  });
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'Number of items in the whole list (after filters), not just this page.',
    resolve: (connection) => connection.totalCount,
  }),
);

/** `XConnection` and `XEdge` for a node type, described in words: "A page of talks", "A talk in a page of talks". */
function pageOf<T extends object>(ref: ObjectRef<Types, T>, name: string, plural: string, singular: string) {
  const article = /^[aeiou]/.test(singular) ? 'An' : 'A';
  return builder.connectionObject(
    { type: ref, name: `${name}Connection`, description: `A page of ${plural}.` },
    { name: `${name}Edge`, description: `${article} ${singular} in a page of ${plural}.` },
  );
}

export const TalkConnection = pageOf(TalkRef, 'Talk', 'talks', 'talk');
export const ToolConnection = pageOf(ToolRef, 'Tool', 'tools', 'tool');
export const ConferenceConnection = pageOf(ConferenceRef, 'Conference', 'conferences', 'conference');
export const TopicConnection = pageOf(TopicRef, 'Topic', 'topics', 'topic');
export const SpeakerConnection = pageOf(SpeakerRef, 'Speaker', 'speakers', 'speaker');
export const LinkConnection = pageOf(LinkRef, 'Link', 'links', 'link');
export const DiagnosticConnection = pageOf(DiagnosticRef, 'Diagnostic', 'diagnostics', 'diagnostic');
