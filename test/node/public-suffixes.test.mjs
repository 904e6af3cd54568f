// The public suffix data the element ships is what the generator makes of the psl dev
// dependency's list today, and the whole list is judged by the PSL algorithm (issue 19, point 11).
// The last test needs `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

/** A TypeScript module of ours, bundled by esbuild and run here. */
async function load(file) {
  const { outputFiles } = await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'neutral', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}
const { parseRules, isListedSuffix } = await load('src/element/link/public-suffix-rules.ts');
const { default: encoded } = await load('src/element/link/public-suffix-list.ts');
const { default: pslRules } = await import('../../node_modules/psl/data/rules.js');

test('src/element/link/public-suffixes.ts and public-suffix-list.ts are up to date with the Public Suffix List', () => {
  const out = execFileSync(process.execPath, ['scripts/public-suffixes.mjs', '--check'], { encoding: 'utf8' });
  assert.match(out, /generic labels cover \d+ of \d+ two-label ccTLD rules/);
  assert.match(out, /\d+ rules in \d+ top-level domains/);
});

test('the algorithm: normal rules, *. rules, ! exceptions and the implicit * rule', () => {
  const rules = parseRules('uk:,co,me;jp:,ne,*.kawasaki,!city.kawasaki;ck:*,!www;io:github');
  for (const domain of ['uk', 'co.uk', 'me.uk', 'ne.jp', 'jp', 'foo.kawasaki.jp', 'x.ck', 'github.io', 'com', 'zz', '', 'a..uk'])
    assert.equal(isListedSuffix(domain, rules), true, domain);
  const registrable = ['example.co.uk', 'example.me.uk', 'kawasaki.jp', 'city.kawasaki.jp', 'a.city.kawasaki.jp'];
  for (const domain of [...registrable, 'www.ck', 'a.www.ck', 'example.github.io', 'example.com', 'a.b.ne.jp'])
    assert.equal(isListedSuffix(domain, rules), false, domain);
});

test('the whole list: every rule of psl is in it, and the issue-19 suffixes are public', () => {
  const rules = parseRules(encoded);
  assert.equal(rules.size, pslRules.length);
  assert.ok(rules.has('me.uk') && rules.has('*.kawasaki.jp') && rules.has('!city.kawasaki.jp'));
  for (const domain of ['me.uk', 'ne.jp', 's3.amazonaws.com', 'ngrok.io', 'azurestaticapps.net', 'co.uk', 'github.io', 'x.ck', 'xn--55qx5d.cn'])
    assert.equal(isListedSuffix(domain, rules), true, domain);
  for (const domain of ['example.me.uk', 'example.com', 'amazonaws.com', 'city.kawasaki.jp', 'www.ck', 'me.com'])
    assert.equal(isListedSuffix(domain, rules), false, domain);
});

test('the build writes the whole list as dist/public-suffix-list.js, pinned by dist/integrity.json', async () => {
  const file = readFileSync('dist/public-suffix-list.js');
  const pins = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
  assert.equal(pins['public-suffix-list.js'], `sha384-${createHash('sha384').update(file).digest('base64')}`);
  const { default: built } = await import(`data:text/javascript;base64,${file.toString('base64')}`);
  assert.equal(built, encoded);
});
