// The profile stores' drivers stay out of everything but their own entries: pg and
// @electric-sql/pglite are optional peer dependencies, the browser files never import them, and
// `social-link-button/server` imports neither, nor any node: module (it bundles for any runtime;
// the conformance suite is handed the host's test runner).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';

const dist = new URL('../../dist/', import.meta.url);
const read = (file) => readFileSync(new URL(file, dist), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const DRIVER = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:pg|@electric-sql\/pglite)(?:\/[^"']*)?["']/;

/** A built file and every chunk it imports, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, chunk] of read(file).matchAll(/(?:from\s*|import\s*\(\s*)["']\.\/([^"']+\.js)["']/g)) closure(chunk, seen);
  return seen;
}

test('pg and @electric-sql/pglite are optional peer dependencies', () => {
  for (const name of ['pg', '@electric-sql/pglite']) {
    assert.ok(pkg.peerDependencies[name], name);
    assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, name);
    assert.equal(pkg.dependencies[name], undefined, name);
  }
  assert.equal(pkg.exports['./server/pglite'].default, './dist/server-pglite.js');
  assert.equal(pkg.exports['./server/postgres'].default, './dist/server-postgres.js');
});

test('no browser file imports a database driver', () => {
  const browserFiles = readdirSync(dist).filter((f) => f.endsWith('.js') && !/^(server|simulator)/.test(f));
  const locales = readdirSync(new URL('locales/', dist)).map((f) => `locales/${f}`);
  assert.ok(browserFiles.includes('index.js') && browserFiles.includes('social-link-button.iife.js'));
  for (const file of [...browserFiles, ...locales]) {
    const text = read(file);
    assert.doesNotMatch(text, DRIVER, file);
    assert.equal(text.includes('@electric-sql'), false, file);
  }
});

test('social-link-button/server imports no driver and no node: module', () => {
  for (const file of closure('server.js')) {
    // Code only: doc comments may show how to import node:test.
    const text = read(file).split('\n').filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line)).join('\n');
    assert.doesNotMatch(text, DRIVER, file);
    assert.doesNotMatch(text, /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s*)["']node:/, file);
  }

  assert.match(read('server-postgres.js'), /from\s*["']pg["']/);
  assert.match(read('server-pglite.js'), /from\s*["']@electric-sql\/pglite["']/);
});

test('the store entries resolve through the package exports', async () => {
  assert.equal(typeof (await import('social-link-button/server/pglite')).createPgliteProfileStore, 'function');
  assert.equal(typeof (await import('social-link-button/server/postgres')).createPostgresProfileStore, 'function');
  const server = await import('social-link-button/server');
  for (const name of ['createProfileDirectory', 'profileStoreConformance', 'ProfileError', 'isProfileError']) {
    assert.equal(typeof server[name], 'function', name);
  }
  assert.equal(server.PROFILE_SECRET_ENV, 'SOCIAL_LINK_PROFILE_SECRET');
});
