// Waiting for a state, shared by helpers.ts and status-helpers.ts.
import { waitUntil } from '@open-wc/testing';

/**
 * waitUntil with room for a loaded machine: requests to the test server, popups and
 * navigations can take seconds on a busy CI host, where a 1 s default makes tests flaky.
 */
export function waitFor(
  condition: () => unknown | Promise<unknown>,
  message: string,
  options: { timeout?: number } = {},
) {
  return waitUntil(condition, message, { timeout: options.timeout ?? 8000, interval: 50 });
}
