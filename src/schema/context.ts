/**
 * @module schema/context
 * What a GraphQL request sees: the long-lived services of one served graph
 * (`GraphServices`: the read-only store, the one interface resolvers read
 * entities, relations, search, related talks and paths through), plus
 * DataLoaders made fresh for every request. Every relation a
 * resolver follows goes through one of these loaders, so the store is asked
 * once per kind of key per tick, with all the keys of that tick, and results
 * come back in key order. It lives with the schema because resolvers are
 * its only readers; the server only makes one per request.
 */
import DataLoader from 'dataloader';
import type { Diagnostic } from '../diagnostics.js';
import type { SearchMatch } from '../graph/search.js';
import { type EntityKind, type GraphData, type GraphStore, MemoryStore } from '../graph/store.js';
import type {
  ConferenceModel,
  LinkModel,
  SpeakerModel,
  TalkModel,
  ToolModel,
  ToolSuggestionModel,
  TopicModel,
} from '../graph/types.js';
import { type ListBounds, listBounds } from './listBounds.js';

/** Long-lived, shared by every request of one served graph. */
export interface GraphServices {
  store: GraphStore;
  /** The longest plain list of each list field in this graph: what query cost counts for them. */
  listBounds: ListBounds;
  /** Which version of the graph this is: 1, then one more per change of the content (`serve --watch`). */
  version: number;
  /** New versions as they come, for `graphChanged`; absent when the content is not watched. */
  changes?: GraphChangeSource;
}

/** A new version of the graph: the files that changed and their diagnostics in it. */
export interface GraphChangeModel {
  version: number;
  changedPaths: string[];
  diagnostics: Diagnostic[];
}

export interface GraphChangeSource {
  /** The changes from now on, until the subscriber stops. */
  subscribe(): AsyncIterable<GraphChangeModel>;
}

/** Per-request loaders over `GraphStore`; each batches the keys of one tick into one store call. */
export interface Loaders {
  conference: DataLoader<string, ConferenceModel | null>;
  talk: DataLoader<string, TalkModel | null>;
  tool: DataLoader<string, ToolModel | null>;
  topic: DataLoader<string, TopicModel | null>;
  speaker: DataLoader<string, SpeakerModel | null>;
  link: DataLoader<string, LinkModel | null>;
  /**
   * Whole lists of links by their URLs (a list kept by identity, such as a
   * talk's cited URLs): every list of one tick in one store call, one promise per list.
   */
  linkLists: DataLoader<readonly string[], (LinkModel | null)[]>;
  /** Talk slugs (corpus order) mentioning a tool. */
  talksOfTool: DataLoader<string, string[]>;
  /** Talk slugs (corpus order) about a topic. */
  talksOfTopic: DataLoader<string, string[]>;
  /** Tool slugs carrying a topic, directly or through their talks. */
  toolsOfTopic: DataLoader<string, string[]>;
  /** All keys of a kind, in corpus order (asked once per request). */
  list: DataLoader<EntityKind, string[]>;
  /** Key of an entity named by slug, name or alias (case-insensitive), or of a link by normalised URL; null when unknown. */
  resolve: Record<EntityKind, DataLoader<string, string | null>>;
  /** Every diagnostic, asked once per request. */
  diagnostics: () => Promise<Diagnostic[]>;
  /** Every tool suggestion, asked once per request ([] from a store without suggestions). */
  suggestions: () => Promise<ToolSuggestionModel[]>;
}

/** The context of one GraphQL request. */
export interface GraphContext extends GraphServices {
  loaders: Loaders;
  /**
   * The store's ranked search, asked once per request, query and types: a filter repeated
   * under every parent of a list searches once.
   */
  search(query: string, types?: readonly EntityKind[]): Promise<SearchMatch[]>;
}

/** The store's values for `keys`, one per key: any other count is a store bug, never a miss. */
async function fetchEach<V>(
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keys: readonly string[],
): Promise<V[]> {
  const values = await fetch(keys);
  if (values.length !== keys.length) {
    throw new Error(`store answered ${values.length} values for ${keys.length} keys`);
  }
  return values;
}

function batched<V>(fetch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>((keys) => fetchEach(fetch, keys));
}

function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= fetch();
    return pending;
  };
}

/**
 * The loaders of one request, each made the first time a resolver asks for
 * it: a query reads a few kinds of entity, and making all of them for every
 * request would cost more than a small query's own work.
 */
class RequestLoaders implements Loaders {
  readonly #store: GraphStore;
  #conference?: Loaders['conference'];
  #talk?: Loaders['talk'];
  #tool?: Loaders['tool'];
  #topic?: Loaders['topic'];
  #speaker?: Loaders['speaker'];
  #link?: Loaders['link'];
  #linkLists?: Loaders['linkLists'];
  #talksOfTool?: Loaders['talksOfTool'];
  #talksOfTopic?: Loaders['talksOfTopic'];
  #toolsOfTopic?: Loaders['toolsOfTopic'];
  #list?: Loaders['list'];
  #resolve?: Loaders['resolve'];
  readonly diagnostics: Loaders['diagnostics'];
  readonly suggestions: Loaders['suggestions'];

