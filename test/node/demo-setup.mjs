// The opening the demo's end-to-end files share: the demo server (Vite + reference handlers +
// Ayrshare simulator) on a free port, driven in Debian's Chromium by playwright-core with the
// popup blocker on. The bindings below are live: a test file reads them after openDemo()'s
// before() has run.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

process.env.SOCIAL_LINK_DEMO_SIMULATOR = '1';
// The demo users' data in a folder of this file's own, never the developer's .demo-data/.
const dataDir = mkdtempSync(join(tmpdir(), 'slb-demo-'));
process.env.SOCIAL_LINK_DEMO_DATA = dataDir;

let server;
export let browser;
export let page;
export let base;

export async function simulator(settings) {
  return page.evaluate(
    (body) => fetch('/api/demo/simulator', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json()),
    settings,
  );
}

export const events = () => page.evaluate(() => window.__events.splice(0));

/** A raw request to the demo server (headers a browser would not let a page set, like Origin: null). */
export function raw(path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    // A server that stopped answering (the demo used to die on Origin: null) fails the test.
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${method} ${path} within 5 s`)));
    req.end(body);
  });
}
export const row = (id) => page.locator(`#main [data-network="${id}"]`);

export async function waitForEvent(type) {
  const handle = await page.waitForFunction((t) => window.__events.find((e) => e.type === t), type, { timeout: 10_000 });
  return handle.jsonValue();
}

/** Starts the demo and its browser page before the file's tests, and stops them after. */
export function openDemo() {
  before(async () => {
    server = await createServer({
      configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: false },
    });
    await server.listen();
    base = `http://127.0.0.1:${server.httpServer.address().port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
      // Playwright turns the popup blocker off by default; keep it on.
      ignoreDefaultArgs: ['--disable-popup-blocking'],
    });
    page = await browser.newPage();
    await page.goto(base);
    await page.locator('#main [data-network="linkedin"][data-linked]').waitFor();
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ['social-link-open', 'social-link-connect', 'social-link-done', 'social-link-close', 'social-link-change', 'social-link-error', 'social-link-health']) {
        document.querySelector('#main').addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
      }
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
}
