// WebKitWebDriver on a free loopback port, in a virtual X display unless DISPLAY is set: one
// start-up for the browser suite (web-test-runner.config.mjs) and the Node tests that drive
// WebKit themselves (test/node/engines.mjs). The driver stops when this process exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts the driver and waits until it answers; returns its port and how to stop it. */
export async function startWebKitDriver(driverPath) {
  const port = await freePort();
  const command = process.env.DISPLAY ? [driverPath, `--port=${port}`] : ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', driverPath, `--port=${port}`];
  const child = spawn(command[0], command.slice(1), { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { port, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error('WebKitWebDriver did not start (is xvfb installed?).');
}

/**
 * A web-test-runner launcher for WebKitGTK's MiniBrowser (`binary`, started with `args` after
 * `--automation`) through its own WebKitWebDriver, which lives as long as this run. The desktop
 * suite and the phone group (test/phone-launchers.mjs) both launch through it.
 */
export async function miniBrowserLauncher(webdriverLauncher, binary, args = []) {
  const { port, stop } = await startWebKitDriver(process.env.WEBKIT_DRIVER_PATH || 'WebKitWebDriver');
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stop(), process.exit(1)));
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only (no BiDi).
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary, args: ['--automation', ...args] },
    },
  });
}
