// Records V8's compiled code for the bundle (dist/cli/talkgraph.codecache), as the last step of
// `npm run build`. It runs `talkgraph serve` on the bundled content, asks it one query, and stops
// it: on its way out the process writes the code V8 compiled for all of that (the bin's
// TALKGRAPH_RECORD_CODE_CACHE), so that a later start compiles almost nothing before it answers.
// The same run indexes the content cold into dist/seed/ (its --cache-dir), the seed that a start
// reads when the user's cache folder has nothing for its inputs (src/indexing/resultCache.ts): so
// the first `npm start` after an install loads the bundled content's graph, and the install writes
// nothing outside the package.
// The code depends on the exact node and V8 flags: where they differ, V8 rejects it and the bin
// compiles the bundle from its source, as it does when the file is absent. So a build that cannot
// record it (no content/ folder, no loopback port) says so and goes on without.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CODE_CACHE = fileURLToPath(new URL('../dist/cli/talkgraph.codecache', import.meta.url));
export const SEED = fileURLToPath(new URL('../dist/seed/', import.meta.url));
const QUERY = '{ talks(first: 1) { totalCount } tool(name: "gvisor") { name talkCount } }';

/** The first line of the server's log that names its URL. */
function serverUrl(child) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('talkgraph serve did not start within 60 s')), 60_000).unref();
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const url = /"url":"([^"]+)"/.exec(text)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`talkgraph serve exited with ${code} before serving`)));
  });
}

/** Records the code cache; false (with the reason on stderr) when it could not. */
export async function writeCodeCache() {
  rmSync(CODE_CACHE, { force: true });
  rmSync(SEED, { recursive: true, force: true });
  const content = join(root, 'content');
  if (!existsSync(content)) {
    process.stderr.write('build: no content/ folder to warm up on; the CLI will compile at each start\n');
    return false;
  }
  try {
    await record(content);
    return true;
  } catch (error) {
    rmSync(CODE_CACHE, { force: true });
    rmSync(SEED, { recursive: true, force: true });
    process.stderr.write(
      `build: no code cache recorded (${error.message}); the CLI will compile at each start\n`,
    );
    return false;
  }
}

async function record(content) {
  const child = spawn(
    process.execPath,
    [
      'bin/talkgraph.js',
      'serve',
      '--content',
      content,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--cache-dir',
      SEED,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        LOG_LEVEL: 'info',
        TALKGRAPH_FROM_SOURCE: '',
        TALKGRAPH_RECORD_CODE_CACHE: CODE_CACHE,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await serverUrl(child);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = await response.json();
    if (body.data === undefined) throw new Error(`the warm-up query failed: ${JSON.stringify(body)}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  if (!existsSync(CODE_CACHE)) throw new Error('talkgraph serve wrote no code cache');
  // A code cache recorded under other flags than a start compiles with is rejected by every start.
  const check = spawnSync(process.execPath, ['bin/talkgraph.js', '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TALKGRAPH_REPORT_CODE_CACHE: '1', TALKGRAPH_FROM_SOURCE: '' },
  });
  if (!check.stderr.includes('code cache accepted'))
    throw new Error(`a start does not take the recorded code: ${check.stderr.trim().split('\n')[0]}`);
  if (!readdirSync(SEED).some((name) => name.endsWith('.graph')))
    throw new Error('talkgraph serve wrote no seed');
}
