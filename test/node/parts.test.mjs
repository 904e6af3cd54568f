// Issue 24: the script tag's parts (dist/parts/<name>.js) — each a classic script that registers
// its part, pinned by dist/parts/integrity.json, and none of them inside the script-tag file.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

const root = resolve(import.meta.dirname, '../..');
const dist = (file) => readFileSync(join(root, 'dist', file), 'utf8');
const PARTS = { icons: ['icons'], 'in-app': ['browserIntent', 'detectInAppBrowser', 'refusesInApp'], events: ['openStreams', 'subscribeEvents'] };

test('each part runs as a classic script and registers itself, leaving no other global', () => {
  const files = readdirSync(join(root, 'dist/parts')).filter((file) => file.endsWith('.js'));
  assert.deepEqual(files.sort(), Object.keys(PARTS).map((name) => `${name}.js`).sort());
  for (const [name, members] of Object.entries(PARTS)) {
    const context = vm.createContext({});
    const before = Object.keys(context);
    vm.runInContext(dist(`parts/${name}.js`), context);
    assert.deepEqual(Object.keys(context).filter((key) => !before.includes(key)), ['SocialLinkButtonParts'], name);
    assert.deepEqual(Object.keys(context.SocialLinkButtonParts), [name]);
    assert.deepEqual(Object.keys(context.SocialLinkButtonParts[name]).sort(), members, name);
  }
  // Run, the in-app table answers as its source does.
  const context = vm.createContext({});
  vm.runInContext(dist('parts/in-app.js'), context);
  const { detectInAppBrowser } = context.SocialLinkButtonParts['in-app'];
  assert.deepEqual({ ...detectInAppBrowser('Mozilla/5.0 (Linux; Android 14) Instagram 300.0 Android (34/14)') }, { app: 'Instagram', platform: 'android' });
  assert.equal(detectInAppBrowser('Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36'), null);
});

test('dist/parts/integrity.json: the sha384 of every part, as SRI wants it', () => {
  const pins = JSON.parse(dist('parts/integrity.json'));
  assert.deepEqual(Object.keys(pins).sort(), Object.keys(PARTS).sort());
  for (const name of Object.keys(PARTS)) {
    assert.equal(pins[name], `sha384-${createHash('sha384').update(dist(`parts/${name}.js`)).digest('base64')}`, name);
  }
});

test('the script-tag file holds no part: no glyph, no in-app table, no event stream', () => {
  const iife = dist('social-link-button.iife.js');
  const linkedin = /linkedin: \["[^"]+", "([^"]+)"\]/.exec(readFileSync(join(root, 'src/element/parts/icons.ts'), 'utf8'))[1];
  for (const text of [linkedin.slice(0, 30), 'BytedanceWebview', 'EventSource', 'intent://']) assert.ok(!iife.includes(text), text);
});
