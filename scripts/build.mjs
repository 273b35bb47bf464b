// `npm run build` (run by `prepare`, so by `npm install` and `npm ci`): bundles the CLI with its
// dependencies into dist/cli/ with esbuild, one chunk per lazily loaded command, so that starting
// `talkgraph` reads a few files instead of resolving and compiling hundreds of modules.
// Type checking stays with `npm run typecheck` (tsc).
import { rmSync } from 'node:fs';
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
