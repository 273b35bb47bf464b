/**
 * @module cli/serve
 * `talkgraph serve`: index the content and serve it over GraphQL (with
 * GraphiQL) until SIGINT or SIGTERM, then close cleanly and exit 0.
 */
import { pino } from 'pino';
import { discoveryOf, withPackedSearch } from '../graph/discovery.js';
import { readSnapshot } from '../graph/snapshot.js';
import { type GraphData, MemoryStore } from '../graph/store.js';
import { type IndexResult, indexContent } from '../indexing/indexer.js';
import { writeSearch } from '../indexing/searchCache.js';
import { createGraphServices, rememberListBounds } from '../schema/context.js';
import { createAnswerer } from '../server/fastPath.js';
import { graphqlListener } from '../server/graphqlListener.js';
import { createHttpServer } from '../server/http.js';
import { createTalkgraphYoga, type TalkgraphYoga } from '../server/yoga.js';
import { CACHE_USAGE, cacheDir, cacheOptions, contentOptions, contentRoot, parse } from './options.js';
import { heapForRequests, settleHeap } from './settleHeap.js';

export const USAGE = `usage: talkgraph serve [--content DIR | --snapshot FILE] [--port N] [--host H] [--cors-origin O] [--no-catalogue]
                       [--graphiql | --no-graphiql] [--watch] [--no-response-cache]

Indexes the content folder and serves it at http://HOST:PORT/graphql, with
GraphiQL in a browser and GET /health for probes.

  --content DIR      content root (default: $TALKGRAPH_CONTENT, else ./content)
  --port N           port (default: $PORT, else 4000; 0 picks a free one)
  --host H           interface to listen on (default: localhost)
  --cors-origin O    allowed browser origin, repeatable or comma-separated (default: any
                     origin; credentials are never allowed)
  --no-catalogue     ignore the built-in catalogue of well-known tools
  --snapshot FILE    serve a graph written by talkgraph build --out FILE instead of indexing
${CACHE_USAGE}
  --no-response-cache
                     answer every request afresh: no cached answers and no ETags
                     (for measuring, or when memory matters more than speed)
  --graphiql         serve GraphiQL to browsers even when NODE_ENV=production
  --no-graphiql      never serve GraphiQL (default: served unless NODE_ENV=production)
  --watch            follow changes to the content: reindex changed files and serve the
                     new version (subscribe to graphChanged to hear of it)

Logs are JSON lines on stdout; set LOG_LEVEL (debug, info, warn, error, silent).
`;

