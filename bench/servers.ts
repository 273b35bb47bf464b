/**
 * @module bench/servers
 * Serving throughput: each row is a server process (raw node:http, a Yoga
 * hello-world, a hand-rolled Yoga, talkgraph with its caches on or off)
 * loaded by autocannon from this process over 127.0.0.1, and is printed
 * beside the baseline it is judged against, measured in the same run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { serverNodeFlags } from './serveCommand.js';
import { median } from './stats.js';

/** A tool page: the tool, a page of its talks, each with its conference and links. */
export const TOOL_PAGE = `query ToolPage($name: String!, $first: Int!) {
  tool(name: $name) {
    id name description talkCount
    talks(first: $first) {
      totalCount
      edges { cursor node { id title date videoUrl conference { id name year } links { url kind label } } }
    }
  }
}`;
const HANDROLLED_QUERY =
  '{ tool(name: "gvisor") { name talks(first: 10) { totalCount edges { node { title youtubeId conference { name } tools { name } } } } } }';

const RAW = 'raw node:http, fixed JSON';
const RAW_PAGE = 'raw node:http, 12 KB of JSON';
const HELLO = 'yoga hello-world, { hello }';
const HANDROLLED = 'hand-rolled yoga, tool with 10 talks';
type Baseline = typeof RAW | typeof RAW_PAGE | typeof HELLO | typeof HANDROLLED;

interface Load {
  method: 'GET' | 'POST';
  /** Fixed request bodies (POST) or query strings (GET), or one chosen at random per request. */
  bodies: () => Promise<string[]>;
}

interface Row {
  name: string;
  server: string;
  load: Load;
  /** The row it is judged against (none for baselines) and the goal as a ratio to it. */
  baseline?: Baseline;
  goal?: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = ['--import', 'tsx'];

function post(query: string, variables?: Record<string, unknown>): Load {
  return { method: 'POST', bodies: async () => [JSON.stringify({ query, variables })] };
}

function get(query: string, variables?: Record<string, unknown>): Load {
  const search = new URLSearchParams({
    query,
    ...(variables ? { variables: JSON.stringify(variables) } : {}),
  });
  return { method: 'GET', bodies: async () => [search.toString()] };
}

/** Tool pages for every tool of the served graph, at page sizes 5, 10 and 20. */
function variedToolPages(url: () => string): Load {
  return {
    method: 'POST',
    bodies: async () => {
      const response = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ tools(first: 100) { edges { node { name } } } }' }),
      });
      const result = (await response.json()) as { data: { tools: { edges: { node: { name: string } }[] } } };
      const names = result.data.tools.edges.map((e) => e.node.name);
      return names.flatMap((name) =>
        [5, 10, 20].map((first) => JSON.stringify({ query: TOOL_PAGE, variables: { name, first } })),
      );
    },
  };
}

async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`server ${args.join(' ')} did not start: ${out}`)),
      180_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(`${m[1]}/graphql`);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Seeded choice, so runs send the same sequence of varied requests. */
function chooser(count: number): () => number {
  let s = 42;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % count;
  };
}

