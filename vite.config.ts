import { readdirSync } from 'node:fs';
import { defineConfig, loadEnv, type Plugin, type UserConfig } from 'vite';
import { createDemoBackend, type DemoBackend } from './demo/demo-server.js';

const LOCALES = readdirSync('src/locales').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^react(\/|$)/, /^react-dom(\/|$)/];

// The demo's backend: the reference handlers in front of the Ayrshare simulator, or the real
// Ayrshare when AYRSHARE_API_KEY and AYRSHARE_PROFILE_KEY are set (in the environment or .env).
function demoBackend(mode: string): Plugin {
  let backend: DemoBackend | undefined;
  return {
    name: 'social-link-button-demo-backend',
    async configureServer(server) {
      backend = await createDemoBackend(loadEnv(mode, process.cwd(), 'AYRSHARE_'));
      server.middlewares.use(backend.middleware);
      server.httpServer?.once('close', () => void backend?.close());
      server.httpServer?.once('listening', () => {
        setTimeout(() => server.config.logger.info(`  ➜  Backend: ${backend?.description}\n`), 50);
      });
    },
    transformIndexHtml(page) {
      return page.replaceAll('%LINK_HOSTS%', backend?.linkHosts ?? 'profile.ayrshare.com');
    },
  };
}

function iife(entry: string, name: string, file: string): UserConfig {
  return {
    build: {
      emptyOutDir: false,
      lib: { entry, formats: ['iife'], name, fileName: () => file },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  // Script-tag files: everything inlined. The element's registers it as global `SocialLinkButton`.
  if (command === 'build' && mode === 'iife') return iife('src/iife.ts', 'SocialLinkButton', 'social-link-button.iife.js');
  if (command === 'build' && mode === 'iife-callback') {
    return iife('src/callback-iife.ts', 'SocialLinkCallback', 'social-link-callback.iife.js');
  }
  if (command === 'build' && mode === 'server') {
    // Node entry points: the reference backend and the simulator.
    return {
      build: {
        ssr: true,
        emptyOutDir: false,
        target: 'node20',
        rolldownOptions: {
          input: { server: 'src/server/index.ts', simulator: 'src/server/simulator.ts' },
          output: { entryFileNames: '[name].js', chunkFileNames: 'server-[name]-[hash].js' },
        },
      },
    };
  }
  if (command === 'build') {
    // npm entry points: ESM with lit and zod left to the host's bundler.
    return {
      build: {
        lib: {
          entry: {
            index: 'src/index.ts',
            callback: 'src/callback-auto.ts',
            react: 'src/react.ts',
            // One file per language, beside the bundles: dist/locales/<tag>.js (npm and script tag).
            ...Object.fromEntries(LOCALES.map((tag) => [`locales/${tag}`, `src/locales/${tag}.ts`])),
          },
          formats: ['es'],
        },
        rolldownOptions: { external },
      },
    };
  }
  return {
    plugins: [demoBackend(mode)],
    // Only the demo page: the test pages import the test runner, which Vite cannot bundle.
    optimizeDeps: { entries: ['index.html'] },
    server: { host: '127.0.0.1', port: 5173 },
  };
});
