// `npm run bench`: sizes and speed of the built component, each beside its baseline from the
// same run, measured in Debian's Chromium (popup blocker on). Prints a table and writes
// bench/results.md. Not part of the tests.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.mjs';
import { kb, median, ms, startBenchServer, writeResults } from './bench-server.mjs';
import { measureLive } from './bench-live.mjs';
import { serverParts } from './bench-cache.mjs';
import { bundle, gzip, measure as measureSizes, whereBytesGo } from './size.mjs';

const ROUNDS = 15;
const ENDPOINT_DELAY_MS = 300;
const INSTANCES = 200;
const CYCLES = 1000;

const rows = [];
const section = (title) => rows.push({ section: title });
const row = (what, value, baseline, note = '') => rows.push({ what, value, baseline, note });

console.log('Building…');
execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });

// --- Sizes -------------------------------------------------------------------------------
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

section('Bundle sizes (minified; gzip -9 / brotli 11)');
const litBaseline = await bundle(
  "import { LitElement, html } from 'lit'; customElements.define('x-el', class extends LitElement { render() { return html`<button>x</button>`; } });",
);
row('Baseline: a minimal Lit element (Lit alone)', `${kb(litBaseline.length)} raw`, `${kb(gzip(litBaseline))} gz / ${kb(brotli(litBaseline))} br`);
for (const { what, bytes, budget, target } of await measureSizes()) {
  const note = bytes > budget ? 'over budget' : target && bytes > target ? `target ${kb(target)} not met` : '';
  row(what, `${kb(bytes)} gz`, `budget ${kb(budget)} gz`, note);
}
for (const file of readdirSync('dist').filter((f) => f.endsWith('.js')).sort()) {
  const buffer = readFileSync(`dist/${file}`);
  row(`dist/${file}`, `${kb(gzip(buffer))} gz / ${kb(brotli(buffer))} br`, '', `${kb(buffer.length)} raw`);
}

section("Where the IIFE's bytes go (gzip share by module; Lit as a whole)");
const shares = await whereBytesGo();
const total = shares.reduce((sum, { bytes }) => sum + bytes, 0);
for (const { what, bytes } of shares) row(what, kb(bytes), '', `${((100 * bytes) / total).toFixed(1)} %`);

// --- A loopback server for the page, the host endpoints and the linking page --------------
const server = await startBenchServer();
const { port, origin, pages, linkLoads } = server;

const browser = await chromium.launch({
  executablePath: findChrome(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  ignoreDefaultArgs: ['--disable-popup-blocking'],
});
const context = await browser.newContext();
// Records when window.open runs, and whether it runs in the click's own task.
await context.addInitScript(() => {
  const open = window.open.bind(window);
  addEventListener(
    'click',
    () => {
      window.__clickAt = performance.now();
      window.__inClick = true;
      setTimeout(() => (window.__inClick = false));
    },
    true,
  );
  window.open = (...args) => {
    window.__openAt = performance.now();
    window.__openSameTask = window.__inClick === true;
    return open(...args);
  };
});

async function freshPage(html) {
  const id = String(pages.size);
  pages.set(id, html);
  const page = await context.newPage();
  await page.goto(`${origin}/page?id=${id}`);
  return page;
}

/** One click; returns click→open (ms), same task, and click→linking-page request (ms). */
async function measureClick(page, selector, { hoverFirst = false } = {}) {
  const before = linkLoads.length;
  if (hoverFirst) {
    await page.hover(selector);
    await page.waitForTimeout(ENDPOINT_DELAY_MS + 200);
  }
  const popup = page.waitForEvent('popup', { timeout: 10_000 }).catch(() => null);
  await page.click(selector);
  const start = Date.now();
  while (linkLoads.length === before && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 5));
  const result = await page.evaluate(() => ({
    open: window.__openAt - window.__clickAt,
    sameTask: window.__openSameTask,
    clickEpoch: performance.timeOrigin + window.__clickAt,
  }));
  const request = linkLoads.length > before ? linkLoads[linkLoads.length - 1] - result.clickEpoch : Number.NaN;
  await (await popup)?.close();
  return { ...result, request };
}

