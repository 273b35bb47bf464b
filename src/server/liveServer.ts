/**
 * @module server/liveServer
 * Serving content that changes (`talkgraph serve --watch`): the content
 * root is watched, each burst of changes becomes a new graph version
 * (`indexing/liveGraph.ts`), and the GraphQL endpoint serves whichever
 * version is current when a request starts. Cached answers belong to the
 * version they were made from (the cache is keyed by version, and emptied
 * when a new one arrives), and every new version is announced to
 * `graphChanged` subscribers.
 */
import { createPubSub } from 'graphql-yoga';
import type { Logger } from 'pino';
import { type GraphChange, LiveGraph } from '../indexing/liveGraph.js';
import { type ContentWatcher, watchContent } from '../indexing/watchContent.js';
import { createGraphServices, type GraphServices } from '../schema/context.js';
import { createResponseCache } from './caches.js';
import { createTalkgraphYoga, type TalkgraphYoga, type YogaOptions } from './yoga.js';

export interface LiveServing {
  live: LiveGraph;
  yoga: TalkgraphYoga;
  /** The version served now. */
  version(): number;
  close(): Promise<void>;
}

export interface LiveServingOptions {
  root: string;
  catalogue?: boolean;
  /** Keep per-file results on disk here, so a restart starts warm. */
  cacheDir?: string;
  logger?: Logger;
  /** Quiet time after the last file event before reindexing (ms). */
  settleMs?: number;
  yoga?: Omit<YogaOptions, 'services' | 'graphVersion' | 'responseCacheStore'>;
}

/** Indexes `root`, then serves it and follows its changes until `close()`. */
export async function serveLive(options: LiveServingOptions): Promise<LiveServing> {
  const { logger } = options;
  const live = new LiveGraph({
    root: options.root,
    catalogue: options.catalogue,
    cacheDir: options.cacheDir,
  });
  const refresh = () => {
    live.refresh().catch((error: unknown) => logger?.error({ err: error }, 'talkgraph could not reindex'));
  };
  // Watching starts before the first index, so a change made during it is not missed.
  const watcher: ContentWatcher = watchContent(options.root, refresh, options.settleMs);
  await live.refresh();
  for (const notice of live.notices) logger?.warn(`talkgraph ${notice}`);
  await watcher.ready;
  const first = live.current;
  if (first === null) throw new Error('the first index produced no graph');

  const pubsub = createPubSub<{ graphChanged: [GraphChange] }>();
  const changes = { subscribe: () => pubsub.subscribe('graphChanged') };
  let version = first.version;
  let services: GraphServices = createGraphServices(first.data, first.store, { version, changes });
  const cache = createResponseCache();
  live.onChange((change: GraphChange) => {
    const next = live.current;
    if (next === null) return;
    // Built before the swap (search and the other discovery indexes are built on first use).
    const built = createGraphServices(next.data, next.store, { version: next.version, changes });
    services = built;
    version = next.version;
    cache.clear();
    pubsub.publish('graphChanged', change);
    logger?.info(
      { version: change.version, changedPaths: change.changedPaths, talks: next.data.talks.length },
      `talkgraph reindexed ${change.changedPaths.length} changed files (version ${change.version})`,
    );
  });
  const yoga = createTalkgraphYoga({
    ...options.yoga,
    logger,
    services: () => services,
    graphVersion: () => version,
    responseCacheStore: cache,
  });
  return { live, yoga, version: () => version, close: () => watcher.close() };
}
