/**
 * @module graph/search
 * Full-text search over every entity of the graph, with MiniSearch (BM25,
 * prefix and typo-tolerant matching). Each entity is one document with the
 * same six fields, boosted from strongest to weakest:
 *
 * | field   | talk                  | tool        | conference      | topic  | speaker     | link  |
 * | ------- | --------------------- | ----------- | --------------- | ------ | ----------- | ----- |
 * | name    | title                 | name        | name            | name   | name        | label |
 * | aliases |                       | aliases     | aliases         | aliases|             |       |
 * | people  | speakers              |             |                 |        |             |       |
 * | tags    | tool and topic names  | topic names |                 |        |             |       |
 * | context | conference name       |             | location, year  | parent | talk titles | host  |
 * | body    | notes                 | description |                 |        |             | url   |
 *
 * Snippets: a plain-text excerpt of at most 160 characters from the field
 * that matched best (by number of matched terms and a preference for names,
 * then people, then prose over lists of tags), around the first
 * matched term; matched terms are wrapped in `«` and `»`, and `…` marks text
 * cut at either end. Whitespace is collapsed to single spaces.
 *
 * Built once from the immutable graph. Queries are capped (256 characters,
 * 12 terms) so a hostile query stays cheap.
 */
import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import { buildCompact, type PackedIndex, packedIndex, restoreCompact } from './compactPostings.js';
import { Documents, FIELDS, type Field, type SearchDocument } from './searchDocuments.js';
import { excerpt } from './searchExcerpt.js';
import { tokenize } from './searchTokens.js';
import type { EntityKind, GraphData } from './types.js';

export interface SearchResult {
  kind: EntityKind;
  /** Slug, or the URL for links. */
  key: string;
  score: number;
  /** ≤ 160 characters; matched terms wrapped in «»; … where text was cut. */
  snippet: string;
}

/** A ranked match without its snippet: what a list of hits is sorted and paged by. */
export interface SearchMatch {
  kind: EntityKind;
  /** Slug, or the URL for links. */
  key: string;
  score: number;
}

export interface SearchOptions {
  /** Kinds to return; undefined or empty means every kind. */
  types?: EntityKind[];
  /** Default 10, capped at 50. */
  limit?: number;
}

export const SEARCH_LIMIT_DEFAULT = 10;
export const SEARCH_LIMIT_MAX = 50;
export { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, SNIPPET_MAX } from './searchExcerpt.js';

const MAX_QUERY_LENGTH = 256;
const MAX_QUERY_TERMS = 12;

const BOOST: Record<Field, number> = { name: 5, aliases: 3, people: 2, tags: 1.5, context: 1, body: 0.5 };
/** Which matched field a snippet quotes: prose reads better than a list of tags, so notes rank above tags here. */
const SNIPPET_PREFERENCE: Record<Field, number> = {
  name: 5,
  aliases: 3,
  people: 2,
  body: 1.5,
  context: 1,
  tags: 1,
};

export class SearchIndex {
  private readonly documents: Documents;
  private readonly mini: MiniSearch<{ id: number } & Record<Field, string>>;
  /** Document id of each entity, by kind and key: each kind's made when a snippet first asks for one of it. */
  private readonly ids = new Map<EntityKind, Uint32Array>();

  private constructor(documents: Documents, packed?: PackedIndex) {
    this.documents = documents;
    this.mini = new MiniSearch<{ id: number } & Record<Field, string>>({
      fields: [...FIELDS],
      idField: 'id',
      // MiniSearch's own words, found faster (`searchTokens.ts`); queries are split so too.
      tokenize: (text) => tokenize(text),
      searchOptions: {
        boost: BOOST,
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
        combineWith: 'OR',
      },
    });
    if (packed !== undefined && packed.documentCount === documents.count) {
      restoreCompact(this.mini, packed);
      return;
    }
    // Nothing is added after this: the postings are packed for good.
    buildCompact(this.mini, function* () {
      for (let id = 0; id < documents.count; id++) yield { id, ...documents.document(id).fields };
    });
  }

  static build(data: GraphData): SearchIndex {
    return new SearchIndex(new Documents(data));
  }

  /**
   * The index of a graph from its packed form (`packed()` of an index built
   * from the same graph), without reading any document; built afresh when
   * the packed form has another number of documents than the graph.
   */
  static restore(data: GraphData, packed: PackedIndex): SearchIndex {
    return new SearchIndex(new Documents(data), packed);
  }

