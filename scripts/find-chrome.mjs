// Finds a Chromium or Chrome to test with: CHROME_PATH, /usr/bin/chromium, then chromium-browser
// or google-chrome on the PATH. As root on Debian with none found, installs Debian's chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

function look() {
  if (process.env.CHROME_PATH && executable(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium') ?? onPath('chromium-browser') ?? onPath('google-chrome') ?? onPath('google-chrome-stable');
}

/** As root on Debian, missing browsers can be installed with apt-get. */
export const canInstall = () =>
  typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/etc/debian_version');

/** Installs Debian packages, refreshing the package lists only if the first try fails. */
export function aptInstall(packages) {
  console.log(`Installing Debian's ${packages.join(', ')} with apt-get…`);
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    install();
  }
}

export function findChrome() {
  if (process.env.CHROME_PATH && !executable(process.env.CHROME_PATH)) {
    console.warn(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable; looking elsewhere.`);
  }
  let path = look();
  if (path) return path;
  if (canInstall()) {
    aptInstall(['chromium']);
    path = look();
    if (path) return path;
  }
  console.error(
    'The tests need Chromium or Chrome: install it (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChrome());
