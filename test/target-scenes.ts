// The element in each state a user can act in, for the touch-target and layout tests at phone
// and desktop sizes (test/targets.test.ts, test/phone-targets.test.ts): every control it shows,
// measured as laid out.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/locales/ar.js';
import '../src/locales/de.js';
import '../src/locales/he.js';
import type { SocialLinkButton } from '../src/entries/index.js';
import { mockEndpoint, part, rowOf, waitFor } from './helpers.js';

const DAY = 86_400_000;

/** Linked with an account page, expiring, needing a reconnect, and not linked. */
export const STATUS = {
  activeSocialAccounts: ['facebook', 'linkedin', 'youtube'],
  displayNames: [
    { platform: 'facebook', displayName: 'Acme Page', profileUrl: 'https://www.facebook.com/acme' },
    { platform: 'linkedin', displayName: 'Acme Corporation', refreshRequired: new Date(Date.now() + 5 * DAY).toISOString() },
    { platform: 'youtube', displayName: 'Acme Videos', refreshRequired: true },
  ],
};

export type SceneName = 'rows' | 'unlink-confirm' | 'error' | 'popup-blocked' | 'compact';
export const SCENES: SceneName[] = ['rows', 'unlink-confirm', 'error', 'popup-blocked', 'compact'];

export interface SceneOptions {
  /** The width of the box the element is in (none: the page's). */
  width?: number;
  lang?: string;
}

/** The element, in a box of `width`, showing `name`. */
export async function scene(name: SceneName, { width, lang = 'en' }: SceneOptions = {}) {
  const profile = mockEndpoint();
  await profile.answer(name === 'error' ? { status: 500, body: {} } : { body: STATUS });
  const wrap = await fixture<HTMLDivElement>(html`<div style=${width ? `width: ${width}px` : ''}>
    <social-link-button
      lang=${lang}
      profile-endpoint=${profile.url}
      jwt-endpoint="/jwt"
      unlink-endpoint="/unlink"
      prefetch="none"
      ?compact=${name === 'compact'}
      networks="facebook linkedin youtube tiktok"
    ></social-link-button>
  </div>`);
  const el = wrap.querySelector<SocialLinkButton>('social-link-button')!;
  if (name === 'error') {
    await waitFor(() => part(el, 'retry'), 'no Try again');
  } else {
    await waitFor(() => el.linked.length === 3, 'status never loaded');
    await waitFor(() => rowOf(el, 'youtube')?.dataset.health === 'needs-reconnect', 'YouTube never needed a reconnect');
  }
  if (name === 'unlink-confirm') {
    rowOf(el, 'facebook').querySelector<HTMLButtonElement>('[part="unlink"]')!.click();
    await waitFor(() => part(el, 'confirm-unlink'), 'no unlink confirmation');
  }
  if (name === 'popup-blocked') {
    // No user activation here: the element reports the popup as blocked and offers Continue.
    el.open();
    await waitFor(() => part(el, 'continue'), 'no Continue');
  }
  await el.updateComplete;
  // Rows off screen skip layout (content-visibility: auto) until the next rendering update
  // finds them on screen (WebKit reports their placeholder size till then): measure as seen.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return { el, wrap };
}

/** Everything in `el` a user can press: buttons, links, and compact mode's icons. */
export function targets(el: SocialLinkButton): HTMLElement[] {
  const root = el.shadowRoot!;
  const compact = el.hasAttribute('compact') ? [...root.querySelectorAll<HTMLElement>('[role="option"]')] : [];
  return [...root.querySelectorAll<HTMLElement>('button, a[href]'), ...compact].filter((node) => node.getClientRects().length > 0);
}

const label = (node: HTMLElement) => `${node.getAttribute('part') ?? node.tagName.toLowerCase()} "${node.textContent!.trim().slice(0, 30)}"`;

/** Every target at least `min`×`min` CSS px, none overlapping another. */
export function expectTargets(el: SocialLinkButton, min: number, where: string) {
  const found = targets(el);
  expect(found.length, `${where}: no controls`).to.be.greaterThan(0);
  const boxes = found.map((node) => ({ node, box: node.getBoundingClientRect() }));
  for (const { node, box } of boxes) {
    // The account's name linking to its page sits in a line of text (WCAG 2.5.8's inline
    // exception): 24 px, as everywhere, but not a finger's 44.
    const least = node.closest('[part~="account"]') ? Math.min(min, 24) : min;
    expect(box.width, `${where}: ${label(node)} is ${box.width} px wide`).to.be.at.least(least - 0.01);
    expect(box.height, `${where}: ${label(node)} is ${box.height} px tall`).to.be.at.least(least - 0.01);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.node.contains(b.node) || b.node.contains(a.node)) continue;
      const overlap = a.box.left < b.box.right - 0.5 && b.box.left < a.box.right - 0.5 && a.box.top < b.box.bottom - 0.5 && b.box.top < a.box.bottom - 0.5;
      expect(overlap, `${where}: ${label(a.node)} overlaps ${label(b.node)}`).to.be.false;
    }
  }
}

/** Nothing wider than its box: the host, the list and each row. */
export function expectNoOverflow(el: SocialLinkButton, where: string) {
  // A compact icon's row holds its tooltip, wider than the icon by design: the list clips it.
  const inner = el.hasAttribute('compact') ? '.bar' : '[part~="networks"], [part~="error"], .bar, li[data-network]';
  const boxes = [el, ...el.shadowRoot!.querySelectorAll<HTMLElement>(inner)];
  for (const box of boxes) {
    expect(box.scrollWidth, `${where}: ${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth + 1);
  }
  const host = el.getBoundingClientRect();
  for (const node of targets(el)) {
    const box = node.getBoundingClientRect();
    expect(box.left >= host.left - 0.5 && box.right <= host.right + 0.5, `${where}: ${label(node)} sticks out`).to.be.true;
  }
}
