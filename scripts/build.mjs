// `npm run build` (run by `prepare`, so by `npm install` and `npm ci`): bundles the CLI with its
// dependencies into dist/cli/ with esbuild, one chunk per lazily loaded command, so that starting
// `talkgraph` reads a few files instead of resolving and compiling hundreds of modules.
// Type checking stays with `npm run typecheck` (tsc).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Every chunk sits in dist/cli/, two folders below the package root, as every source file sits
  // below src/: paths made from `import.meta.url` (the catalogue, the bundled content) still resolve.
  outdir: 'dist/cli',
  sourcemap: true,
  // Bundled CommonJS dependencies may still call `require` (for node built-ins, say).
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The digest of the code just built, which every on-disk cached result depends on: computed here
// once, so that a start does not read and hash the whole bundle to find it.
const out = new URL('../dist/cli/', import.meta.url);
const hash = createHash('sha1');
for (const name of readdirSync(out)
  .filter((f) => f.endsWith('.js'))
  .sort())
  hash.update(name).update(readFileSync(new URL(name, out)));
writeFileSync(new URL('build-digest.json', out), `${JSON.stringify({ digest: hash.digest('hex') })}\n`);
