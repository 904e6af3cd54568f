import { mkdirSync, writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { mockServer } from './test/mock-server.mjs';
import { mediaFeaturesPlugin } from './test/media-plugin.mjs';
import { popupPlugin } from './test/popup-plugin.mjs';
import { phonePlugin } from './test/phone-plugin.mjs';
import { userAgentPlugin } from './test/user-agent-plugin.mjs';
import { fakeProvider } from './test/fake-provider.mjs';
import { sseServer } from './test/sse-server.mjs';
import { bundlePlugin } from './test/bundle-plugin.mjs';
import { miniBrowserLauncher } from './test/webkit-driver.mjs';
import { androidChromium, iphoneWebKit } from './test/phone-launchers.mjs';

// Writes the pass/fail counts, in all and per engine, for scripts/test.mjs, which prints them
// and the run's final line.
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      const engines = {};
      for (const session of sessions) {
        const counts = (engines[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0 });
        const add = (key) => {
          counts[key]++;
          total[key]++;
        };
        const walk = (suite) => {
          for (const test of suite.tests) add(test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed');
          for (const child of suite.suites) walk(child);
        };
        if (session.testResults) walk(session.testResults);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) add('failed');
      }
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/browser.json', JSON.stringify({ ...total, engines }));
    },
  };
}

// The engines to run: BROWSERS=chromium,firefox,webkit (scripts/test.mjs sets it to the ones
// it found); each engine's popup blocker stays on.
const wanted = (process.env.BROWSERS ?? 'chromium').split(',').filter(Boolean);

const chromiumOptions = {
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
};
const chromium = () => chromeLauncher({ launchOptions: chromiumOptions });

// Firefox ESR through puppeteer-core over WebDriver BiDi.
const firefox = () =>
  chromeLauncher({
    puppeteer: puppeteer.default ?? puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      headless: true,
      // puppeteer's Firefox profile allows popups; our tests need the blocker on.
      extraPrefsFirefox: { 'dom.disable_open_during_load': true },
    },
    createPage: async ({ context }) => {
      const page = await context.newPage();
      // The runner sets an 800×600 viewport before each file. Over BiDi puppeteer sends
      // emulation.setScreenOrientationOverride with it, which Firefox ESR 140.12 does not know;
      // the viewport command sent beside it still applies, so that error alone is let pass.
      const setViewport = page.setViewport.bind(page);
      page.setViewport = async (viewport) => {
        try {
          await setViewport(viewport);
        } catch (error) {
          if (!/setScreenOrientationOverride/.test(String(error?.message))) throw error;
        }
      };
      return page;
    },
  });

// WebKit (Safari's engine): WebKitGTK's MiniBrowser through WebKitWebDriver, in a virtual X
// display. The driver and its display live as long as this run.
const webkit = () => miniBrowserLauncher(webdriverLauncher, MINIBROWSER);

const MINIBROWSER = process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const launchers = { chromium, firefox, webkit };

// The "phone" group: test/phone-*.test.ts in Chromium as an Android phone and WebKit as an
// iPhone (test/phone-launchers.mjs), for the engines in BROWSERS. It runs with every full run
// and with `--group phone`; a run naming its own files leaves it out.
const phoneLaunchers = {
  chromium: () => androidChromium(chromeLauncher, chromiumOptions),
  webkit: () => iphoneWebKit(webdriverLauncher, MINIBROWSER),
};
const PHONE_FILES = 'test/phone-*.test.ts';
const namedFiles = process.argv.slice(2).some((arg) => /\.test\.(ts|html)$/.test(arg));
const phoneEngines = wanted.filter((name) => phoneLaunchers[name]);
const phoneGroup = phoneEngines.length > 0 && (process.argv.includes('--group') || !namedFiles);

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

// TEST_SHUFFLE=1 runs each file's tests in a random order (a number: that seed, to replay one).
const shuffleSeed = process.env.TEST_SHUFFLE
  ? Number(process.env.TEST_SHUFFLE) > 1
    ? Number(process.env.TEST_SHUFFLE)
    : Math.floor(Math.random() * 2 ** 31) + 2
  : 0;
if (shuffleSeed) console.log(`Test order shuffled with seed ${shuffleSeed} (TEST_SHUFFLE=${shuffleSeed} replays it).`);

// FUZZ_SEED=<n> replays the fuzz suites' random answers (test/fuzz-element.test.ts); 0: a new seed.
const fuzzSeed = Number(process.env.FUZZ_SEED) >>> 0;

// The test page; `head` adds to its head (the phones' viewport meta, as a mobile page has).
const runnerHtml = (head = '') => (testFramework) =>
  `<!doctype html><html><head>${head}<script>window.TEST_SHUFFLE_SEED = ${shuffleSeed}; window.FUZZ_SEED = ${fuzzSeed};</script></head>` +
  `<body><script type="module" src="${testFramework}"></script></body></html>`;

export default {
  files: ['test/**/*.test.ts', 'test/**/*.test.html', `!${PHONE_FILES}`],
  groups: phoneGroup
    ? [{
        name: 'phone',
        files: PHONE_FILES,
        testRunnerHtml: runnerHtml('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        browsers: await Promise.all(phoneEngines.map((name) => phoneLaunchers[name]())),
      }]
    : [],
  testRunnerHtml: runnerHtml(),
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [a11ySnapshotPlugin(), bundlePlugin(), mediaFeaturesPlugin(), popupPlugin(), phonePlugin(), userAgentPlugin(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  middleware: [strictCsp, mockServer(), sseServer(), fakeProvider()],
  // Loopback only. Tests use 127.0.0.1 (the page) and localhost (the provider) as two origins.
  hostname: '127.0.0.1',
  reporters: [defaultReporter(), countingReporter()],
  browsers: await Promise.all(
    wanted.map((name) => {
      if (!launchers[name]) throw new Error(`Unknown engine "${name}" in BROWSERS (chromium, firefox, webkit).`);
      return launchers[name]();
    }),
  ),
};
