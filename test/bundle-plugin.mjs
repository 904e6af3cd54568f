// Serves /__bundle/<name>.js: test/apps/<name>.(tsx|ts) bundled by esbuild, so the React and
// Vue apps (whose packages ship CommonJS or bundler-only builds) run in the browser tests.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';

// .svelte files compiled for the browser (Svelte 5), for the Svelte app.
const sveltePlugin = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return { contents: compile(source, { filename: path, generate: 'client' }).js.code, loader: 'js' };
    });
  },
};

export function bundlePlugin() {
  const builds = {};
  return {
    name: 'test-app-bundles',
    async serve(context) {
      const match = /^\/__bundle\/([\w-]+)\.js$/.exec(context.path);
      if (!match) return undefined;
      const entry = ['tsx', 'ts'].map((ext) => `test/apps/${match[1]}.${ext}`).find((file) => existsSync(file));
      if (!entry) return undefined;
      // Built once per run: both engines ask for the same bundles at about the same time.
      builds[entry] ??= build({
        entryPoints: [entry],
        bundle: true,
        format: 'esm',
        write: false,
        target: 'es2022',
        minify: true,
        jsx: 'automatic',
        tsconfig: 'tsconfig.json',
        plugins: [sveltePlugin],
        conditions: ['browser', 'svelte'],
        define: {
          'process.env.NODE_ENV': '"production"',
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
        },
      });
      const result = await builds[entry];
      return { body: result.outputFiles[0].text, type: 'js', headers: { 'Cache-Control': 'no-store' } };
    },
  };
}
