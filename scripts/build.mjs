// `npm run build`: every file of the package, through Vite's build() API.
//   src/protocol/validators.ts                       the browser's schemas compiled (scripts/compile-schemas.mjs)
//   dist/index.js, element.js, callback.js, react.js npm entries: minified ESM + .map, lit/react external
//                                                    (+ chunks); no Zod in them or in the script tags (checked)
//   dist/locales/<tag>.js                            one file per language, beside the bundles
//   dist/locales/integrity.json                      their sha384 SRI hashes, for hosts that pin them
//   dist/public-suffix-list.js                       the whole Public Suffix List, loaded when a wildcard needs it
//   dist/integrity.json                              its sha384 SRI hash
//   dist/social-link-button.iife.js                  script tag: everything inlined (then terser, a second pass)
//   dist/social-link-callback.iife.js                the callback page's script tag
//   dist/server.js, dist/simulator.js (+ chunks)     Node: the reference backend, the simulator
//   dist/server-pglite.js, dist/server-postgres.js   the profile stores (pg, PGlite stay external)
//   dist/simulator-page/                             the simulator's linking page script and CSS
//   dist/**/*.d.ts, custom-elements.json             types (tsc) and the manifest (cem)
//   dist/frameworks/, web-types.json, vscode…json    editor and framework typings, from the manifest
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { minify as terser } from 'terser';
import { build } from 'vite';
import { compileSchemas, OUTPUT as VALIDATORS } from './compile-schemas.mjs';
import { minifyLitCss, STYLE_MODULE } from './lit-css.mjs';
import { collapseLitHtml, TEMPLATE_MODULE } from './lit-html.mjs';
import { PART_SOURCES } from './parts.mjs';

const entry = (name) => `src/entries/${name}.ts`;

// Lit's css`` minified and html`` indentation collapsed (scripts/lit-css.mjs, lit-html.mjs). Only
// template texts change; map: null keeps each module's source map (off by a column or a line
// within a template at most).
const cssPlugin = {
  name: 'minify-lit-templates',
  enforce: 'pre',
  transform(code, id) {
    if (STYLE_MODULE.test(id)) return { code: minifyLitCss(code), map: null };
    if (TEMPLATE_MODULE.test(id)) return { code: collapseLitHtml(code, id), map: null };
    return null;
  },
};
const locales = readdirSync('src/locales').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
// No zod: the browser's files must not import it (see noZod below), and none is left external.
const external = [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/, /^react-dom(\/|$)/];
/**
 * Stops the build when a browser bundle took in Zod: its schemas are compiled for the browser
 * (src/protocol/validators.ts), and the element, the callback page and the script tags import
 * only those. Reads the modules of every output chunk, as the bundler reports them.
 */
