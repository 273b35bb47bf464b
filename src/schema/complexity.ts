/**
 * @module schema/complexity
 * What each field costs, for `@pothos/plugin-complexity`: the cost of an
 * operation is known, with its variables, before it runs (`server/limits.ts`
 * refuses it over the limit).
 *
 *   object field        1 (scalars 0: the answer-size cap bounds text)
 *   connection          page size (`first` ?? `last`, default 20, at most 100) × what one item costs
 *   plain list          its `first` (`schema/listCaps`: default and maximum per list), or the
 *                       longest such list in the served graph when shorter, × (1 + what one item
 *                       costs); `Talk.links` is 100 by default, 40 on a graph whose longest talk
 *                       cites 40 links; a list of strings (`aliases`) costs its length
 *   `limit`, `first`    on other fields (neighborhood, search): that many × (1 + what one item costs)
 *   `nodes(ids)`        the number of ids × (1 + what one item costs)
 *   `path`              `maxDepth` steps × what one step costs
 *   neighbourhood edges EDGES_PER_NODE per entity of the neighbourhood (they are cut there)
 *   search              SEARCH_TERM_COST per word of `search(query)` or `filter.query`,
 *                       wherever it appears (a nested filter is counted for each parent)
 *
 * Lists inside a page (connection `edges`, `nodes`, `steps`) are the page
 * already counted on their parent, so they multiply by 1.
 */
import type { GraphQLField } from 'graphql';
import { PATH_DEPTH_DEFAULT, PATH_DEPTH_MAX } from '../graph/traverse.js';
import type { GraphContext } from './context.js';
import { EDGES_PER_NODE, LIST_CAPS, type ListCap } from './listCapTable.js';

/** What one word of a search costs: matching a word with prefixes and typos walks much of the index. */
export const SEARCH_TERM_COST = 100;
/** Words of a search query that count (the index reads no more: see graph/search). */
const MAX_SEARCH_TERMS = 20;
const PAGE_DEFAULT = 20;
const PAGE_MAX = 100;
const LIMIT_MAX = 500;
/** `nodes(ids)` takes at most this many ids (`schema/builder`'s MAX_NODES). */
const IDS_MAX = 100;

/** Lists whose items were counted on the field above them. */
const PAGE_LISTS = new Set(['edges', 'nodes', 'steps']);

interface TypeLike {
  name?: string;
  ofType?: TypeLike;
}

function named(type: TypeLike): string {
  let current = type;
  while (current.ofType) current = current.ofType;
  return current.name ?? '';
}

function isList(type: TypeLike): boolean {
  for (let current: TypeLike | undefined = type; current; current = current.ofType) {
    if (Object.prototype.toString.call(current) === '[object GraphQLList]') return true;
  }
  return false;
}

function isLeaf(type: TypeLike): boolean {
  const kind = Object.prototype.toString.call(
    ((t: TypeLike) => {
      let current = t;
      while (current.ofType) current = current.ofType;
      return current;
    })(type),
  );
  return kind === '[object GraphQLScalarType]' || kind === '[object GraphQLEnumType]';
}

const clamp = (value: unknown, fallback: number, max: number) =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.max(0, Math.min(Math.ceil(value), max))
    : fallback;

/** Words a search query is read as (the index's tokenizer splits on space and punctuation). */
export function searchTerms(query: unknown): number {
  if (typeof query !== 'string') return 0;
  return Math.min(
    query
      .slice(0, 200)
      .split(/[\s\p{P}]+/u)
      .filter((w) => w !== '').length,
    MAX_SEARCH_TERMS,
  );
}

/** The plugin's `fieldComplexity`: the cost of one field and the multiplier of what it selects. */
export function fieldComplexity(
  args: Record<string, unknown>,
  ctx: GraphContext,
  field: GraphQLField<unknown, GraphContext, Record<string, unknown>>,
): { field: number; multiplier: number } {
  const type = field.type as TypeLike;
  const key = `${typeNameOwning(field)}.${field.name}`;
  const cap = (LIST_CAPS as Record<string, ListCap>)[key];
  if (cap !== undefined) {
    const asked = clamp(args.first, cap.default, cap.max);
    const longest = ctx.listBounds?.[key];
    const size = longest === undefined ? asked : Math.min(asked, longest);
    return isLeaf(type) ? { field: size, multiplier: 1 } : { field: 1 + size, multiplier: Math.max(1, size) };
  }
  if (isLeaf(type)) return { field: 0, multiplier: 1 };
  if (key === 'Subgraph.edges') return { field: 1, multiplier: EDGES_PER_NODE };
  if (key === 'Query.nodes') {
    const size = Array.isArray(args.ids) ? Math.min(args.ids.length, IDS_MAX) : 1;
    return { field: 1 + size, multiplier: Math.max(1, size) };
  }
  if (key === 'Query.path') {
    const steps = clamp(args.maxDepth, PATH_DEPTH_DEFAULT, PATH_DEPTH_MAX);
    return { field: 1, multiplier: Math.max(1, steps) };
  }
  const filter = args.filter as { query?: unknown } | undefined;
  const search =
    SEARCH_TERM_COST * (searchTerms(filter?.query) + (field.name === 'search' ? searchTerms(args.query) : 0));
  const typeName = named(type);
  if (typeName.endsWith('Connection')) {
    const size = clamp(args.first ?? args.last, PAGE_DEFAULT, PAGE_MAX);
    return { field: 1 + search, multiplier: size };
  }
  if ('limit' in args || (field.name === 'search' && 'first' in args)) {
    const size = 'limit' in args ? clamp(args.limit, PAGE_DEFAULT, LIMIT_MAX) : clamp(args.first, 10, 50);
    // Its items are objects whose own fields may be scalars only: count the items themselves too.
    return { field: 1 + search + size, multiplier: size };
  }
  if (!isList(type) || PAGE_LISTS.has(field.name)) return { field: 1 + search, multiplier: 1 };
  const size = Math.max(1, ctx.listBounds?.[key] ?? PAGE_DEFAULT);
  return { field: 1 + search + size, multiplier: size };
}

/** The type a field belongs to: Pothos' extension names it. */
function typeNameOwning(field: { extensions: unknown }): string {
  const config = (field.extensions as { pothosConfig?: { parentType?: string } }).pothosConfig;
  return config?.parentType ?? '';
}
