// `npm run build` (run by `prepare`, so by `npm install` and `npm ci`): bundles the CLI with its
// dependencies into dist/cli/ with esbuild, one chunk per lazily loaded command, so that starting
// `talkgraph` reads a few files instead of resolving and compiling hundreds of modules.
// Type checking stays with `npm run typecheck` (tsc).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// graphql-jit requires fast-json-stringify (and through it ajv and its formats, a sixth of the
// server's code) when it loads, but calls it only for its `customJSONSerializer` option, which
// talkgraph never sets (server/yoga.ts). In its place the bundle holds a stub that says so if it is
// ever called, so that a start does not compile and run a JSON-schema compiler it never uses.
const unusedJsonSerializer = {
  name: 'unused-json-serializer',
  setup(build) {
    build.onResolve({ filter: /^fast-json-stringify$/ }, (args) =>
      args.importer.includes('/node_modules/graphql-jit/')
        ? { path: 'fast-json-stringify', namespace: 'unused-json-serializer' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused-json-serializer' }, () => ({
      contents:
        "module.exports = () => { throw new Error('graphql-jit customJSONSerializer needs fast-json-stringify, which is left out of the bundle'); };",
      loader: 'js',
    }));
  },
};

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
  plugins: [unusedJsonSerializer],
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
