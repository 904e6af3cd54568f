// Issue 20, point 9: the demo has users. `npm run demo`'s own command (the Vite CLI) runs as a
// child process on a throwaway data folder, driven in Chromium: each user gets a profile on
// their first link, the others' are untouched, a restart (Ctrl-C, then the command again)
// keeps them, "Delete my data" deletes one, and the new routes refuse hostile input.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { createPgliteProfileStore } from '../../dist/server-pglite.js';
import { SIMULATOR_API_KEY } from '../../dist/simulator.js';

const root = new URL('../..', import.meta.url).pathname;
const dataDir = join(mkdtempSync(join(tmpdir(), 'slb-demo-users-')), 'data');
let demo; // { child, base, simulatorUrl }
let browser;
let page;

/** Starts `vite` (what `npm run demo` runs) on a free port with the test's data folder. */
async function startDemo(env = { SOCIAL_LINK_DEMO_SIMULATOR: '1' }) {
  const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), '--port', '0', '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, SOCIAL_LINK_DEMO_SIMULATOR: '', SOCIAL_LINK_DEMO_DATA: dataDir, NO_COLOR: '1', ...env },
    // stdin stays open: Vite stops when its stdin ends.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const started = await new Promise((resolve, reject) => {
    const read = (chunk) => {
      output += chunk;
      const base = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const simulatorUrl = /Ayrshare simulator on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (base && (simulatorUrl || /Backend: Real Ayrshare/.test(output))) resolve({ child, base, simulatorUrl });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}) before it was ready:\n${output}`)));
  });
  child.removeAllListeners('exit');
  return started;
}

/** Ctrl-C: SIGINT, as a terminal sends it, which ends Vite at once (no clean-up runs). */
async function stopDemo() {
  const exited = new Promise((resolve) => demo.child.once('exit', resolve));
  demo.child.kill('SIGINT');
  await exited;
}

const rows = () => page.locator('#main [data-network][data-linked]').evaluateAll((items) => items.map((li) => li.dataset.network).sort());
const settled = () => page.waitForFunction(() => !document.querySelector('#main').shadowRoot?.textContent.includes('Checking…') && document.querySelector('#main').state === 'idle');
const logText = () => page.locator('#log').innerText();
const demoState = () => page.evaluate(() => fetch('/api/demo/simulator').then((r) => r.json()));
/** The profiles the simulator (Ayrshare) holds, asked with the account's API key. */
async function simulatorProfiles() {
  const answer = await fetch(`${demo.simulatorUrl}/api/profiles?limit=100`, { headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}` } });
  return (await answer.json()).profiles;
}
async function storedRows() {
  const store = createPgliteProfileStore({ dataDir: join(dataDir, 'profiles') });
  try {
    const read = async (id) => (await store.get(id))?.state;
    return { ada: await read('demo-ada'), grace: await read('demo-grace'), linus: await read('demo-linus') };
  } finally {
    await store.close();
  }
}

async function openPage() {
  page ??= await browser.newPage();
  await page.goto(demo.base);
  await page.locator('#main [data-network="linkedin"]').waitFor();
  await settled();
}

async function switchTo(user, linked) {
  await page.selectOption('#user', user);
  await page.waitForFunction((want) => {
    const shown = [...document.querySelector('#main').shadowRoot.querySelectorAll('[data-network][data-linked]')].map((li) => li.dataset.network).sort();
    return JSON.stringify(shown) === JSON.stringify(want);
  }, [...linked].sort(), { timeout: 15_000 });
}

before(async () => {
  demo = await startDemo();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
  await openPage();
});