section(`Click → window.open, and click → linking page request (median of ${ROUNDS}; endpoint delay ${ENDPOINT_DELAY_MS} ms)`);
{
  const bare = await freshPage(`<button id="b" onclick="window.open('http://localhost:${port}/link?bare', 'x', 'popup=yes,width=800,height=800')">Link</button>`);
  const element = await freshPage(
    `<social-link-button id="el" jwt-endpoint="/jwt?delay=${ENDPOINT_DELAY_MS}" allowed-hosts="localhost:${port}" prefetch="none"></social-link-button><script src="/el.js"></script>`,
  );
  // A fresh element each round: an element prefetches at most 6 links a minute (issue 19).
  const prefetchedPage = () =>
    freshPage(`<social-link-button id="el" jwt-endpoint="/jwt?delay=${ENDPOINT_DELAY_MS}" allowed-hosts="localhost:${port}"></social-link-button><script src="/el.js"></script>`);
  const results = { bare: [], cold: [], warm: [] };
  for (let i = 0; i < ROUNDS; i++) {
    results.bare.push(await measureClick(bare, '#b'));
    results.cold.push(await measureClick(element, '#el [part="button"]'));
    const prefetched = await prefetchedPage();
    results.warm.push(await measureClick(prefetched, '#el [part="button"]', { hoverFirst: true }));
    await prefetched.close();
  }
  const sameTask = (list) => (list.every((r) => r.sameTask) ? 'yes' : `no (${list.filter((r) => !r.sameTask).length}/${list.length})`);
  row('Bare `onclick=window.open()`: open in the click task', sameTask(results.bare), '—', ms(median(results.bare.map((r) => r.open))));
  row('Element, no prefetch: open in the click task', sameTask(results.cold), `bare ${ms(median(results.bare.map((r) => r.open)))}`, ms(median(results.cold.map((r) => r.open))));
  row('Element, prefetched: open in the click task', sameTask(results.warm), `bare ${ms(median(results.bare.map((r) => r.open)))}`, ms(median(results.warm.map((r) => r.open))));
  row('Click → linking page request, prefetched URL', ms(median(results.warm.map((r) => r.request))), `bare ${ms(median(results.bare.map((r) => r.request)))}`);
  row('Click → linking page request, no prefetched URL', ms(median(results.cold.map((r) => r.request))), `bare ${ms(median(results.bare.map((r) => r.request)))} + endpoint ${ENDPOINT_DELAY_MS} ms`);
  for (const page of [bare, element]) await page.close();
}

