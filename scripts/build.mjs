// `npm run build` (run by `prepare`, so by `npm install` and `npm ci`): bundles the CLI with its
// dependencies into one CommonJS file, dist/cli/talkgraph.cjs, with esbuild, then records V8's
// compiled code for it (scripts/codeCache.mjs), so that starting `talkgraph` reads two files instead
// of resolving and compiling hundreds of modules. The same warm-up writes dist/seed/, the bundled
// content's graph, read by a first start whose cache folder is empty. Type checking stays with `npm run typecheck` (tsc).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

// markdown-it's published build declares its class fields through a compiler helper, which turns each
// into a property key, asks whether the object or its prototypes hold it, and only then assigns it:
// eight calls for every token of every post, a tenth of parsing a post. None of those fields is
// held by a prototype (test/parse/markdownFields.test.ts checks), so the helper always takes its
// assignment branch: in the bundle each field whose value is a plain literal or name is assigned
// where it is declared, and the helper, left for the few others, assigns directly.
const markdownItFields = {
  name: 'markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const helper =
        /function _defineProperty\(e, r, t\) \{\n\treturn \(r = toPropertyKey\(r\)\) in e \? Object\.defineProperty\(e, r, \{\n\t\tvalue: t,\n\t\tenumerable: !0,\n\t\tconfigurable: !0,\n\t\twritable: !0\n\t\}\) : e\[r\] = t, e;\n\}/;
      if (!helper.test(text)) return undefined;
      // `_defineProperty(this, /** doc */ "name", value);` with a value holding no call or statement.
      const field =
        /_defineProperty\(\s*(this|MarkdownIt),\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)?"([A-Za-z_$][\w$]*)",\s*([^();]*?)\s*\);/g;
      return {
        contents: text
          .replace(helper, 'function _defineProperty(e, r, t) {\n\te[r] = t;\n\treturn e;\n}')
          .replace(field, '$1.$2 = $3;'),
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

// graphql ships each of its modules twice, as CommonJS (its `main`) and as an ES module (.mjs, its
// `module`). Bundled from CommonJS, each of the dozens of ES modules that import it makes its own
// copy of graphql's 400 exports as getters, at every start; bundled from the ES modules, it is joined
// to them directly. Every path into it, graphql-jit's requires of its .js files too, goes to the .mjs
// twin: the bundle must hold one graphql, as two would fail each other's instanceof checks.
const requireHere = createRequire(import.meta.url);
const graphqlAsEsm = {
  name: 'graphql-as-esm',
  setup(build) {
    build.onResolve({ filter: /^graphql(\/.*)?$/ }, (args) => {
      const esm = requireHere.resolve(args.path).replace(/\.js$/, '.mjs');
      if (!existsSync(esm)) throw new Error(`graphql has no ES module twin of ${args.path}`);
      return { path: esm };
    });
  },
};

// msgpackr looks for its native string decoder (msgpackr-extract) when it loads, and asks which C
// library the system has (detect-libc) to choose a build. From inside the bundle it never finds one
// (the decoder's loader looks beside the bundle, not in node_modules), so it always decodes in
// JavaScript; the bundle makes that lookup fail at once instead of after the probing.
const noNativeMsgpackr = {
  name: 'no-native-msgpackr',
  setup(build) {
    build.onResolve({ filter: /^msgpackr-extract$/ }, (args) =>
      args.importer.includes('/node_modules/msgpackr/')
        ? { path: 'msgpackr-extract', namespace: 'no-native-msgpackr' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-native-msgpackr' }, () => ({
      contents: "throw new Error('msgpackr-extract is left out of the bundle');",
      loader: 'js',
    }));
  },
};

// Yoga's fetch classes (@whatwg-node/node-fetch) require node:https and node:tls when they load, for
// requests the server never makes. In the bundle each stands for the module and loads it on first use.
// Its names are listed here, from this node, so that a module that copies them as it imports (as
// esbuild's interop does) need not load it.
const lazyOutbound = {
  name: 'lazy-outbound',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(https|tls)$/ }, (args) =>
      args.namespace === 'lazy-outbound'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-outbound' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-outbound' }, async ({ path }) => {
      const names = Object.getOwnPropertyNames(await import(`node:${path}`)).filter((n) => n !== 'default');
      return {
        contents: `let loaded;
const load = () => (loaded ??= require('node:${path}'));
const names = ${JSON.stringify(names)};
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
  has: (_, key) => names.includes(key),
  ownKeys: () => names,
  getOwnPropertyDescriptor: (_, key) =>
    names.includes(key) ? { configurable: true, enumerable: true, writable: true, value: load()[key] } : undefined,
});`,
        loader: 'js',
      };
    });
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const { metafile } = await build({
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
  metafile: true,
  plugins: [
    graphqlAsEsm,
    noNativeMsgpackr,
    lazyOutbound,
    unusedJsonSerializer,
    noEsprima,
    graphiqlFromNodeModules,
    markdownItFields,
  ],
});

const commonJsGraphql = Object.keys(metafile.inputs).filter((f) => /node_modules\/graphql\/.*\.js$/.test(f));
if (commonJsGraphql.length > 0) throw new Error(`graphql bundled twice, also from ${commonJsGraphql[0]}`);

// The catalogue's digest and the stamp of its files (names, sizes, times of change), as
// src/indexing/resultCache.ts computes them: a start whose catalogue has the same stamp takes the
// digest from here instead of reading and hashing the catalogue's megabyte.
function catalogueDigest() {
  const dir = new URL('../catalogue/', import.meta.url);
  let names;
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return undefined; // no catalogue: a start finds none either
  }
  const digest = createHash('sha1');
  const stamp = createHash('sha1');
  for (const name of names) {
    const s = statSync(new URL(name, dir), { throwIfNoEntry: false });
    stamp.update(`${name}\u0000${s?.size}\u0000${s?.mtimeMs}\u0000${s?.ctimeMs}\u0000`);
    // A folder's name is hashed too, as a start hashes it.
    digest.update(name);
    if (s?.isFile()) digest.update(readFileSync(new URL(name, dir)));
  }
  return { digest: digest.digest('hex'), stamp: stamp.digest('hex') };
}

// The digest of the code just built, which every on-disk cached result depends on: computed here
// once, so that a start does not read and hash the whole bundle to find it.
const out = new URL('../dist/cli/', import.meta.url);
const hash = createHash('sha1');
for (const name of readdirSync(out)
  .filter((f) => f.endsWith('.cjs'))
  .sort())
  hash.update(name).update(readFileSync(new URL(name, out)));
writeFileSync(
  new URL('build-digest.json', out),
  `${JSON.stringify({ digest: hash.digest('hex'), catalogue: catalogueDigest() })}\n`,
);

await writeCodeCache();
