// `npm test`: builds, checks the size budgets, then runs the Node tests and every browser test in Chromium, Firefox and
// WebKit (those found or installable here; CI requires all three), and ends with one line
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findBrowsers } from './find-browsers.mjs';
import { startPostgres } from './postgres.mjs';

const engines = findBrowsers({ required: process.env.REQUIRE_ALL_ENGINES === '1' });
const chrome = engines.chromium;
for (const [name, path] of Object.entries(engines)) console.log(`${name}: ${typeof path === 'string' ? path : path.browser}`);
rmSync('test-results', { recursive: true, force: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, missing: true };
  return JSON.parse(readFileSync(file, 'utf8'));
}

let passed = 0;
let failed = 0;
let broken = false;

if (!run('npm', ['run', '--silent', 'build'])) {
  console.error('The build failed.');
  broken = true;
  failed++;
}
if (!run('npx', ['tsc', '-p', 'tsconfig.json'])) {
  console.error('Type-checking failed.');
  failed++;
}

if (!broken) {
  // Size budgets (scripts/size.mjs): each enforced budget counts as a test.
  const size = spawnSync('node', ['scripts/size.mjs', '--modules'], { encoding: 'utf8' });
  process.stdout.write(size.stdout);
  process.stderr.write(size.stderr);
  const sized = /size: (\d+) passed, (\d+) failed/.exec(size.stdout);
  passed += Number(sized?.[1] ?? 0);
  failed += sized ? Number(sized[2]) : 1;

  // A throwaway PostgreSQL for the profile store tests (required in CI: REQUIRE_POSTGRES=1).
  const postgres = await startPostgres().catch((error) => ({ reason: error.message }));
  if (!postgres.url) {
    console.log(`PostgreSQL: none (${postgres.reason}); its tests will say so.`);
    if (process.env.REQUIRE_POSTGRES === '1') failed++;
  }
  const nodeOk = run('node', [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-test-reporter.mjs',
    '--test-reporter-destination=stderr',
    'test/node/',
  ], { CHROME_PATH: chrome, ...(postgres.url ? { SOCIAL_LINK_TEST_DATABASE_URL: postgres.url } : {}) });
  postgres.stop?.();
  const node = counts('test-results/node.json');
  passed += node.passed;
  failed += node.failed + (!nodeOk && node.failed === 0 ? 1 : 0);

  const browserOk = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
    CHROME_PATH: chrome,
    BROWSERS: Object.keys(engines).join(','),
    ...(engines.firefox ? { FIREFOX_PATH: engines.firefox } : {}),
    ...(engines.webkit ? { WEBKIT_DRIVER_PATH: engines.webkit.driver, WEBKIT_BROWSER_PATH: engines.webkit.browser } : {}),
  });
  const browser = counts('test-results/browser.json');
  passed += browser.passed;
  failed += browser.failed + (!browserOk && browser.failed === 0 ? 1 : 0);
  for (const [name, c] of Object.entries(browser.engines ?? {})) {
    console.log(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (engine-specific)`);
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