section(`${INSTANCES} instances sharing one profile-endpoint (median of 7; each in a fresh page, alternating)`);
{
  const times = { element: [], plain: [] };
  let requests = 0;
  // Each measure in its own fresh page, in alternating order: whichever runs second on a page
  // would find fonts loaded and the engine warm.
  const measure = async (kind) => {
    const page = await freshPage('<script src="/el.js"></script><script src="/plain.js" type="module"></script>');
    await page.waitForFunction(() => customElements.get('plain-list') && customElements.get('social-link-button'));
    server.profileRequests.reset();
    const ms = await page.evaluate(
      async ({ kind, count }) => {
        const start = performance.now();
        const box = document.createElement('div');
        for (let i = 0; i < count; i++) {
          const el = document.createElement(kind === 'element' ? 'social-link-button' : 'plain-list');
          if (kind === 'element') el.setAttribute('profile-endpoint', '/profile');
          box.append(el);
        }
        document.body.append(box);
        const all = [...box.children];
        const ready =
          kind === 'element'
            ? // The status read and shown, with the brand glyphs (a part, loaded by the first row).
              (el) => el.shadowRoot?.querySelector('[part="networks"][aria-busy="false"] [data-linked]') && !el.shadowRoot.querySelector('[part="icon"] path[d=""]')
            : (el) => el.shadowRoot?.textContent.includes('Not linked');
        await new Promise((resolve) => {
          const check = () => (all.every(ready) ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        return performance.now() - start;
      },
      { kind, count: INSTANCES },
    );
    if (kind === 'element') requests = server.profileRequests.count;
    await page.close();
    times[kind].push(ms);
  };
  for (let round = 0; round < 7; round++) {
    for (const kind of round % 2 ? ['plain', 'element'] : ['element', 'plain']) await measure(kind);
  }
  const ratio = median(times.element) / median(times.plain);
  row('Profile requests made by 200 elements', String(requests), '1 is the floor');
  row(
    'First render with status, 200 elements',
    ms(median(times.element)),
    `200 plain Lit lists ${ms(median(times.plain))}`,
    `${ratio.toFixed(2)}× (budget 1.3×)`,
  );
}

section(`${CYCLES} connect/disconnect cycles`);
{
  const page = await context.newPage();
  await page.goto(`${origin}/page`);
  await page.evaluate(() => {
    // Count live listeners and timers from here on.
    const live = { listeners: 0, timers: new Set() };
    window.__live = live;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const seen = new WeakMap();
    // Only listeners on long-lived targets can leak; an element's own are collected with it.
    const longLived = (target) => target === window || target === document || target instanceof BroadcastChannel;
    EventTarget.prototype.addEventListener = function (type, fn, options) {
      if (!longLived(this)) return add.call(this, type, fn, options);
      const key = `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
      let set = seen.get(this);
      if (!set) seen.set(this, (set = new Map()));
      const fns = set.get(key) ?? new Set();
      if (fn && !fns.has(fn) && !(options && options.once)) {
        fns.add(fn);
        set.set(key, fns);
        live.listeners++;
      }
      return add.call(this, type, fn, options);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, options) {
      if (!longLived(this)) return remove.call(this, type, fn, options);
      const key = `${type}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
      const fns = seen.get(this)?.get(key);
      if (fns?.delete(fn)) live.listeners--;
      return remove.call(this, type, fn, options);
    };
    const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
    window.setTimeout = (fn, delay, ...args) => {
      const id = st(() => {
        live.timers.delete(id);
        typeof fn === 'function' && fn(...args);
      }, delay);
      live.timers.add(id);
      return id;
    };
    window.clearTimeout = (id) => {
      live.timers.delete(id);
      ct(id);
    };
    window.setInterval = (fn, delay, ...args) => {
      const id = si(fn, delay, ...args);
      live.timers.add(id);
      return id;
    };
    window.clearInterval = (id) => {
      live.timers.delete(id);
      ci(id);
    };
  });
  await page.addScriptTag({ url: '/el.js' });
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycle = (count) =>
    page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement('social-link-button');
        el.setAttribute('profile-endpoint', '/profile');
        el.setAttribute('jwt-endpoint', '/jwt');
        document.body.append(el);
        await el.updateComplete;
        el.remove();
        await Promise.resolve();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { listeners: window.__live.listeners, timers: window.__live.timers.size };
    }, count);
  await cycle(50); // warm up: module-level caches, JIT
  const before = { ...(await page.evaluate(() => ({ listeners: window.__live.listeners, timers: window.__live.timers.size }))), heap: await heap() };
  const after = await cycle(CYCLES);
  const heapAfter = await heap();
  row('Listener growth (window, document, BroadcastChannel)', String(after.listeners - before.listeners), '0 expected');
  row('Timer growth', String(after.timers - before.timers), '0 expected');
  // What is still reachable of what each cycle made (after the GC above): the leak check itself.
  // The heap figure also holds DevTools' record of each profile request (a heap snapshot diff
  // shows blink::NetworkResourcesData entries, one per fetch, while Playwright watches the
  // network), which its buffer bounds: it flattens out at about 60 KB by 3000 cycles.
  const alive = async (constructor) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `${constructor}.prototype` });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
    const { result: count } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return count.value;
  };
  const survivors = [];
  for (const [name, constructor] of [
    ['SocialLinkButton', "customElements.get('social-link-button')"],
    ['AbortController', 'AbortController'],
    ['MutationObserver', 'MutationObserver'],
    ['BroadcastChannel', 'BroadcastChannel'],
  ]) {
    survivors.push(`${name} ${await alive(constructor)}`);
  }
  row('Still alive after the cycles (queryObjects)', survivors.join(', '), '0 each expected');
  row('Heap growth (after GC)', kb(heapAfter - before.heap), 'bounded, not per cycle', `${kb(before.heap)} → ${kb(heapAfter)}`);
  await page.close();
}

await browser.close();
server.close();

// --- The server half (bench-profiles.mjs, bench-cache.mjs, bench-live.mjs), then the output ----
for (const [title, measure] of Object.entries(serverParts)) rows.push({ section: title }, ...(await measure()));
rows.push(...(await measureLive()));
writeResults(rows);
