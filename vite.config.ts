import { join } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { createDemoBackend, type DemoBackend } from './demo/demo-server.js';

// The demo's backend: the reference handlers in front of the Ayrshare simulator, or the real
// Ayrshare when AYRSHARE_API_KEY and AYRSHARE_PROFILE_KEY are set (in the environment or .env).
function demoBackend(mode: string): Plugin {
  let backend: DemoBackend | undefined;
  return {
    name: 'social-link-button-demo-backend',
    async configureServer(server) {
      // The simulator's users and their profiles persist here (git-ignored); delete it to start
      // afresh. Tests and screenshots point SOCIAL_LINK_DEMO_DATA at a folder of their own.
      const dataDir = process.env.SOCIAL_LINK_DEMO_DATA || join(server.config.root, '.demo-data');
      backend = await createDemoBackend(loadEnv(mode, process.cwd(), 'AYRSHARE_'), { dataDir });
      server.middlewares.use(backend.middleware);
      server.httpServer?.once('close', () => void backend?.close());
      server.httpServer?.once('listening', () => {
        // The port is known now: the simulator's webhook can point at this server.
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') void backend?.listening(address.port);
        setTimeout(() => server.config.logger.info(`  ➜  Backend: ${backend?.description}\n`), 50);
      });
    },
    // Vite's close (and its SIGTERM) awaits this: the database is closed before the process ends.
    async buildEnd() {
      await backend?.close();
      backend = undefined;
    },
    transformIndexHtml(page) {
      return page.replaceAll('%LINK_HOSTS%', backend?.linkHosts ?? 'profile.ayrshare.com');
    },
  };
}

// The demo only (`npm run demo`). The library is built by scripts/build.mjs.
export default defineConfig(({ mode }) => {
  return {
    plugins: [demoBackend(mode)],
    // Only the demo page: the test pages import the test runner, which Vite cannot bundle.
    optimizeDeps: { entries: ['index.html'] },
    server: { host: '127.0.0.1', port: 5173 },
  };
});
