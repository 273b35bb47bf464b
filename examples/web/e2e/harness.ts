// What the browser tests run against: Debian's chromium (installed with apt when absent), the
// talkgraph server on an ephemeral 127.0.0.1 port, and this front end built and served by
// `vite preview`, pointed at that server.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(WEB_ROOT, '../..');
export const OUTPUT = join(WEB_ROOT, 'test-output');
/** Where the built site says the notes' sources are, so evidence links to a file and line. */
export const SOURCE_BASE_URL = 'https://notes.example/blob/main/';

/** The browser binary the Debian package ships (faster than its wrapper script), then the wrapper. */
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

function findChromium(): string | undefined {
  return CHROMIUM_PATHS.find((path) => existsSync(path));
}

function apt(args: string[]): void {
  execFileSync('apt-get', args, {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** The path of chromium, installing Debian's package when it is absent; a reason when it cannot be had. */
export function ensureChromium(): { path: string } | { reason: string } {
  const found = findChromium();
  if (found) return { path: found };
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return { reason: 'chromium is not installed and only root can install it (apt-get install chromium)' };
  }
  try {
    try {
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    } catch {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    }
  } catch (error) {
    return {
      reason: `chromium is not installed and apt-get could not install it: ${(error as Error).message}`,
    };
  }
  const installed = findChromium();
  return installed
    ? { path: installed }
    : { reason: 'apt-get installed chromium but no browser binary was found' };
}

/** Launches chromium headless; Playwright gives each launch a fresh, temporary profile of its own. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Talkgraph {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:41234/graphql. */
  url: string;
  stop(): Promise<void>;
}

/** Starts `talkgraph serve` on a free 127.0.0.1 port and waits until it serves the graph. */
export async function startTalkgraph(): Promise<Talkgraph> {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, ['src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const url = await new Promise<string>((found, failed) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    child.once('exit', (code) => failed(new Error(`talkgraph serve exited with ${code} before serving`)));
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { url?: string };
        if (entry.url) found(entry.url);
      } catch {
        // Not a log line: ignore.
      }
    });
  });
  // Logged once the index is served; /health confirms it.
  const health = await fetch(new URL('/health', url));
  if (health.status !== 200) {
    await stop();
    throw new Error(`talkgraph /health answered ${health.status}`);
  }
  return { url, stop };
}

export interface Site {
  url: string;
  stop(): Promise<void>;
}

/** Builds the front end for `apiUrl` and serves it with `vite preview` on a free 127.0.0.1 port. */
export async function serveSite(apiUrl: string): Promise<Site> {
  const outDir = join(OUTPUT, 'dist');
  mkdirSync(OUTPUT, { recursive: true });
  // Vite reads VITE_* variables from the environment before .env files.
  process.env.VITE_API_URL = apiUrl;
  process.env.VITE_SOURCE_BASE_URL = SOURCE_BASE_URL;
  await build({ root: WEB_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root: WEB_ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  return { url, stop: () => server.close() };
}
