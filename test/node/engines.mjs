// Opens a page in each engine the browser tests use — Chromium and Firefox ESR through
// puppeteer-core, WebKit (MiniBrowser) through WebKitWebDriver under Xvfb — and runs a
// function in it, for node tests that build something and must see it work in a browser.
// BROWSERS=chromium,firefox,webkit picks them (default: all three that are installed).
import puppeteer from 'puppeteer-core';
import { findBrowsers } from '../../scripts/find-browsers.mjs';
import { startWebKitDriver } from '../webkit-driver.mjs';

/** The engines to test in: name → { open(url) → page, close() }. */
export function engines() {
  return Object.entries(findBrowsers()).map(([name, path]) => ({ name, start: () => starters[name](path) }));
}

/**
 * A page in an engine: `run(fn, ...args)` evaluates `fn` (an async function; its source is sent)
 * in the page and returns its JSON result.
 */
const starters = {
  chromium: (path) => puppeteerEngine({ executablePath: path, args: ['--no-sandbox', '--disable-gpu'] }),
  firefox: (path) => puppeteerEngine({ browser: 'firefox', executablePath: path }),
  webkit: (found) => webDriverEngine(found),
};

async function puppeteerEngine(options) {
  const browser = await puppeteer.launch({ headless: true, ...options });
  return {
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return { run: (fn, ...args) => page.evaluate(fn, ...args) };
    },
    close: () => browser.close(),
  };
}

async function webDriverEngine({ driver, browser }) {
  const { port, stop } = await startWebKitDriver(driver);
  const call = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.message ?? response.status}`);
    return value;
  };
  const { sessionId } = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } } },
  });
  return {
    async open(url) {
      await call('POST', `/session/${sessionId}/url`, { url });
      return {
        run: (fn, ...args) =>
          call('POST', `/session/${sessionId}/execute/async`, {
            script: `const done = arguments[arguments.length - 1]; (${fn})(...Array.prototype.slice.call(arguments, 0, -1)).then(done, (e) => done({ error: String(e) }));`,
            args,
          }),
      };
    },
    async close() {
      await call('DELETE', `/session/${sessionId}`).catch(() => undefined);
      stop();
    },
  };
}
