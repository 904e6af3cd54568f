// `npm run build`: every file of the package, through Vite's build() API.
//   dist/index.js, callback.js, react.js (+ chunks)  npm entries: ESM, lit/zod/react external
//   dist/locales/<tag>.js                            one file per language, beside the bundles
//   dist/social-link-button.iife.js                  script tag: everything inlined
//   dist/social-link-callback.iife.js                the callback page's script tag
//   dist/server.js, dist/simulator.js (+ chunks)     Node: the reference backend, the simulator
//   dist/simulator-page/                             the simulator's linking page script and CSS
//   dist/**/*.d.ts, custom-elements.json             types (tsc) and the manifest (cem)
//   dist/frameworks/, web-types.json, vscode…json    editor and framework typings, from the manifest
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'vite';

const entry = (name) => `src/entries/${name}.ts`;

/** Minifies the CSS in src/styles/ (Lit's css`` templates ship as written otherwise). */
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
const cssPlugin = {
  name: 'minify-lit-css',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/styles\/[\w-]+\.ts$/.test(id)) return null;
    return code.replace(/css`([^`$]*)`/g, (_, css) => `css\`${minifyCss(css)}\``);
  },
};
const locales = readdirSync('src/locales').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(\/|$)/, /^react-dom(\/|$)/];
// configFile: false — vite.config.ts is the demo's; each build here says all it needs.
const common = { configFile: false, logLevel: 'warn', plugins: [cssPlugin] };

rmSync('dist', { recursive: true, force: true });

await build({
  ...common,
  build: {
    emptyOutDir: false,
    lib: {
      entry: {
        index: entry('index'),
        callback: entry('callback'),
        react: entry('react'),
        ...Object.fromEntries(locales.map((tag) => [`locales/${tag}`, `src/locales/${tag}.ts`])),
      },
      formats: ['es'],
    },
    rolldownOptions: { external },
  },
});

for (const [file, name, global] of [
  ['social-link-button.iife.js', 'iife', 'SocialLinkButton'],
  ['social-link-callback.iife.js', 'callback-iife', 'SocialLinkCallback'],
]) {
  await build({
    ...common,
    // Script tags have no import.meta: the element finds its locale files from its <script>.
    define: { 'import.meta.url': 'undefined' },
    build: { emptyOutDir: false, lib: { entry: entry(name), formats: ['iife'], name: global, fileName: () => file } },
  });
}

await build({
  ...common,
  build: {
    ssr: true,
    emptyOutDir: false,
    target: 'node20',
    rolldownOptions: {
      input: { server: entry('server'), simulator: entry('simulator') },
      output: { entryFileNames: '[name].js', chunkFileNames: 'server-[name]-[hash].js' },
    },
  },
});
// Read at run time from beside dist/simulator.js.
cpSync('src/server/simulator-page', 'dist/simulator-page', { recursive: true });

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync('npx', ['cem', 'analyze'], { stdio: 'inherit' });
// VS Code custom data, web-types, and Vue, Svelte and Solid typings, from the manifest.
execFileSync('node', ['scripts/framework-types.mjs'], { stdio: 'inherit' });
