import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import { SOCIAL_LINK_EVENTS, type SocialLinkButton } from '../src/entries/index.js';
import { mockEndpoint, type MockAnswer } from './helpers.js';
import { waitFor } from './wait.js';

export { waitFor } from './wait.js';

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
