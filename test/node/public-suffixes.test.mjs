// The compact public suffix data the element ships is what the generator makes of the psl
// dev dependency's list today (issue 19, point 11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

test('src/element/link/public-suffixes.ts is up to date with the Public Suffix List', () => {
  const out = execFileSync(process.execPath, ['scripts/public-suffixes.mjs', '--check'], { encoding: 'utf8' });
  assert.match(out, /generic labels cover \d+ of \d+ two-label ccTLD rules/);
});
