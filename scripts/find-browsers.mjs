// Finds the browser engines the tests run in: Chromium (required), Firefox ESR and WebKit
// (MiniBrowser through WebKitWebDriver, under Xvfb). As root on Debian, a missing one is
// installed with apt-get; otherwise the run goes on without it and says so.
import { aptInstall, canInstall, executable, findChrome, onPath } from './find-chrome.mjs';

function findFirefox() {
  const look = () =>
    [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].find((p) => p && executable(p)) ?? onPath('firefox-esr') ?? onPath('firefox');
  let path = look();
  if (!path && canInstall()) {
    aptInstall(['firefox-esr']);
    path = look();
  }
  return path;
}

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function findWebKit() {
  const look = () => {
    const driver = process.env.WEBKIT_DRIVER_PATH || onPath('WebKitWebDriver');
    const browser = process.env.WEBKIT_BROWSER_PATH || MINIBROWSER;
    const xvfb = process.env.DISPLAY ? 'display' : onPath('xvfb-run') && onPath('xauth');
    return driver && executable(browser) && xvfb ? { driver, browser } : undefined;
  };
  let found = look();
  if (!found && canInstall()) {
    aptInstall(['webkit2gtk-driver', 'xvfb', 'xauth']);
    found = look();
  }
  return found;
}

/**
 * The engines to test in, with paths; `required` (CI) turns a missing engine into an error.
 * BROWSERS=chromium,firefox limits the run to those.
 */
export function findBrowsers({ required = false } = {}) {
  const only = process.env.BROWSERS?.split(',').filter(Boolean);
  const want = (name) => !only || only.includes(name);
  const engines = {};
  const missing = [];
  if (want('chromium')) engines.chromium = findChrome();
  if (want('firefox')) {
    const firefox = findFirefox();
    if (firefox) engines.firefox = firefox;
    else missing.push('Firefox ESR was not found, so its browser tests did not run: install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.');
  }
  if (want('webkit')) {
    const webkit = findWebKit();
    if (webkit) engines.webkit = webkit;
    else missing.push('WebKit was not found, so its browser tests did not run: install it (Debian: apt-get install webkit2gtk-driver xvfb xauth) or set WEBKIT_DRIVER_PATH and WEBKIT_BROWSER_PATH.');
  }
  for (const sentence of missing) console.warn(sentence);
  if (required && missing.length) throw new Error('Every engine is required here (CI).');
  return engines;
}
