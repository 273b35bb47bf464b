/**
 * @module bench/indexing/processes
 * Runs one command as a whole process and measures it: wall time, CPU time
 * (user + system, read from the kernel's account of waited-for children, so
 * it also covers processes that are not Node, such as Hugo) and, for Node
 * processes, peak RSS through a preloaded reporter. CPU time is steadier than
 * wall time on a shared machine; both are reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const maxRssPreload = fileURLToPath(new URL('../targets/maxRss.mjs', import.meta.url));

export interface ProcessRun {
  wallMs: number;
  /** User + system CPU of the process and its children; NaN where the kernel does not tell. */
  cpuMs: number;
  /** Peak resident set in MB; NaN for processes that are not Node. */
  rssMb: number;
}

/** CPU time of all waited-for children so far, from /proc (Linux); NaN elsewhere. */
function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may contain spaces) are space-separated; cutime and cstime are 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

function run(command: string, args: string[], rss: boolean): ProcessRun {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${stderr}`);
  const m = rss ? /talkgraph-bench-maxrss-kb (\d+)/.exec(stderr) : null;
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore, rssMb: m ? Number(m[1]) / 1024 : Number.NaN };
}

/** A Node script or the talkgraph command, with its peak RSS reported. */
export function runNode(args: string[]): ProcessRun {
  return run(process.execPath, ['--import', maxRssPreload, ...args], true);
}

export function runCommand(command: string, args: string[]): ProcessRun {
  return run(command, args, false);
}

/** True when `command` runs (e.g. `hugo version`). */
export function available(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}
