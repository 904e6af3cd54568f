import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { mockServer } from './test/mock-server.mjs';
import { mediaFeaturesPlugin } from './test/media-plugin.mjs';
import { popupPlugin } from './test/popup-plugin.mjs';
import { fakeProvider } from './test/fake-provider.mjs';
import { bundlePlugin } from './test/bundle-plugin.mjs';

// Writes the pass/fail counts for scripts/test.mjs, which prints the run's final line.
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed++;
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/browser.json', JSON.stringify({ passed, failed }));
    },
  };
}

// The fixture page for the strict-CSP test: no inline script or style, no eval, Trusted Types
// enforced (Lit's own policy is the only one allowed).
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

async function strictCsp(ctx, next) {
  await next();
  if (ctx.path === '/test/fixtures/csp.html') ctx.set('Content-Security-Policy', STRICT_CSP);
}

export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.html'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [a11ySnapshotPlugin(), bundlePlugin(), mediaFeaturesPlugin(), popupPlugin(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  middleware: [strictCsp, mockServer(), fakeProvider()],
  // Loopback only. Tests use 127.0.0.1 (the page) and localhost (the provider) as two origins.
  hostname: '127.0.0.1',
  reporters: [defaultReporter(), countingReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
        // puppeteer turns the popup blocker off by default; our popup tests need it on.
        ignoreDefaultArgs: ['--disable-popup-blocking'],
      },
    }),
  ],
};
