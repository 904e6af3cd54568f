// Importing the package where there is no DOM (SSR, Node) must not throw.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

test('the ESM build imports in Node without a DOM', async () => {
  const module = await import('../../dist/index.js');
  assert.equal(typeof module.SocialLinkButton, 'function');
  assert.equal(typeof module.define, 'function');
  assert.doesNotThrow(() => module.define());
  assert.equal(module.NETWORK_IDS.length, 13);
});

test('VERSION matches package.json', async () => {
  const { VERSION } = await import('../../dist/index.js');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(VERSION, pkg.version);
});

test('the script-tag bundle exists and names its global', () => {
  const iife = readFileSync(new URL('../../dist/social-link-button.iife.js', import.meta.url), 'utf8');
  assert.match(iife, /var SocialLinkButton\s*=/);
});
