/**
 * @module graph/store
 * The read-only view of a talk graph. Resolvers read entities, relations,
 * names and links only through `GraphStore`: every method is async and takes
 * keys in batches, so another backing store (a database, a remote service)
 * can be put behind the same schema. Search, related talks and traversal
 * are read through it too, so resolvers have one read interface for
 * everything; `MemoryStore` answers them from the discovery indexes of
 * `discovery.ts`, built on first use from the same data. `MemoryStore` is the
 * in-memory implementation over the indexes that `indexing/build.ts` computes
 * on first use; it is never mutated after construction.
 */
import type { Diagnostic } from '../diagnostics.js';
import { lookupKey } from '../keys.js';
import { type Discovery, discoveryOf } from './discovery.js';
import type { Lookup } from './layeredMap.js';
import type { RelatedTalkResult } from './related.js';
import type { SearchMatch } from './search.js';
import type { NodeRef, PathStep, Subgraph } from './traverse.js';
import type {
  ConferenceModel,
  EntityKind,
  GraphData,
  LinkModel,
  PostModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  ToolSuggestionModel,
  TopicModel,
} from './types.js';

// The model's own types live in types.ts, below the read side that indexes them.
export type { EntityKind, GraphData } from './types.js';

export interface GraphStore {
  conferences(slugs: readonly string[]): Promise<(ConferenceModel | null)[]>;
  talks(slugs: readonly string[]): Promise<(TalkModel | null)[]>;
  tools(slugs: readonly string[]): Promise<(ToolModel | null)[]>;
  topics(slugs: readonly string[]): Promise<(TopicModel | null)[]>;
  speakers(slugs: readonly string[]): Promise<(SpeakerModel | null)[]>;
  links(urls: readonly string[]): Promise<(LinkModel | null)[]>;

  /** Talk slugs (corpus order) mentioning each tool. */
  talksOfTools(toolSlugs: readonly string[]): Promise<string[][]>;
  /** Talk slugs (corpus order) about each topic. */
  talksOfTopics(topicSlugs: readonly string[]): Promise<string[][]>;
  /** Tool slugs carrying each topic, directly or through their talks. */
  toolsOfTopics(topicSlugs: readonly string[]): Promise<string[][]>;

  /** All keys of one kind, in corpus order. */
  list(kind: EntityKind): Promise<string[]>;

  /**
   * Case-insensitive lookup by slug, name or alias; null when unknown. For
   * links, `name` is a URL already normalised the indexer's way, and a
   * trailing slash is ignored when the URL has no query or fragment.
   */
  resolve(kind: EntityKind, name: string): Promise<string | null>;

  diagnostics(): Promise<Diagnostic[]>;
  posts(): Promise<PostModel[]>;
  /**
   * Terms that look like unknown tools, strongest first. Optional, so stores
   * written before it still fit: a store without it has no suggestions.
   */
  suggestions?(): Promise<ToolSuggestionModel[]>;

  /**
   * Every entity matching a query, best first: ranked, typo-tolerant, every
   * word also a prefix; `types` narrows the kinds (none: every kind).
   */
  search(query: string, types?: readonly EntityKind[]): Promise<SearchMatch[]>;
  /** The snippet of each entity for a query (matched words in «»), in order. */
  snippets(query: string, refs: readonly NodeRef[]): Promise<string[]>;
  /** The talks most related to a talk, at most `limit`. */
  relatedTalks(talkSlug: string, limit: number): Promise<RelatedTalkResult[]>;
  /** True when the graph holds this entity as a node. */
  hasNode(ref: NodeRef): Promise<boolean>;
  /** A shortest path of at most `maxDepth` steps, walking edges either way; null when there is none. */
  shortestPath(from: NodeRef, to: NodeRef, maxDepth: number): Promise<PathStep[] | null>;
  /** The nodes within `depth` steps of a node (at most `limit`) and the edges between them. */
  neighborhood(start: NodeRef, depth: number, limit: number): Promise<Subgraph>;
}

/** How many talks mention each tool (tool slug → count). */
export function talkCountByTool(data: Pick<GraphData, 'talks'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const talk of data.talks) {
    for (const m of talk.mentions) counts.set(m.toolSlug, (counts.get(m.toolSlug) ?? 0) + 1);
  }
  return counts;
}

/** The keys a normalised URL may be stored under: itself, and without or with a trailing slash. */
function linkUrlCandidates(href: string): string[] {
  const candidates = [href];
  const { search, hash } = new URL(href);
  if (search === '' && hash === '') candidates.push(href.endsWith('/') ? href.slice(0, -1) : `${href}/`);
  return candidates;
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}

/**
 * Adds `value` under `key` once. A Set keeps first-insertion order, so each
 * list comes out in corpus order without scanning it per value: a tool
 * mentioned by thousands of talks costs linear time, not quadratic.
 */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

/**
 * The talks (slugs, in corpus order) under each key `keysOf` gives a talk, each talk once a key.
 * Counted first, then filled: each list is made at its length, where lists grown by push and then
 * copied at their length would leave as much memory again to collect.
 */
