/**
 * @module schema/connections
 * Cursor connections over lists of keys: argument checks (page sizes are
 * capped), the window a page covers, the shared `*Connection` types and the
 * `totalCount` every connection carries. Only the keys of the requested page
 * are loaded.
 */
import { decodeBase64, encodeBase64, type ObjectRef } from '@pothos/core';
import { badUserInput } from './args.js';
import { builder, type Types } from './builder.js';
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

const CURSOR_PREFIX = 'OffsetConnection:';

export function offsetToCursor(offset: number): string {
  return encodeBase64(`${CURSOR_PREFIX}${offset}`);
}

function cursorToOffset(name: string, cursor: string): number {
  let text = '';
  try {
    text = decodeBase64(cursor);
  } catch {
    // Not base64: reported below like any other foreign cursor.
  }
  const match = /^OffsetConnection:(\d{1,9})$/.exec(text);
  if (match === null) {
    throw badUserInput(
      `Argument "${name}" is not a cursor of this list; pass an \`edges.cursor\` or \`pageInfo\` cursor it returned.`,
    );
  }
  return Number(match[1]);
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

/** The half-open range [start, end) of a list of `total` items that the arguments ask for. */
export function pageWindow(total: number, args: PageArgs): { start: number; end: number } {
  const first = pageSize('first', args.first);
  const last = pageSize('last', args.last);
  const after = args.after ? cursorToOffset('after', args.after) : null;
  const before = args.before ? cursorToOffset('before', args.before) : null;

  let start = after === null ? 0 : Math.min(after + 1, total);
  let end = before === null ? total : Math.max(Math.min(before, total), start);
  start = Math.min(start, end);
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  if (first === null && last === null) end = Math.min(end, start + PAGE_SIZE_DEFAULT);
  return { start, end };
}

/**
 * One page of `keys`: checks the arguments, loads only the page's keys and
 * drops the ones that load as null (the cursor of each item stays its offset).
 */
export async function connectionOf<K, T>(
  keys: readonly K[],
  args: PageArgs,
  load: (keys: K[]) => Promise<(T | null)[]>,
): Promise<Page<T>> {
  const { start, end } = pageWindow(keys.length, args);
  const pageKeys = keys.slice(start, end);
  const nodes = pageKeys.length === 0 ? [] : await load(pageKeys);
  const edges: Page<T>['edges'] = [];
  nodes.forEach((node, i) => {
    if (node !== null && node !== undefined) edges.push({ cursor: offsetToCursor(start + i), node });
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

/** A page of items already in memory. */
export function connectionOfItems<T>(items: readonly T[], args: PageArgs): Promise<Page<T>> {
  return connectionOf(items, args, async (page) => page);
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
