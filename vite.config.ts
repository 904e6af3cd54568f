import { defineConfig, type Plugin } from 'vite';
import { createDemoApi } from './demo/demo-api.js';

const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/];

function demoEndpoints(): Plugin {
  return {
    name: 'social-link-button-demo-endpoints',
    configureServer(server) {
      server.middlewares.use(createDemoApi());
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'build' && mode === 'iife') {
    // Script-tag file: everything inlined, registers the element, global `SocialLinkButton`.
    return {
      build: {
        emptyOutDir: false,
        lib: {
          entry: 'src/iife.ts',
          formats: ['iife'],
          name: 'SocialLinkButton',
          fileName: () => 'social-link-button.iife.js',
        },
      },
    };
  }
  if (command === 'build' && mode === 'iife-callback') {
    // The callback page's script-tag file.
    return {
      build: {
        emptyOutDir: false,
        lib: {
          entry: 'src/callback-iife.ts',
          formats: ['iife'],
          name: 'SocialLinkCallback',
          fileName: () => 'social-link-callback.iife.js',
        },
      },
    };
  }
  if (command === 'build') {
    // npm entry points: ESM with lit and zod left to the host's bundler.
    return {
      build: {
        lib: {
          entry: { index: 'src/index.ts', callback: 'src/callback-auto.ts' },
          formats: ['es'],
        },
        rolldownOptions: { external },
      },
    };
  }
  return {
    plugins: [demoEndpoints()],
    // Only the demo page: the test pages import the test runner, which Vite cannot bundle.
    optimizeDeps: { entries: ['index.html'] },
    server: { host: '127.0.0.1', port: 5173 },
  };
});
