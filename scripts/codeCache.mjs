// Records V8's compiled code for the bundle (dist/cli/talkgraph.codecache), as the last step of
// `npm run build`. It runs `talkgraph serve --no-cache` on the bundled content, asks it one query,
// and stops it: on its way out the process writes the code V8 compiled for all of that (the bin's
// TALKGRAPH_RECORD_CODE_CACHE), so that a later start compiles almost nothing before it answers.
// The code depends on the exact node and V8 flags: where they differ, V8 rejects it and the bin
// compiles the bundle from its source as if the file were absent.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CODE_CACHE = fileURLToPath(new URL('../dist/cli/talkgraph.codecache', import.meta.url));
const QUERY = '{ talks(first: 1) { totalCount } tool(name: "gvisor") { name talkCount } }';

/** The first line of the server's log that names its URL. */
function serverUrl(child) {
  return new Promise((resolve, reject) => {
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

export async function writeCodeCache() {
  rmSync(CODE_CACHE, { force: true });
  const child = spawn(
    process.execPath,
    ['bin/talkgraph.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-cache'],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'info', TALKGRAPH_RECORD_CODE_CACHE: CODE_CACHE },
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
}