function talksBy(
  talks: readonly TalkModel[],
  keysOf: (talk: TalkModel) => Iterable<string>,
): Map<string, string[]> {
  const lists = new Map<string, { list: string[]; at: number; last: TalkModel | null }>();
  for (const talk of talks) {
    for (const key of keysOf(talk)) {
      const entry = lists.get(key);
      if (entry === undefined) lists.set(key, { list: [], at: 1, last: talk });
      else if (entry.last !== talk) {
        entry.at++;
        entry.last = talk;
      }
    }
  }
  for (const entry of lists.values()) {
    entry.list = new Array<string>(entry.at);
    entry.at = 0;
    entry.last = null;
  }
  for (const talk of talks) {
    for (const key of keysOf(talk)) {
      const entry = lists.get(key) as { list: string[]; at: number; last: TalkModel | null };
      if (entry.last === talk) continue;
      entry.list[entry.at++] = talk.slug;
      entry.last = talk;
    }
  }
  const out = new Map<string, string[]>();
  for (const [key, entry] of lists) out.set(key, entry.list);
  return out;
}

function toLists(map: Map<string, Set<string>>): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const [key, set] of map) lists.set(key, [...set]);
  return lists;
}

/** The lookups of one graph: built on first use, or carried over from the version before a one-post update. */
export interface StoreIndexes {
  conferenceMap: Map<string, ConferenceModel>;
  talkMap: Lookup<TalkModel>;
  toolMap: Map<string, ToolModel>;
  topicMap: Map<string, TopicModel>;
  speakerMap: Map<string, SpeakerModel>;
  linkMap: Lookup<LinkModel>;
  toolTalks: Map<string, string[]>;
  topicTalks: Map<string, string[]>;
  topicTools: Map<string, string[]>;
  names: Record<Exclude<EntityKind, 'link'>, Map<string, string>>;
}

/**
 * Sets `key` of `target` to what `make` returns, made on first read: an
 * enumerable property, so a copy of the object (`{ ...indexes }`) reads it
 * as a plain value.
 */
function lazily<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
      return value;
    },
  });
}

/** Case-insensitive keys (slug, name, aliases) to slugs: slugs and names win over aliases. */
function nameTable(entries: Iterable<[string, string[]]>): Map<string, string> {
  const map = new Map<string, string>();
  // Slugs and names win over aliases: set them last-to-first so earlier, stronger keys stay.
  const aliasPairs: [string, string][] = [];
  for (const [slug, keys] of entries) {
    const [name, ...aliases] = keys;
    if (!map.has(lookupKey(slug))) map.set(lookupKey(slug), slug);
    if (name !== undefined && !map.has(lookupKey(name))) map.set(lookupKey(name), slug);
    for (const alias of aliases) aliasPairs.push([lookupKey(alias), slug]);
  }
  for (const [key, slug] of aliasPairs) if (!map.has(key)) map.set(key, slug);
  return map;
}

/** The name table of each kind, each made when a name of that kind is first looked up. */
function nameTables(data: GraphData): StoreIndexes['names'] {
  const names = {} as StoreIndexes['names'];
  lazily(names, 'conference', () => nameTable(data.conferences.map((c) => [c.slug, [c.name, ...c.aliases]])));
  lazily(names, 'talk', () => nameTable(data.talks.map((t) => [t.slug, [t.title]])));
  lazily(names, 'tool', () => nameTable(data.tools.map((t) => [t.slug, [t.name, ...t.aliases]])));
  lazily(names, 'topic', () => nameTable(data.topics.map((t) => [t.slug, [t.name, ...t.aliases]])));
  lazily(names, 'speaker', () => nameTable(data.speakers.map((s) => [s.slug, [s.name]])));
  return names;
}

/** The tools of each topic: the tools carrying it, then the tools of talks about it. */
function topicToolsOf(data: GraphData): Map<string, string[]> {
  const topicTools = new Map<string, Set<string>>();
  for (const tool of data.tools) {
    for (const topic of tool.topics) addTo(topicTools, topic, tool.slug);
  }
  for (const talk of data.talks) {
    for (const topic of talk.topicSlugs) {
      for (const mention of talk.mentions) addTo(topicTools, topic, mention.toolSlug);
    }
  }
  return toLists(topicTools);
}

/**
 * Lookups by key, the relation lists and the name tables of one graph. The
 * lists and tables of topics and the name tables are made on first use: at
 * 10,000 posts they are about 15 MB, and a tool or talk page needs none.
 */