  constructor(store: GraphStore) {
    this.#store = store;
    this.diagnostics = once(() => store.diagnostics());
    this.suggestions = once(async () => (await store.suggestions?.()) ?? []);
  }

  get conference() {
    this.#conference ??= batched((slugs) => this.#store.conferences(slugs));
    return this.#conference;
  }
  get talk() {
    this.#talk ??= batched((slugs) => this.#store.talks(slugs));
    return this.#talk;
  }
  get tool() {
    this.#tool ??= batched((slugs) => this.#store.tools(slugs));
    return this.#tool;
  }
  get topic() {
    this.#topic ??= batched((slugs) => this.#store.topics(slugs));
    return this.#topic;
  }
  get speaker() {
    this.#speaker ??= batched((slugs) => this.#store.speakers(slugs));
    return this.#speaker;
  }
  get link() {
    this.#link ??= batched((urls) => this.#store.links(urls));
    return this.#link;
  }
  get linkLists() {
    this.#linkLists ??= new DataLoader<readonly string[], (LinkModel | null)[]>(async (lists) => {
      const links = await fetchEach((urls) => this.#store.links(urls), lists.flat());
      let at = 0;
      return lists.map((urls) => {
        at += urls.length;
        return links.slice(at - urls.length, at);
      });
    });
    return this.#linkLists;
  }
  get talksOfTool() {
    this.#talksOfTool ??= batched((slugs) => this.#store.talksOfTools(slugs));
    return this.#talksOfTool;
  }
  get talksOfTopic() {
    this.#talksOfTopic ??= batched((slugs) => this.#store.talksOfTopics(slugs));
    return this.#talksOfTopic;
  }
  get toolsOfTopic() {
    this.#toolsOfTopic ??= batched((slugs) => this.#store.toolsOfTopics(slugs));
    return this.#toolsOfTopic;
  }
  get list() {
    this.#list ??= new DataLoader<EntityKind, string[]>((kinds) =>
      Promise.all(kinds.map((kind) => this.#store.list(kind))),
    );
    return this.#list;
  }
  get resolve() {
    this.#resolve ??= resolvers(this.#store);
    return this.#resolve;
  }
}

/** Name lookups by kind, each loader made the first time its kind is looked up. */
function resolvers(store: GraphStore): Loaders['resolve'] {
  const made = new Map<EntityKind, DataLoader<string, string | null>>();
  const loader = (kind: EntityKind) => {
    let found = made.get(kind);
    if (found === undefined) {
      found = batched((names) => Promise.all(names.map((name) => store.resolve(kind, name))));
      made.set(kind, found);
    }
    return found;
  };
  return {
    get conference() {
      return loader('conference');
    },
    get talk() {
      return loader('talk');
    },
    get tool() {
      return loader('tool');
    },
    get topic() {
      return loader('topic');
    },
    get speaker() {
      return loader('speaker');
    },
    get link() {
      return loader('link');
    },
  };
}

export function createLoaders(store: GraphStore): Loaders {
  return new RequestLoaders(store);
}

/** Loads every key through a loader, in key order; a store failure rejects the whole list. */
export function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  return Promise.all(keys.map((key) => loader.load(key)));
}

/** Loads every key and drops the keys the store does not know. */
export async function loadKnown<K, V>(loader: DataLoader<K, V | null>, keys: readonly K[]): Promise<V[]> {
  const values = await loadAll(loader, keys);
  return values.filter((value): value is V => value !== null);
}

/** The services of one served graph; `store` defaults to a `MemoryStore` over `data`. */
export function createGraphServices(
  data: GraphData,
  store: GraphStore = new MemoryStore(data),
  live: { version: number; changes?: GraphChangeSource } = { version: 1 },
): GraphServices {
  return { store, listBounds: boundsOf(data), ...live };
}

const bounds = new WeakMap<GraphData, ListBounds>();

/** Takes a graph's list bounds as measured when it was written (a snapshot's), rather than measuring them. */
export function rememberListBounds(data: GraphData, measured: ListBounds): void {
  bounds.set(data, measured);
}

function boundsOf(data: GraphData): ListBounds {
  let found = bounds.get(data);
  if (found === undefined) {
    found = listBounds(data);
    bounds.set(data, found);
  }
  return found;
}

/** A fresh context for one request: the shared services and new loaders. */
export function createContext(services: GraphServices): GraphContext {
  const searched = new Map<string, Promise<SearchMatch[]>>();
  const search = (query: string, types?: readonly EntityKind[]) => {
    const key = `${types?.join(',') ?? ''}\u0000${query}`;
    let hits = searched.get(key);
    if (hits === undefined) {
      hits = services.store.search(query, types);
      searched.set(key, hits);
    }
    return hits;
  };
  return { ...services, loaders: createLoaders(services.store), search };
}
