// The simulator's linking page, driven in Chromium as a user would: Done in a tab (no opener).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { SIMULATOR_API_KEY, SIMULATOR_PROFILE_KEY, startAyrshareSimulator } from '../../dist/simulator.js';

let sim;
let app;
let appUrl;
let browser;

before(async () => {
  sim = await startAyrshareSimulator();
  app = createServer((req, res) => res.end('<!doctype html><title>back in the app</title>'));
  await new Promise((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${app.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
});

after(async () => {
  await browser?.close();
  await sim?.close();
  app?.closeAllConnections();
  await new Promise((resolve) => app?.close(resolve));
});

test('Done on a session with origin and redirect, opened in a tab (no opener), goes to redirect', async () => {
  const answer = await fetch(`${sim.apiUrl}/profiles/link-sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Profile-Key': SIMULATOR_PROFILE_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ origin: appUrl, redirect: `${appUrl}/settings?from=linking` }),
  });
  const { url } = await answer.json();
  const page = await browser.newPage();
  await page.goto(url);
  await page.click('#done');
  await page.waitForURL(`${appUrl}/settings?from=linking`);
  assert.equal(await page.title(), 'back in the app');
  await page.close();
});
