// Every helper the browser tests share: waiting, the scriptable mock endpoint, engines, the
// fake provider and popups, real mouse input, event recording, and the shuffled test order.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
// Not the element itself: some files must load it their own way (a framework app, a bundle).
import { SOCIAL_LINK_EVENTS } from '../src/element/events.js';
import type { SocialLinkButton } from '../src/element/social-link-button.js';

// Waiting, and the status list's rows with Ayrshare's own answer, live beside: re-exported here.
import { waitFor } from './waiting.js';

export * from './waiting.js';
export * from './status-helpers.js';

/** Collects errors and rejections nothing caught, until `stop()`. */
export function catchUncaught() {
  const thrown: unknown[] = [];
  const onError = (e: ErrorEvent) => thrown.push(e.error);
  const onRejection = (e: PromiseRejectionEvent) => thrown.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    thrown,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * For negative assertions only: gives what must not happen `ms` to happen anyway. (Positive
 * assertions wait for the state with `waitFor`.)
 */
export const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `count` answers from `endpoint` have reached this page (Resource Timing records a
 * response once its body is in), then lets the element's promise handlers run.
 */
export async function answered(endpoint: { absoluteUrl: string }, count = 1) {
  await waitFor(
    () => performance.getEntriesByName(endpoint.absoluteUrl).filter((e) => (e as PerformanceResourceTiming).responseEnd > 0).length >= count,
    `no answer from ${endpoint.absoluteUrl}`,
  );
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve));
}
// Room for every request of a test file.
performance.setResourceTimingBufferSize(100_000);

export interface MockAnswer {
  status?: number;
  /** JSON body (default `{}`). */
  body?: unknown;
  /** A raw body instead of JSON. */
  raw?: string;
  type?: string;
  /** Milliseconds before the server answers. */
  delay?: number;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let counter = 0;

/** A fresh scriptable endpoint on the test server (see test/mock-server.mjs). */
export function mockEndpoint(name = 'profile', id = `t${Date.now().toString(36)}${(counter++).toString(36)}`) {
  const control = `/mock-control/${id}/${name}`;
  const post = (payload: unknown) =>
    fetch(control, { method: 'POST', body: JSON.stringify(payload) }).then(() => undefined);
  return {
    url: `/mock/${id}/${name}`,
    absoluteUrl: new URL(`/mock/${id}/${name}`, location.href).href,
    /** Sets how every following request is answered. */
    answer: (answer: MockAnswer) => post({ answer }),
    /** Queues an answer for the next request only. */
    answerOnce: (answer: MockAnswer) => post({ answer, once: true }),
    requests: async (): Promise<RecordedRequest[]> =>
      (await fetch(`${control}/requests`)).json() as Promise<RecordedRequest[]>,
  };
}

/** The engine running the tests. */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/**
 * `it` in Chromium, skipped (and reported as skipped) in Firefox and WebKit: for a test that
 * needs a Chromium-only command. `reason` names it, so the skip explains itself.
 */
export function itInChromium(reason: string): Mocha.TestFunction | Mocha.PendingTestFunction {
  void reason;
  return engine === 'chromium' ? it : it.skip;
}

/** `it` in the listed engines, skipped (reported as skipped) in the others, for `reason`. */
export function itIn(engines: (typeof engine)[], reason: string): Mocha.TestFunction | Mocha.PendingTestFunction {
  void reason;
  return engines.includes(engine) ? it : it.skip;
}

/**
 * Emulates CSS media features (Chromium only: DevTools protocol); with no argument, resets the
 * ones the tests use (a no-op elsewhere).
 */
export function emulateMediaFeatures(
  features: { name: string; value: string }[] = [
    { name: 'prefers-color-scheme', value: '' },
    { name: 'forced-colors', value: '' },
  ],
) {
  if (engine !== 'chromium' && features.every((f) => f.value === '')) return Promise.resolve(true);
  return executeServerCommand('emulate-media-features', { features });
}

/** The fake provider's origin: the test page is on 127.0.0.1, so localhost is another origin. */
export const PROVIDER_HOST = `localhost:${location.port}`;
export const PROVIDER_ORIGIN = `http://${PROVIDER_HOST}`;

export interface PopupInfo {
  url: string;
  title?: string;
  text?: string;
  outerWidth?: number;
  outerHeight?: number;
  screenX?: number;
  screenY?: number;
  focused?: boolean;
  background?: string;
}

export const popups = () => executeServerCommand<PopupInfo[], undefined>('popups');
export const closePopups = () => executeServerCommand('close-popups');

/** Waits until the windows this page opened match `check` (CDP learns of them a little late). */
export async function waitForPopups(check: (all: PopupInfo[]) => boolean, message: string) {
  let last: PopupInfo[] = [];
  await waitUntil(
    async () => check((last = await popups())),
    message,
    { timeout: 8000, interval: 100 },
  );
  return last;
}

let keys = 0;

/** A linking URL on the fake provider that plays `steps` (see test/fake-provider.mjs). */
export function providerUrl(steps: string[] = [], options: { coop?: boolean } = {}) {
  const key = `k${Date.now().toString(36)}${(keys++).toString(36)}`;
  const query = new URLSearchParams({ key, steps: steps.join(','), target: location.origin });
  if (options.coop) query.set('coop', '1');
  return {
    key,
    url: `${PROVIDER_ORIGIN}/fake-provider/link?${query}&token=secret-bearer-${key}`,
    token: `secret-bearer-${key}`,
    loads: async (): Promise<{ url: string }[]> =>
      (await fetch(`/fake-provider/loads?key=${key}`)).json() as Promise<{ url: string }[]>,
  };
}

/** Moves the real mouse to the middle of `target` (scrolled into view), or clicks there. */
async function mouseAt(target: Element, type: 'move' | 'click') {
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  // Firefox and WebKit may apply the scroll a frame later: measure after it.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const rect = target.getBoundingClientRect();
  await sendMouse({
    type,
    position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)],
  });
}