after(async () => {
  await browser?.close();
  if (demo && demo.child.exitCode === null) await stopDemo();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('the demo has users', () => {
  test('a new data folder: Ada is signed in, her profile made at start with LinkedIn and X', async () => {
    assert.equal(await page.locator('#user').inputValue(), 'demo-ada');
    assert.deepEqual(await rows(), ['linkedin', 'twitter']);
    await page.locator('#log li', { hasText: 'profile created for Ada' }).waitFor();
    assert.equal((await demoState()).calls['POST /api/profiles'], 1);
    assert.equal((await simulatorProfiles()).length, 1);
  });

  test("Grace starts with nothing; her first link makes exactly one profile, logged; Ada's accounts are unchanged", async () => {
    await switchTo('demo-grace', []);
    assert.equal((await demoState()).calls['POST /api/profiles'], 1, 'switching makes no profile');
    const popupOpened = page.waitForEvent('popup');
    await page.locator('#main [part="button"]').click();
    const popup = await popupOpened;
    await popup.locator('li[data-network="tiktok"] button.link').click();
    await popup.locator('#allow').click();
    await page.locator('#main [data-network="tiktok"][data-linked]').waitFor({ timeout: 15_000 });
    const closed = popup.waitForEvent('close');
    await popup.locator('#done').click().catch((error) => {
      if (!popup.isClosed()) throw error;
    });
    await closed;
    await page.locator('#log li', { hasText: 'profile created for Grace' }).waitFor();
    assert.equal((await demoState()).calls['POST /api/profiles'], 2);
    assert.equal((await logText()).match(/profile created for Grace/g).length, 1);
    assert.equal((await simulatorProfiles()).length, 2);

    await switchTo('demo-ada', ['linkedin', 'twitter']);
    await switchTo('demo-grace', ['tiktok']);
    // The switches act on the signed-in user's profile only.
    await page.selectOption('#flip-network', 'youtube');
    await page.locator('#flip').click();
    await page.locator('#main [data-network="youtube"][data-linked]').waitFor();
    await switchTo('demo-ada', ['linkedin', 'twitter']);
    assert.equal((await demoState()).calls['POST /api/profiles'], 2);
  });

  test('Ctrl-C and start again: the users, their profiles and linked accounts are kept, none made anew', async () => {
    await switchTo('demo-grace', ['tiktok', 'youtube']);
    await stopDemo();
    assert.deepEqual(await storedRows(), { ada: 'ready', grace: 'ready', linus: undefined });
    demo = await startDemo();
    await openPage();
    // The cookie is the browser's (cookies ignore the port): Grace is still signed in.
    assert.equal(await page.locator('#user').inputValue(), 'demo-grace');
    assert.deepEqual(await rows(), ['tiktok', 'youtube']);
    await switchTo('demo-ada', ['linkedin', 'twitter']);
    await switchTo('demo-linus', []);
    const calls = (await demoState()).calls;
    assert.equal(calls['POST /api/profiles'], undefined, 'no profile created after the restart');
    assert.equal((await simulatorProfiles()).length, 2);
    assert.doesNotMatch(await logText(), /profile created/);
  });

  test('"Delete my data" deletes the signed-in user\'s profile: nothing linked, logged, gone at the simulator and from the store', async () => {
    await switchTo('demo-grace', ['tiktok', 'youtube']);
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('#delete-data').click();
    await page.locator('#log li', { hasText: 'profile deleted for Grace' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('#main').shadowRoot.querySelector('[data-linked]'));
    const left = await simulatorProfiles();
    assert.equal(left.length, 1);
    assert.deepEqual(left[0].activeSocialAccounts, ['linkedin', 'twitter'], "Ada's profile is the one left");
    assert.equal(JSON.parse(readFileSync(join(dataDir, 'simulator.json'), 'utf8')).profiles.length, 1);
    // Dismissing the question deletes nothing.
    await switchTo('demo-ada', ['linkedin', 'twitter']);
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.locator('#delete-data').click();
    assert.deepEqual(await rows(), ['linkedin', 'twitter']);
    assert.equal((await simulatorProfiles()).length, 1);
  });

  test('hostile input to /api/demo/user and /api/demo/delete-my-data: a clear 4xx, nothing changed', async () => {
    const send = (path, { method = 'POST', headers = {}, body, cookie = 'demo-user=demo-ada' } = {}) =>
      fetch(`${demo.base}${path}`, { method, headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers }, body });
    const cases = [
      ['/api/demo/user', { body: '{"user":"demo-mallory"}' }, 400],
      ['/api/demo/user', { body: '{"user":"DEMO-GRACE"}' }, 400],
      ['/api/demo/user', { body: '{"user":"demo-grace","admin":true}' }, 400],
      ['/api/demo/user', { body: '{"user":["demo-grace"]}' }, 400],
      ['/api/demo/user', { body: '{"user":' }, 400],
      ['/api/demo/user', { body: '[1]' }, 400],
      ['/api/demo/user', { body: JSON.stringify({ user: 'demo-grace', pad: 'x'.repeat(100_000) }) }, 413],
      ['/api/demo/user', { body: '{"user":"demo-grace"}', headers: { 'Content-Type': 'text/plain' } }, 403],
      ['/api/demo/user', { body: '{"user":"demo-grace"}', headers: { Origin: 'null' } }, 403],
      ['/api/demo/user', { body: '{"user":"demo-grace"}', headers: { Origin: 'https://evil.example' } }, 403],
      ['/api/demo/user', { method: 'PUT', body: '{"user":"demo-grace"}' }, 405],
      ['/api/demo/delete-my-data', { body: '{"user":"demo-ada"}' }, 400],
      ['/api/demo/delete-my-data', { body: 'null' }, 400],
      ['/api/demo/delete-my-data', { body: '{}', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 403],
      ['/api/demo/delete-my-data', { body: '{}', headers: { Origin: `${demo.base}.evil.example` } }, 403],
      ['/api/demo/delete-my-data', { method: 'GET' }, 405],
      ['/api/demo/delete-my-data', { method: 'DELETE' }, 405],
      ['/api/demo/delete-my-data', { body: 'x'.repeat(50_000) }, 413],
    ];
    for (const [path, options, status] of cases) {
      const answer = await send(path, options);
      assert.equal(answer.status, status, `${options.method ?? 'POST'} ${path} ${(options.body ?? '').slice(0, 40)}`);
      assert.equal(answer.headers.get('set-cookie'), null, 'no user switched');
      assert.equal(typeof (await answer.json()).message, 'string');
    }
    // A cookie naming no demo user is the default user, never another one.
    const forged = await send('/api/demo/user', { method: 'GET', cookie: 'demo-user=demo-grace2; demo-user=../demo-linus' });
    assert.equal((await forged.json()).user, 'demo-ada');
    // Twenty switches and five deletions for Linus (who has no profile) at once: all answered.
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => send('/api/demo/user', { body: JSON.stringify({ user: i % 2 ? 'demo-grace' : 'demo-linus' }) })),
      ...Array.from({ length: 5 }, () => send('/api/demo/delete-my-data', { body: '{}', cookie: 'demo-user=demo-linus' })),
    ]);
    assert.deepEqual(answers.map((a) => a.status), Array(25).fill(200));
    assert.deepEqual(await Promise.all(answers.slice(20).map(async (a) => (await a.json()).deleted)), Array(5).fill(false));
    // Nothing changed: Ada's profile and accounts are there, the page still shows them.
    assert.deepEqual((await simulatorProfiles()).map((p) => p.activeSocialAccounts), [['linkedin', 'twitter']]);
    await page.evaluate(() => document.querySelector('#main').refresh());
    assert.deepEqual(await rows(), ['linkedin', 'twitter']);
    // A second demo on the same folder (PGlite is one process's) refuses to start, and says why.
    await assert.rejects(startDemo(), /Another demo \(process \d+\) is using/);
    assert.deepEqual(await rows(), ['linkedin', 'twitter']);
    await stopDemo();
    assert.deepEqual(await storedRows(), { ada: 'ready', grace: undefined, linus: undefined });
  });

  test('with Ayrshare keys (the real Ayrshare) there are no demo users: their routes answer 404, no data folder is made', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    demo = await startDemo({ AYRSHARE_API_KEY: 'not-a-real-key', AYRSHARE_PROFILE_KEY: 'not-a-real-profile-key' });
    for (const [path, method] of [['/api/demo/user', 'GET'], ['/api/demo/user', 'POST'], ['/api/demo/delete-my-data', 'POST'], ['/api/demo/simulator', 'GET']]) {
      const answer = await fetch(`${demo.base}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
      assert.equal(answer.status, 404, `${method} ${path}`);
    }
    await page.goto(demo.base);
    await page.locator('#data-panel[hidden]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('.user-switch').isHidden(), true);
    assert.equal(existsSync(dataDir), false);
    await stopDemo();
  });
});
