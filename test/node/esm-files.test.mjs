// The ES modules a CDN serves to a direct import (and a bundler reads): minified, each with its
// source map beside it, sources inside, and no Zod among the sources.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const BROWSER = /^(index|element|callback|react)(-[\w-]+)?\.js$/;
const files = existsSync(dist) ? readdirSync(dist).filter((file) => BROWSER.test(file)) : [];

test('the browser ES modules are there: the four entries and their chunks', () => {
  assert.ok(files.length >= 5, `dist/ is missing or stale (run npm run build): ${files.join(' ')}`);
  for (const entry of ['index.js', 'element.js', 'callback.js', 'react.js']) assert.ok(files.includes(entry), entry);
});

test('each is minified: no indented line, and the element chunk on a handful of lines', () => {
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    assert.doesNotMatch(text, /\n[\t ]+\S/, `${file} keeps indentation`);
    assert.ok(text.split('\n').length <= 12, `${file}: ${text.split('\n').length} lines`);
  }
});

test('each names its source map, which lies beside it with every source inside', () => {
  const sources = new Set();
  for (const file of files) {
    const text = readFileSync(join(dist, file), 'utf8');
    const name = /\n\/\/# sourceMappingURL=([\w.-]+)\s*$/.exec(text)?.[1];
    if (!name) {
      // A file with no code of its own (a re-export) may have no map.
      assert.ok(text.length < 400, `${file} has no sourceMappingURL`);
      continue;
    }
    assert.equal(name, `${file}.map`);
    const map = JSON.parse(readFileSync(join(dist, name), 'utf8'));
    assert.equal(map.version, 3);
    assert.ok(map.mappings.length > 0, name);
    assert.equal(map.sourcesContent?.length, map.sources.length, `${name}: sources inside`);
    assert.ok(map.sourcesContent.every((content) => typeof content === 'string' && content.length > 0), name);
    for (const source of map.sources) sources.add(source);
  }
  const all = [...sources];
  for (const wanted of ['../src/element/social-link-button.ts', '../src/protocol/validators.ts']) assert.ok(all.includes(wanted), `${wanted} in ${all.join(' ')}`);
  assert.deepEqual(all.filter((source) => /zod|node_modules/.test(source)), []);
});
