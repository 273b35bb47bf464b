/**
 * @module bench/servers
 * Throughput of raw node:http, a Yoga hello-world, a hand-rolled Yoga server
 * for one realistic query, and talkgraph on realistic queries, each server in its own process, loaded by autocannon from this one
 * over 127.0.0.1. Each case runs `rounds` times; medians are reported with
 * ratios against the two baselines.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median } from './stats.js';

interface Case {
  name: string;
  query: string;
}

export const CASES: Case[] = [
  { name: 'hello', query: '{ hello }' },
  {
    name: 'tool with talks',
    query:
      '{ tool(name: "gvisor") { name talks(first: 10) { totalCount edges { node { title youtubeId conference { name } tools { name } } } } } }',
  },
  {
    name: 'talks page with relations',
    query:
      '{ talks(first: 20) { totalCount edges { cursor node { title videoUrl speakers { name } tools { name } topics { name } conference { name year } } } } }',
  },
  { name: 'search', query: '{ search(query: "prometheus", first: 10) { score node { id } } }' },
];

const root = fileURLToPath(new URL('..', import.meta.url));

async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`server ${args.join(' ')} did not start: ${out}`)),
      120_000,
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

async function load(url: string, query: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    connections: 50,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors for ${query}`);
  }
  return result.requests.average;
}

export async function benchServers(seconds: number, rounds: number, content: string): Promise<void> {
  const tsx = ['--import', 'tsx'];
  const targets = [
    { name: 'raw node:http', args: [...tsx, 'bench/targets/raw.ts'], cases: [CASES[0] as Case] },
    { name: 'yoga hello-world', args: [...tsx, 'bench/targets/hello.ts'], cases: [CASES[0] as Case] },
    {
      name: 'hand-rolled yoga',
      args: [...tsx, 'bench/targets/handrolled.ts', content],
      cases: [CASES[1] as Case],
    },
    {
      name: 'talkgraph',
      args: ['bin/talkgraph.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--content', content],
      cases: CASES.slice(1),
    },
  ];
  const rows: { target: string; query: string; rps: number }[] = [];
  for (const target of targets) {
    const { child, url } = await start(target.args);
    try {
      for (const c of target.cases) {
        await load(url, c.query, 1); // warm-up
        const runs: number[] = [];
        for (let i = 0; i < rounds; i++) runs.push(await load(url, c.query, seconds));
        rows.push({ target: target.name, query: c.name, rps: median(runs) });
      }
    } finally {
      await stop(child);
    }
  }
  const raw = rows[0]?.rps ?? 0;
  const hello = rows[1]?.rps ?? 0;
  console.log(`# Server throughput (autocannon, 50 connections, ${seconds} s x ${rounds}, median req/s)\n`);
  console.log('| server | query | req/s | vs raw node:http | vs yoga hello-world |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.target} | ${r.query} | ${r.rps.toFixed(0)} | ${(r.rps / raw).toFixed(3)} | ${(r.rps / hello).toFixed(2)} |`,
    );
  }
  const hand = rows.find((r) => r.target === 'hand-rolled yoga');
  const ours = rows.find((r) => r.target === 'talkgraph' && r.query === hand?.query);
  if (hand !== undefined && ours !== undefined) {
    console.log(`\ntalkgraph / hand-rolled Yoga on "${hand.query}": ${(ours.rps / hand.rps).toFixed(2)}x`);
  }
  console.log('');
}