  /** This index as data, to be written beside its graph and restored without building it. */
  packed(): PackedIndex | undefined {
    return packedIndex(this.mini);
  }

  /**
   * Entities matching the query, best first (ties in corpus order: talks,
   * tools, conferences, topics, speakers, links). An empty or blank query
   * gives [].
   */
  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit =
      options.limit === undefined || !Number.isFinite(options.limit)
        ? SEARCH_LIMIT_DEFAULT
        : Math.min(SEARCH_LIMIT_MAX, Math.max(0, Math.floor(options.limit)));
    if (limit === 0) return [];
    const matches = this.rank(query, options.types).slice(0, limit);
    const snippets = this.snippets(query, matches);
    return matches.map((match, i) => ({ ...match, snippet: snippets[i] ?? '' }));
  }

  /**
   * Every entity matching the query (any of its words, typo-tolerant and as
   * prefixes), best first, ties in corpus order; uncapped, without snippets:
   * the one ranking that `search`, paged search and filtering by a query share.
   */
  rank(query: string, types?: readonly EntityKind[]): SearchMatch[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const kinds = types !== undefined && types.length > 0 ? new Set(types) : null;
    const hits = this.mini.search(terms.join(' '), {
      filter: kinds === null ? undefined : (hit) => kinds.has(this.documents.kind(hit.id as number)),
    });
    return hits
      .map((hit) => ({ id: hit.id as number, score: Math.round(hit.score * 1e6) / 1e6 }))
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .map(({ id, score }) => {
        return { kind: this.documents.kind(id), key: this.documents.key(id), score };
      });
  }

  /** The snippet of each entity for the query, in order ('' for an entity the query does not match). */
  snippets(query: string, refs: readonly { kind: EntityKind; key: string }[]): string[] {
    const terms = queryTerms(query);
    const wanted = new Set(refs.map((r) => this.idOf(r)));
    if (terms.length === 0 || refs.length === 0) return refs.map(() => '');
    const hits = new Map(
      this.mini
        .search(terms.join(' '), { filter: (hit) => wanted.has(hit.id as number) })
        .map((hit) => [hit.id as number, hit] as const),
    );
    return refs.map((ref) => {
      const id = this.idOf(ref);
      const hit = id === undefined ? undefined : hits.get(id);
      return hit === undefined ? '' : snippetOf(this.documents.document(hit.id as number), hit);
    });
  }

  /**
   * The document of an entity. Each kind's ids are sorted by key and searched
   * (4 bytes an entity, where a Map from key to id takes about 40), the last
   * of equal keys winning, as a Map filled in order would have it.
   */
  private idOf(ref: { kind: EntityKind; key: string }): number | undefined {
    const key = (id: number) => this.documents.key(id);
    let ids = this.ids.get(ref.kind);
    if (ids === undefined) {
      const { start, end } = this.documents.range(ref.kind);
      ids = Uint32Array.from({ length: end - start }, (_, i) => start + i);
      ids.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -1 : x > y ? 1 : a - b;
      });
      this.ids.set(ref.kind, ids);
    }
    // The last id whose key is not above the one asked for.
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(ids[mid] as number) <= ref.key) lo = mid + 1;
      else hi = mid;
    }
    const id = ids[lo - 1];
    return id !== undefined && key(id) === ref.key ? id : undefined;
  }
}

/** The words of a query as the index tokenizes them, capped in length and number. */
function queryTerms(query: string): string[] {
  return tokenize(query.slice(0, MAX_QUERY_LENGTH))
    .filter((t) => t !== '')
    .slice(0, MAX_QUERY_TERMS);
}

/** The excerpt of the best matching field around its first matched term. */
function snippetOf(doc: SearchDocument, hit: MiniSearchResult): string {
  const termsByField = new Map<Field, string[]>();
  for (const [term, fields] of Object.entries(hit.match)) {
    for (const field of fields as Field[]) {
      const list = termsByField.get(field) ?? [];
      list.push(term);
      termsByField.set(field, list);
    }
  }
  let best: Field | null = null;
  let bestWeight = 0;
  for (const field of FIELDS) {
    const weight = SNIPPET_PREFERENCE[field] * (termsByField.get(field)?.length ?? 0);
    if (weight > bestWeight) {
      best = field;
      bestWeight = weight;
    }
  }
  if (best === null) return excerpt(doc.fields.name, []);
  return excerpt(doc.fields[best], termsByField.get(best) ?? []);
}