async function measure(
  url: string,
  method: Load['method'],
  bodies: string[],
  seconds: number,
): Promise<number> {
  const pick = chooser(bodies.length);
  const headers = method === 'POST' ? { 'content-type': 'application/json' } : {};
  const result = await autocannon({
    url: method === 'GET' ? `${url}?${bodies[0]}` : url,
    connections: 50,
    duration: seconds,
    method,
    headers: { accept: 'application/json', ...headers },
    body: method === 'POST' ? bodies[0] : undefined,
    requests:
      bodies.length > 1
        ? [
            {
              setupRequest: (request) =>
                method === 'POST'
                  ? { ...request, body: bodies[pick()] }
                  : { ...request, path: `${new URL(url).pathname}?${bodies[pick()]}` },
            },
          ]
        : undefined,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return result.requests.average;
}

export interface ServerRow {
  name: string;
  /** req/s of each round. */
  runs: number[];
  baseline?: Baseline;
  goal?: number;
}

export async function benchServers(seconds: number, rounds: number, content: string): Promise<ServerRow[]> {
  // talkgraph runs with the Node flags of `npm start`.
  const talkgraph = (...flags: string[]) => [
    ...serverNodeFlags(),
    'bin/talkgraph.js',
    'serve',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--content',
    content,
    ...flags,
  ];
  const servers: Record<string, string[]> = {
    raw: [...tsx, 'bench/targets/raw.ts'],
    // The tool page below answers about 12 KB: a cached answer is judged against raw bytes of that size.
    rawPage: [...tsx, 'bench/targets/raw.ts', '12000'],
    hello: [...tsx, 'bench/targets/hello.ts'],
    handrolled: [...tsx, 'bench/targets/handrolled.ts', content],
    cached: talkgraph(),
    uncached: talkgraph('--no-response-cache'),
  };
  let currentUrl = '';
  const page20 = { name: 'gVisor', first: 20 };
  const rows: Row[] = [
    { name: RAW, server: 'raw', load: get('{ hello }') },
    { name: RAW_PAGE, server: 'rawPage', load: get('{ hello }') },
    { name: HELLO, server: 'hello', load: post('{ hello }') },
    { name: HANDROLLED, server: 'handrolled', load: post(HANDROLLED_QUERY) },
    {
      name: 'talkgraph cached GET, a tool name',
      server: 'cached',
      load: get('{ tool(name: "gvisor") { name } }'),
      baseline: RAW,
      goal: 0.5,
    },
    {
      name: 'talkgraph cached GET, tool page (20 talks)',
      server: 'cached',
      load: get(TOOL_PAGE, page20),
      baseline: RAW_PAGE,
      goal: 0.5,
    },
    {
      name: 'talkgraph cached POST, tool page (20 talks)',
      server: 'cached',
      load: post(TOOL_PAGE, page20),
      baseline: HELLO,
    },
    {
      name: 'talkgraph cache on, varied tool pages (5/10/20)',
      server: 'cached',
      load: variedToolPages(() => currentUrl),
      baseline: HELLO,
      goal: 1.0,
    },
    {
      name: 'talkgraph uncached, tool page (20 talks)',
      server: 'uncached',
      load: post(TOOL_PAGE, page20),
      baseline: HELLO,
      goal: 1.0,
    },
    {
      name: 'talkgraph uncached, tool with 10 talks',
      server: 'uncached',
      load: post(HANDROLLED_QUERY),
      baseline: HANDROLLED,
    },
  ];
  // Every server runs for the whole benchmark (idle when not loaded), and each round loads every
  // row in turn: drift in the load other processes put on the machine hits all rows alike.
  const started = new Map<string, { child: ChildProcess; url: string }>();
  try {
    for (const [server, args] of Object.entries(servers)) started.set(server, await start(args));
    const prepared = [];
    for (const row of rows) {
      const url = (started.get(row.server) as { url: string }).url;
      currentUrl = url;
      const bodies = await row.load.bodies();
      await measure(url, row.load.method, bodies, 1); // warm-up
      prepared.push({ row, url, bodies, runs: [] as number[] });
    }
    for (let i = 0; i < rounds; i++) {
      for (const p of prepared) p.runs.push(await measure(p.url, p.row.load.method, p.bodies, seconds));
    }
    return prepared.map((p) => ({
      name: p.row.name,
      runs: p.runs,
      baseline: p.row.baseline,
      goal: p.row.goal,
    }));
  } finally {
    for (const { child } of started.values()) await stop(child);
  }
}

/** Prints the rows as one table, each with its baseline's median and the ratio to it. */
export function printServerRows(rows: ServerRow[], seconds: number, rounds: number): void {
  const byName = (name: string) => rows.find((r) => r.name === name);
  console.log(`# Serving (autocannon, 50 connections, ${seconds} s x ${rounds}, median req/s and range)\n`);
  console.log('| row | req/s | range | baseline | baseline req/s | ratio | goal |');
  console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: |');
  for (const row of rows) {
    const ours = median(row.runs);
    const range = `${Math.min(...row.runs).toFixed(0)}–${Math.max(...row.runs).toFixed(0)}`;
    const base = row.baseline === undefined ? undefined : byName(row.baseline);
    const theirs = base === undefined ? undefined : median(base.runs);
    const ratio = theirs === undefined ? '' : `${(ours / theirs).toFixed(2)}x`;
    const goal =
      row.goal === undefined
        ? ''
        : `≥ ${row.goal.toFixed(1)}x ${ours / (theirs ?? 1) >= row.goal ? 'met' : 'NOT met'}`;
    console.log(
      `| ${row.name} | ${ours.toFixed(0)} | ${range} | ${row.baseline ?? '—'} | ${theirs?.toFixed(0) ?? ''} | ${ratio} | ${goal} |`,
    );
  }
  console.log('');
}
