// Installs the front end's dependencies (npm ci) when they are missing or older than its lockfile,
// so `npm run test:e2e` at the repository root works from a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');

if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing examples/web dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', root], { stdio: 'inherit' });
}
