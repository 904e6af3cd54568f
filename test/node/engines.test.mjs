// `npm install` is quiet (issue 19, point 22: 25 EBADENGINE warnings on Node 20.20 when a test
// library pulled in packages wanting Node 22): the Node versions package.json claims are ones
// every locked package accepts, and every dependency's install script has been reviewed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

const read = (file) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const pkg = read('package.json');
const lock = read('package-lock.json');
const claimed = new semver.Range(pkg.engines.node);

// The lowest version we claim in each major line: a range like `^20.19.0 || >=22.12.0` makes
// promises about 20.19.0 and 22.12.0 alike, and a package wanting `^22.20` breaks the second.
// (semver.minVersion of a union gives up when one branch is empty, so each branch is asked alone.)
const lowestPerMajor = [];
for (let major = 16; major <= 40; major += 1) {
  const lowest = claimed.set
    .map((comparators) => semver.minVersion(`${comparators.map((c) => c.value).join(' ')} >=${major}.0.0 <${major + 1}.0.0`))
    .filter((version) => version && semver.satisfies(version, claimed) && version.major === major)
    .sort(semver.compare)[0];
  if (lowest) lowestPerMajor.push(lowest.version);
}

test('package.json claims a Node range that includes the Node running the tests', () => {
  assert.ok(lowestPerMajor.length > 0, `engines.node "${pkg.engines.node}" admits no version`);
  assert.ok(semver.satisfies(process.version, claimed), `${process.version} is outside "${pkg.engines.node}"`);
});

test('the lock file records the same engines as package.json', () => {
  assert.deepEqual(lock.packages[''].engines, pkg.engines);
});

test('no locked package excludes the lowest Node we claim in any major line', () => {
  const refusals = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const wanted = entry.engines?.node;
    // npm skips an optional package whose engines do not fit (a platform binary), silently.
    if (!path || !wanted || entry.optional) continue;
    for (const version of lowestPerMajor) {
      if (!semver.satisfies(version, wanted)) refusals.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants ${wanted}, not ${version}`);
    }
  }
  assert.deepEqual(refusals, [], `claimed Node ${lowestPerMajor.join(', ')}`);
});

test('the README and the guides state the Node range package.json claims', () => {
  const read = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  for (const guide of ['docs/backend.md', 'docs/contributing.md']) assert.ok(read(guide).includes(pkg.engines.node), guide);
  // The README says it in words: each major line's lowest claimed version.
  const words = lowestPerMajor.filter((v) => Number(v.split('.')[0]) % 2 === 0).slice(0, 3).map((v) => v.replace(/\.0$/, ''));
  assert.match(read('README.md'), new RegExp(`Node ${words[0].replace('.', '\\.')}\\+ \\(or ${words[1].replace('.', '\\.')}\\+, ${words[2].split('.')[0]}\\+\\)`));
});

test('every install script in node_modules is reviewed in allowScripts, so npm install lists none as skipped', () => {
  // esbuild, edgedriver, geckodriver and rs-module-lexer are denied: the first and last only
  // fetch or check native binaries the optional platform packages already provide, and the
  // drivers download Edge and Firefox drivers the tests never use.
  const listed = spawnSync('npm', ['install-scripts', 'ls', '--json'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(JSON.parse(listed.stdout).allowScripts, []);
});
