// `npm run build` (run by `prepare`, so by `npm install` and `npm ci`): bundles the CLI with its
// dependencies into one CommonJS file, dist/cli/talkgraph.cjs, with esbuild, then records V8's
// compiled code for it (scripts/codeCache.mjs), so that starting `talkgraph` reads two files instead
// of resolving and compiling hundreds of modules. Type checking stays with `npm run typecheck` (tsc).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { writeCodeCache } from './codeCache.mjs';

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

// js-yaml (through gray-matter) requires esprima when it loads, for its `!!js/function` type, through
// an alias of `require` that a bundler cannot see, and goes on without it when the require fails.
// Front matter is read with the safe schema (gray-matter's yaml engine is `safeLoad`), which has no
// such type, so the bundle makes that require fail at once: loading esprima cost a start 20 ms.
const noEsprima = {
  name: 'no-esprima',
  setup(build) {
    build.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const lookup = "esprima = _require('esprima');";
      if (!text.includes(lookup)) return undefined;
      return {
        contents: text.replace(lookup, "throw new Error('esprima is left out of the bundle');"),
        loader: 'js',
      };
    });
  },
};

// GraphiQL's page (9 MB of script) is not bundled but loaded from node_modules when a browser first
// asks for it, rather than read with the bundle on every start. Its dynamic import becomes a
// require: a script compiled by node:vm (bin/talkgraph.js) has no loader for `import()`.
const graphiqlFromNodeModules = {
  name: 'graphiql-from-node-modules',
  setup(build) {
    build.onResolve({ filter: /^@graphql-yoga\/render-graphiql$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: args.path, namespace: 'graphiql-from-node-modules' }
        : { path: args.path, external: true },
    );
    build.onLoad({ filter: /.*/, namespace: 'graphiql-from-node-modules' }, () => ({
      contents: "module.exports = require('@graphql-yoga/render-graphiql');",
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  // CommonJS, so that bin/talkgraph.js can compile it with node:vm and hand V8 the code it compiled
  // before: Node 20 keeps no compiled code for ES modules between runs.
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The bundle sits in dist/cli/, two folders below the package root, as every source file sits
  // below src/: paths made from `import.meta.url` (the catalogue, the bundled content) still resolve.
  outfile: 'dist/cli/talkgraph.cjs',
  define: { 'import.meta.url': '__talkgraph_module_url' },
  banner: { js: "const __talkgraph_module_url = require('node:url').pathToFileURL(__filename).href;" },
  // Less to read and to compile; names are kept for error messages and `constructor.name` checks.
  minify: true,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [unusedJsonSerializer, noEsprima, graphiqlFromNodeModules],
});

// The digest of the code just built, which every on-disk cached result depends on: computed here
// once, so that a start does not read and hash the whole bundle to find it.
const out = new URL('../dist/cli/', import.meta.url);
const hash = createHash('sha1');
for (const name of readdirSync(out)
  .filter((f) => f.endsWith('.cjs'))
  .sort())
  hash.update(name).update(readFileSync(new URL(name, out)));
writeFileSync(new URL('build-digest.json', out), `${JSON.stringify({ digest: hash.digest('hex') })}\n`);

await writeCodeCache();