function noZod(result, what) {
  for (const output of [result].flat()) {
    for (const chunk of output.output) {
      const zod = (chunk.moduleIds ?? Object.keys(chunk.modules ?? {})).filter((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id));
      const imports = [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].filter((id) => /^zod(\/|$)/.test(id));
      if (zod.length || imports.length) throw new Error(`${what}: ${chunk.fileName} holds or imports Zod (${[...imports, ...zod][0]}): import the compiled validators (src/protocol/validators.ts) in browser code`);
    }
  }
}
// configFile: false — vite.config.ts is the demo's; each build here says all it needs.
/** Runs one of our TypeScript modules in Node (bundled by esbuild) and returns its exports. */
async function load(file) {
  const { outputFiles } = await esbuild({ entryPoints: [file], bundle: true, format: 'esm', platform: 'neutral', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

// Built locale files list their messages as an array in MESSAGE_ORDER (src/i18n/messages.ts): no ids,
// a quarter smaller. Each source registers itself on the page-wide registry when run.
const { MESSAGE_ORDER } = await load('src/i18n/messages.ts');
/** A locale's built file: registers the messages, as a module or a classic script alike. */
async function localeFile(file) {
  globalThis.SocialLinkButtonLocales = {};
  await load(file);
  const [[tag, messages] = []] = Object.entries(globalThis.SocialLinkButtonLocales);
  const missing = MESSAGE_ORDER.filter((key) => !(key in (messages ?? {})));
  if (!tag || missing.length) throw new Error(`${file}: ${tag ? `no ${missing.join(', ')}` : 'no registration'}`);
  return `(globalThis.SocialLinkButtonLocales??={})[${JSON.stringify(tag)}]=${JSON.stringify(MESSAGE_ORDER.map((key) => messages[key]))};\n`;
}
// The built files' console notes are short, with a link to their sentences (src/element/net/developer-notes.ts).
const production = { SOCIAL_LINK_BUTTON_PRODUCTION: 'true' };
const common = { configFile: false, logLevel: 'warn', plugins: [cssPlugin], define: production };
// The npm build's locale import()s (src/i18n/locale-imports.ts) point at the built locale
// files, dist/locales/<tag>.js, beside the chunk: one copy of each language, which a host's
// bundler follows (and which `import 'social-link-button/locales/<tag>'` also is).
const localesBeside = {
  name: 'locales-beside',
  enforce: 'pre',
  resolveId(source, importer) {
    const tag = /^\.\.\/locales\/([\w-]+)\.js$/.exec(source)?.[1];
    if (tag && importer?.endsWith('/src/i18n/locale-imports.ts')) return { id: `./locales/${tag}.js`, external: true };
    // Likewise the whole Public Suffix List: dist/public-suffix-list.js.
    if (source === './public-suffix-list.js' && importer?.endsWith('/src/element/link/public-suffix-imports.ts')) return { id: source, external: true };
    return null;
  },
};

rmSync('dist', { recursive: true, force: true });
// The browser's validators, from the Zod schemas as they are now.
writeFileSync(VALIDATORS, await compileSchemas());

const esm = await build({
  ...common,
  plugins: [cssPlugin, localesBeside],
  build: {
    emptyOutDir: false,
    // What a CDN serves to a direct import is what a bundler reads: minified, with source maps
    // (sources included) for the stack traces.
    minify: true,
    sourcemap: true,
    lib: {
      entry: {
        index: entry('index'),
        element: entry('element'),
        callback: entry('callback'),
        react: entry('react'),
      },
      formats: ['es'],
    },
    // Vite keeps whitespace in a library's ES output; the output's own minify takes it out.
    rolldownOptions: { external, output: { minify: true } },
  },
});
noZod(esm, 'npm build');
// The same second minifier pass as the script tags' (below) on the browser's ES modules, their
// source maps carried through: 0.08 KB gzip off the host's bundle.
for (const chunk of [esm].flat().flatMap((output) => output.output)) {
  if (chunk.type !== 'chunk') continue;
  const map = `${chunk.fileName}.map`;
  const hasMap = existsSync(`dist/${map}`);
  const { code, map: chained } = await terser(readFileSync(`dist/${chunk.fileName}`, 'utf8'), {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    sourceMap: hasMap && { content: readFileSync(`dist/${map}`, 'utf8'), url: map, includeSources: true },
  });
  writeFileSync(`dist/${chunk.fileName}`, code);
  if (hasMap) writeFileSync(`dist/${map}`, chained);
}

mkdirSync('dist/locales', { recursive: true });
for (const tag of locales) {
  writeFileSync(`dist/locales/${tag}.js`, await localeFile(`src/locales/${tag}.ts`));
}
// For hosts that pin the locale files with Subresource Integrity: tag → "sha384-…".
const integrity = Object.fromEntries(
  locales.map((tag) => [tag, `sha384-${createHash('sha384').update(readFileSync(`dist/locales/${tag}.js`)).digest('base64')}`]),
);
writeFileSync('dist/locales/integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);
// The whole Public Suffix List as an ES module (`export default '<rules>'`), as the npm build's
// import() and the script-tag build's both read it; and its SRI hash.
const { default: suffixList } = await load('src/element/link/public-suffix-list.ts');
const suffixFile = `export default ${JSON.stringify(suffixList)};\n`;
writeFileSync('dist/public-suffix-list.js', suffixFile);
const suffixHash = `sha384-${createHash('sha384').update(suffixFile).digest('base64')}`;
writeFileSync('dist/integrity.json', `${JSON.stringify({ 'public-suffix-list.js': suffixHash }, null, 2)}\n`);

// The element's parts for the script tag (src/element/parts/parts.ts): each its own classic
// script, which registers the part on globalThis.SocialLinkButtonParts (and runs as a module
// alike, as the element loads it). A part is plain code: no Lit and no state shared with the
// bundle (each file holds its own copy of what it imports, checked here against that list).
const PART_MAY_IMPORT = /^src\/element\/(parts\/|in-app-hint\.ts$|types\.ts$)/;
mkdirSync('dist/parts', { recursive: true });
const partHashes = {};
for (const [name, source] of Object.entries(PART_SOURCES)) {
  const { outputFiles, metafile } = await esbuild({ entryPoints: [source], bundle: true, format: 'esm', metafile: true, write: false, target: 'es2022' });
  const stray = Object.keys(metafile.inputs).find((input) => !PART_MAY_IMPORT.test(input));
  if (stray) throw new Error(`part ${name} (${source}) imports ${stray}: a part holds plain code of its own (see scripts/build.mjs)`);
  // The module's closing `export { local as name, … }` becomes the registered object.
  const text = outputFiles[0].text;
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(text);
  if (!exported) throw new Error(`part ${name}: no export list at the end of esbuild's output`);
  const members = exported[1].split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    const [local, as = local] = item.split(/\s+as\s+/);
    return `${JSON.stringify(as)}:${local}`;
  });
  // The registry is globalThis's own property (named access to a clobbering <form id=…> is not).
  const registry = "(Object.getOwnPropertyDescriptor(globalThis,'SocialLinkButtonParts')?globalThis.SocialLinkButtonParts:globalThis.SocialLinkButtonParts={})";
  const wrapped = `(()=>{${text.slice(0, exported.index)};${registry}[${JSON.stringify(name)}]={${members.join(',')}}})();`;
  const { code } = await terser(wrapped, { compress: { passes: 2 }, mangle: true });
  writeFileSync(`dist/parts/${name}.js`, `${code}\n`);
  partHashes[name] = `sha384-${createHash('sha384').update(`${code}\n`).digest('base64')}`;
}
writeFileSync('dist/parts/integrity.json', `${JSON.stringify(partHashes, null, 2)}\n`);

for (const [file, name, global] of [
  ['social-link-button.iife.js', 'iife', 'SocialLinkButton'],
  ['social-link-callback.iife.js', 'callback-iife', 'SocialLinkCallback'],
]) {
  const iife = await build({
    ...common,
    // Script tags have no import.meta: the element finds its locale files from its <script>.
    define: { ...production, 'import.meta.url': 'undefined' },
    build: { emptyOutDir: false, lib: { entry: entry(name), formats: ['iife'], name: global, fileName: () => file } },
  });
  noZod(iife, file);
  // A second minifier pass: terser (two compress passes, safe options only) finds what Vite's
  // minifier left, 0.25 KB gzip in the script-tag file.
  const { code } = await terser(readFileSync(`dist/${file}`, 'utf8'), { compress: { passes: 2 }, mangle: true });
  writeFileSync(`dist/${file}`, code);
}

await build({
  ...common,
  build: {
    ssr: true,
    emptyOutDir: false,
    target: 'node20',
    rolldownOptions: {
      input: {
        server: entry('server'),
        'server-pglite': entry('server-pglite'),
        'server-postgres': entry('server-postgres'),
        simulator: entry('simulator'),
      },
      output: { entryFileNames: '[name].js', chunkFileNames: 'server-[name]-[hash].js' },
    },
  },
});
// Read at run time from beside dist/simulator.js.
cpSync('src/simulator/simulator-page', 'dist/simulator-page', { recursive: true });

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync('npx', ['cem', 'analyze'], { stdio: 'inherit' });
// VS Code custom data, web-types, and Vue, Svelte and Solid typings, from the manifest.
execFileSync('node', ['scripts/framework-types.mjs'], { stdio: 'inherit' });