/** A real mouse click (with user activation) in the middle of `target`. */
export const click = (target: Element) => mouseAt(target, 'click');
export const hover = (target: Element) => mouseAt(target, 'move');

/** Posts `message` to this page from a frame on the fake provider's origin (not the popup). */
export async function postFromProviderFrame(message: unknown) {
  const frame = document.createElement('iframe');
  frame.src = `${PROVIDER_ORIGIN}/fake-provider/spoof?message=${encodeURIComponent(JSON.stringify(message))}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  await new Promise((resolve) => setTimeout(resolve, 100));
  frame.remove();
}

export const part = (el: SocialLinkButton, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

export type Recorded = { type: string; detail: unknown };

/** Every social-link-* event `el` emits, in order. */
export function record(el: EventTarget): Recorded[] {
  const events: Recorded[] = [];
  for (const type of SOCIAL_LINK_EVENTS) {
    el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  }
  return events;
}

export const types = (events: Recorded[]) => events.map((e) => e.type);

export interface FlowSetup {
  jwt?: MockAnswer;
  profile?: MockAnswer;
  prefetch?: 'intent' | 'none';
  timeout?: number;
  mode?: string;
  allowedHosts?: string;
}

export async function setupFlow(options: FlowSetup = {}) {
  const jwt = mockEndpoint('jwt');
  const profile = mockEndpoint('profile');
  await jwt.answer(options.jwt ?? { body: {} });
  await profile.answer(options.profile ?? { body: { activeSocialAccounts: [] } });
  const el = await fixture<SocialLinkButton>(html`<social-link-button
    jwt-endpoint=${jwt.url}
    profile-endpoint=${profile.url}
    allowed-hosts=${options.allowedHosts ?? PROVIDER_HOST}
    prefetch=${options.prefetch ?? 'none'}
    timeout=${options.timeout ?? 15000}
    mode=${options.mode ?? 'popup'}
    networks="facebook linkedin tiktok twitter youtube"
  ></social-link-button>`);
  await waitFor(() => el.shadowRoot!.querySelector('[part="networks"][aria-busy="false"]'), 'status never loaded');
  const events = record(el);
  return { el, jwt, profile, events, button: part(el, 'button')! };
}

export async function cleanUp() {
  await resetMouse();
  await closePopups();
}

// TEST_SHUFFLE (web-test-runner.config.mjs): each file's suites and tests run in an order
// drawn from the seed, so a test that leans on another's leftovers fails.
const seed = (window as { TEST_SHUFFLE_SEED?: number }).TEST_SHUFFLE_SEED;
if (seed) {
  let state = seed >>> 0;
  const random = () => ((state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
  const shuffle = <T>(list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
  };
  const shuffleSuite = (suite: Mocha.Suite) => {
    shuffle(suite.tests);
    shuffle(suite.suites);
    suite.suites.forEach(shuffleSuite);
  };
  before(function () {
    shuffleSuite(this.test!.parent!);
  });
}
