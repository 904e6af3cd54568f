// The package is ready to publish, and the docs do not promise the registry before it is there
// (issue 19, point 23): `npm publish --dry-run` exits 0 with no warning about package.json (npm
// warns "auto-corrected some errors" for a bad `bin`, `repository` or `files`); the tarball holds
// every dist/ path the README and the guides name; every registry or CDN instruction sits in a
// section that says it works after the first release.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (page) => readFileSync(join(root, page), 'utf8');
let result;
let files;

before(() => {
  // --ignore-scripts: `npm test` has built dist/ already (prepack would build it again);
  // --offline: a dry run needs no registry, and the tests run without one.
  result = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts', '--offline', '--json'], { cwd: root, encoding: 'utf8' });
  files = JSON.parse(result.stdout)['social-link-button'].files.map((f) => f.path);
});

test('npm publish --dry-run exits 0 and warns about nothing in package.json', () => {
  assert.equal(result.status, 0, result.stderr);
  // The one warning a dry run always prints: nobody is logged in here.
  const warnings = result.stderr.split('\n').filter((line) => /^npm warn/i.test(line) && !/requires you to be logged in/.test(line));
  assert.deepEqual(warnings, []);
  assert.doesNotMatch(result.stderr, /auto-corrected|npm pkg fix/);
});

test('the tarball holds every dist/ path the README and the guides name', () => {
  let named = 0;
  for (const page of pages) {
    for (const [, path] of text(page).matchAll(/\b(dist\/[\w.<>*/-]*[\w>*/])/g)) {
      named += 1;
      // `dist/locales/<tag>.js` names a pattern; `dist/locales` and `dist/locales/` a folder.
      const folder = !/\.[\w>]+$/.test(path);
      const stem = path.replace(/\/$/, '').replace(/[.]/g, '\\.').replace(/<\w+>|\*/g, '[\\w-]+');
      const pattern = new RegExp(`^${stem}${folder ? '/.+' : '$'}`);
      assert.ok(files.some((file) => pattern.test(file)), `${page} names ${path}, which the package does not hold`);
    }
  }
  assert.ok(named > 10, `${named} dist paths named`);
});

test('registry and CDN instructions are marked "after the first release" until it happens', () => {
  const registryOnly = /npm install social-link-button(?![\w/.-])|cdn\.jsdelivr\.net\/npm\/social-link-button|unpkg\.com\/social-link-button|npm pack social-link-button@/g;
  let found = 0;
  for (const page of pages) {
    // Each section, from one heading to the next, with its code blocks.
    for (const section of text(page).split(/^(?=#{1,6} )/m)) {
      const uses = section.match(registryOnly) ?? [];
      found += uses.length;
      if (uses.length) assert.match(section, /after the first release/i, `${page}: "${uses[0]}" in "${section.split('\n')[0]}" does not say it works after the first release`);
    }
  }
  assert.ok(found >= 3, 'the docs say how to install from the registry once it is there');
});