function storeIndexes(data: GraphData): StoreIndexes {
  // Each talk is visited once, so a talk repeats in a list only right after itself.
  const indexes: Partial<StoreIndexes> = {
    conferenceMap: byKey(data.conferences, (c) => c.slug),
    // Maps, not a table of positions hashed in JavaScript: V8 keeps a string's hash in the string, so
    // a page's lookups of the graph's own slugs and URLs cost no hashing at all (about 0.2 µs a
    // lookup against 1.5 µs for a URL hashed anew), for about 3.5 MB more at 10,000 posts.
    talkMap: byKey(data.talks, (t) => t.slug),
    toolMap: byKey(data.tools, (t) => t.slug),
    topicMap: byKey(data.topics, (t) => t.slug),
    speakerMap: byKey(data.speakers, (s) => s.slug),
    linkMap: byKey(data.links, (l) => l.url),
    toolTalks: talksBy(data.talks, (talk) => talk.mentions.map((m) => m.toolSlug)),
  };
  lazily(indexes, 'topicTalks', () => talksBy(data.talks, (talk) => talk.topicSlugs));
  lazily(indexes, 'topicTools', () => topicToolsOf(data));
  indexes.names = nameTables(data);
  return indexes as StoreIndexes;
}

export class MemoryStore implements GraphStore {
  readonly data: Readonly<GraphData>;
  // Every index is built on first use: a store made for each new version of a live graph, or for a
  // command that reads one list, pays only for what is asked of it.
  private indexes: StoreIndexes | undefined;
  private discoveryIndexes: Discovery | undefined;

  constructor(data: GraphData, indexes?: StoreIndexes) {
    this.data = data;
    this.indexes = indexes;
  }

  /** This graph's lookups, built now if no query has needed them yet. */
  get index(): StoreIndexes {
    this.indexes ??= storeIndexes(this.data);
    return this.indexes;
  }
  private get conferenceMap() {
    return this.index.conferenceMap;
  }
  private get talkMap() {
    return this.index.talkMap;
  }
  private get toolMap() {
    return this.index.toolMap;
  }
  private get topicMap() {
    return this.index.topicMap;
  }
  private get speakerMap() {
    return this.index.speakerMap;
  }
  private get linkMap() {
    return this.index.linkMap;
  }
  private get toolTalks() {
    return this.index.toolTalks;
  }
  private get topicTalks() {
    return this.index.topicTalks;
  }
  private get topicTools() {
    return this.index.topicTools;
  }
  private get names() {
    return this.index.names;
  }

  async conferences(slugs: readonly string[]) {
    return slugs.map((s) => this.conferenceMap.get(s) ?? null);
  }
  async talks(slugs: readonly string[]) {
    return slugs.map((s) => this.talkMap.get(s) ?? null);
  }
  async tools(slugs: readonly string[]) {
    return slugs.map((s) => this.toolMap.get(s) ?? null);
  }
  async topics(slugs: readonly string[]) {
    return slugs.map((s) => this.topicMap.get(s) ?? null);
  }
  async speakers(slugs: readonly string[]) {
    return slugs.map((s) => this.speakerMap.get(s) ?? null);
  }
  async links(urls: readonly string[]) {
    return urls.map((u) => this.linkMap.get(u) ?? null);
  }
  async talksOfTools(toolSlugs: readonly string[]) {
    return toolSlugs.map((s) => this.toolTalks.get(s) ?? []);
  }
  async talksOfTopics(topicSlugs: readonly string[]) {
    return topicSlugs.map((s) => this.topicTalks.get(s) ?? []);
  }
  async toolsOfTopics(topicSlugs: readonly string[]) {
    return topicSlugs.map((s) => this.topicTools.get(s) ?? []);
  }
  async list(kind: EntityKind): Promise<string[]> {
    switch (kind) {
      case 'conference':
        return this.data.conferences.map((c) => c.slug);
      case 'talk':
        return this.data.talks.map((t) => t.slug);
      case 'tool':
        return this.data.tools.map((t) => t.slug);
      case 'topic':
        return this.data.topics.map((t) => t.slug);
      case 'speaker':
        return this.data.speakers.map((s) => s.slug);
      case 'link':
        return this.data.links.map((l) => l.url);
    }
  }
  async resolve(kind: EntityKind, name: string): Promise<string | null> {
    if (kind === 'link') return linkUrlCandidates(name).find((url) => this.linkMap.has(url)) ?? null;
    return this.names[kind].get(lookupKey(name)) ?? null;
  }
  async diagnostics() {
    return this.data.diagnostics;
  }
  async posts() {
    return this.data.posts;
  }
  async suggestions() {
    return this.data.suggestions ?? [];
  }

  /** Search, related talks and the graph view: built on first use, shared by every store of this graph. */
  get discovery(): Discovery {
    this.discoveryIndexes ??= discoveryOf(this.data);
    return this.discoveryIndexes;
  }
  async search(query: string, types?: readonly EntityKind[]) {
    return this.discovery.search.rank(query, types);
  }
  async snippets(query: string, refs: readonly NodeRef[]) {
    return this.discovery.search.snippets(query, refs);
  }
  async relatedTalks(talkSlug: string, limit: number) {
    return this.discovery.related.related(talkSlug, limit);
  }
  async hasNode(ref: NodeRef) {
    return this.discovery.view.has(ref);
  }
  async shortestPath(from: NodeRef, to: NodeRef, maxDepth: number) {
    return this.discovery.view.shortestPath(from, to, maxDepth);
  }
  async neighborhood(start: NodeRef, depth: number, limit: number) {
    return this.discovery.view.neighborhood(start, depth, limit);
  }
}