const serveOptions = {
  ...contentOptions,
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  snapshot: { type: 'string' },
  ...cacheOptions,
  'no-response-cache': { type: 'boolean' },
  graphiql: { type: 'boolean' },
  'no-graphiql': { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
} as const;

/** The graph to serve: read from a snapshot, or indexed from the content root. */
async function loadGraph(values: {
  snapshot?: string;
  content?: string;
  'no-catalogue'?: boolean;
  'cache-dir'?: string;
  'no-cache'?: boolean;
}): Promise<IndexResult> {
  if (values.snapshot !== undefined) {
    const started = performance.now();
    // The heap is settled once the graph is read, before its search index is.
    const { header, data, search } = await readSnapshot(values.snapshot, settleHeap);
    if (search !== undefined) withPackedSearch(data, search);
    if (header.listBounds !== undefined) rememberListBounds(data, header.listBounds);
    const store = new MemoryStore(data);
    return { root: header.root, data, store, durationMs: performance.now() - started };
  }
  const root = contentRoot(values.content);
  const result = await indexContent({
    root,
    catalogue: !values['no-catalogue'],
    cacheDir: cacheDir(values),
    // Putting the graph together, and writing it, hold more (lists copied at their length, a copy
    // of each block written and a table of its strings): each starts in a settled heap, not on top
    // of what indexing left for the collector.
    settle: settleHeap,
  });
  if (await settleHeap()) {
    // A large graph's search index is built before it serves, in a settled heap with the young
    // generation small: built on the first search instead, it held that request for seconds and
    // left the young generation grown and the heap tens of MB larger (at 10,000 posts, 473 against
    // 438 MB after the same queries). A small graph's takes milliseconds, on first use.
    const search = discoveryOf(result.data).search;
    // Kept beside the warm-start graph, so that a restart over the same content restores it instead.
    const cache = result.cache;
    if (cache !== undefined && cache.search !== true && cache.saveError === undefined) {
      const packed = search.packed();
      if (packed !== undefined)
        await writeSearch(cache.graphFile, packed).catch((error: unknown) => {
          cache.notices.push(
            `the search index could not be kept beside ${cache.graphFile}: ${(error as Error).message}`,
          );
        });
    }
    await settleHeap();
  }
  return result;
}

/** GraphiQL is for people exploring: on unless refused, or unless production did not ask for it. */
export function graphiqlEnabled(
  flags: { graphiql?: boolean; 'no-graphiql'?: boolean },
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (flags['no-graphiql']) return false;
  return flags.graphiql === true || env.NODE_ENV !== 'production';
}

function parsePort(value: string): number | null {
  if (!/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65535 ? port : null;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parse(argv, serveOptions, { name: 'serve', usage: USAGE });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const portText = values.port ?? (process.env.PORT || '4000');
  const port = parsePort(portText);
  if (port === null) {
    process.stderr.write(`talkgraph serve: port "${portText}" is not a number from 0 to 65535\n\n${USAGE}`);
    return 2;
  }
  const host = values.host ?? 'localhost';
  const origins = (values['cors-origin'] ?? []).flatMap((o) => o.split(',')).map((o) => o.trim());
  if (values.snapshot !== undefined && values.content !== undefined) {
    process.stderr.write(`talkgraph serve: give --content or --snapshot, not both\n\n${USAGE}`);
    return 2;
  }
  if (values.snapshot !== undefined && values.watch) {
    process.stderr.write(`talkgraph serve: --watch follows a content folder, not a snapshot\n\n${USAGE}`);
    return 2;
  }
  const root = values.snapshot ?? contentRoot(values.content);
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined });

  const http = createHttpServer({ logger });
  let base: URL;
  try {
    // Listen first: /health answers 503 while the content is indexed.
    base = await http.listen(port, host);
  } catch (error) {
    process.stderr.write(`talkgraph serve: cannot listen on ${host}:${port}: ${(error as Error).message}\n`);
    return 1;
  }

  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'talkgraph shutting down');
    http.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'talkgraph could not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const yogaOptions = {
    logger,
    corsOrigin: origins.length > 0 ? origins : undefined,
    graphiql: graphiqlEnabled(values),
    responseCache: false,
  };
  const catalogue = !values['no-catalogue'];
  let served: { yoga: TalkgraphYoga; data: GraphData; durationMs: number; version: () => number };
  try {
    if (values.watch) {
      const started = performance.now();
      // The watcher (chokidar) and the live graph are loaded only when asked for.
      const { serveLive } = await import('../server/liveServer.js');
      const serving = await serveLive({
        root,
        catalogue,
        cacheDir: cacheDir(values),
        logger,
        yoga: yogaOptions,
      });
      const data = serving.live.current?.data as GraphData;
      served = {
        yoga: serving.yoga,
        data,
        durationMs: performance.now() - started,
        version: serving.version,
      };
    } else {
      const result = await loadGraph(values);
      for (const notice of result.cache?.notices ?? []) logger.warn(`talkgraph ${notice}`);
      const services = createGraphServices(result.data, result.store);
      // One graph for the life of the process: version 1.
      served = { yoga: createTalkgraphYoga({ services, ...yogaOptions }), ...result, version: () => 1 };
    }
  } catch (error) {
    const what = values.snapshot === undefined ? `index ${root}` : `serve the snapshot ${root}`;
    logger.fatal({ err: error }, `talkgraph could not ${what}: ${(error as Error).message}`);
    await http.close();
    return 1;
  }
  const { data, yoga, durationMs } = served;
  const errors = data.diagnostics.filter((d) => d.severity === 'ERROR').length;
  if (errors > 0) logger.warn({ errors }, `${errors} errors in the content; run talkgraph check for details`);

  // Answers are cached in front of GraphQL, per served graph version (the live one under --watch):
  // Yoga's own response cache stays off, or every query would take the slow path.
  const cache = values['no-response-cache'] ? undefined : { version: served.version };
  const handler = heapForRequests(graphqlListener(createAnswerer(yoga), yoga, { cache }), {
    onGrow: () => logger.debug('talkgraph is busy: its young generation may grow'),
  });
  http.ready(handler, {
    talks: data.talks.length,
    conferences: data.conferences.length,
    tools: data.tools.length,
    indexedInMs: Math.round(durationMs),
    watching: values.watch === true,
  });
  const url = new URL('graphql', base).href;
  logger.info(
    { url, content: root, talks: data.talks.length, indexedInMs: Math.round(durationMs) },
    `talkgraph serving ${data.talks.length} talks from ${root} at ${url}`,
  );
  // Logs are JSON for machines; a person at a terminal also gets a plain line to click.
  if (process.stderr.isTTY)
    process.stderr.write(`\n  GraphiQL: ${url}\n  Health:   ${new URL('health', base).href}\n\n`);
  return -1;
}
