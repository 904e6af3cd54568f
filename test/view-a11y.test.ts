// The element's layout, accessibility and looks: narrow widths, loading without layout shift,
// compact keyboard access, contrast, fonts, announcements and focus after an unlink.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/entries/index.js';
import { NETWORK_IDS, type SocialLinkButton } from '../src/entries/index.js';
import {
  emulateMediaFeatures,
  itInChromium,
  mockEndpoint,
  rowOf,
  click,
  waitFor,
  quietFor,
  rowText,
} from './helpers.js';

const part = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`);

const LINKED = {
  activeSocialAccounts: ['facebook', 'linkedin', 'twitter'],
  displayNames: [
    { platform: 'facebook', displayName: 'Acme Page', userImage: 'http://127.0.0.1:9/a.png', profileUrl: 'https://facebook.com/acme' },
    { platform: 'linkedin', displayName: 'Acme Corp' },
    { platform: 'twitter', username: 'acme' },
  ],
};

function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

describe('narrow widths', () => {
  for (const width of [280, 320, 360, 390]) {
    it(`at ${width} px the unlink confirmation wraps under the text; nothing overlaps or is cut`, async () => {
      const profile = mockEndpoint();
      const unlink = mockEndpoint('unlink');
      await profile.answer({ body: LINKED });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">
        <social-link-button profile-endpoint=${profile.url} unlink-endpoint=${unlink.url} networks="facebook linkedin gmb"></social-link-button>
      </div>`);
      const el = wrap.querySelector('social-link-button')!;
      await waitFor(() => el.linked.length === 3, 'status never loaded');
      await el.updateComplete;
      await click(part(rowOf(el, 'facebook'), 'unlink')!);
      await el.updateComplete;
      const row = rowOf(el, 'facebook');
      const pieces = ['[part~="icon"]', '[part~="name"]', '[part~="status"]', '[part~="account"]', '.confirm-text', '[part~="confirm-unlink"]', '[part~="cancel-unlink"]']
        .map((selector) => row.querySelector<HTMLElement>(selector)!);
      const rowRect = row.getBoundingClientRect();
      expect(rowRect.width).to.be.at.most(width);
      for (const [i, a] of pieces.entries()) {
        const ra = a.getBoundingClientRect();
        expect(ra.width, `${a.className || a.getAttribute('part')} has no width`).to.be.greaterThan(0);
        expect(ra.left).to.be.at.least(rowRect.left);
        expect(ra.right).to.be.at.most(rowRect.right + 0.5);
        for (const b of pieces.slice(i + 1)) {
          if (a.contains(b) || b.contains(a)) continue;
          expect(overlap(ra, b.getBoundingClientRect()), `${a.getAttribute('part') ?? a.className} overlaps ${b.getAttribute('part') ?? b.className}`).to.be.false;
        }
      }
      // The account name is shown whole, not cut to "Ac…".
      const who = part(row, 'account')!.querySelector<HTMLElement>('a, .who')!;
      expect(who.scrollWidth).to.be.at.most(who.clientWidth + 1);
      // Google Business Profile wraps instead of overflowing.
      const gmb = part(rowOf(el, 'gmb'), 'name')!;
      expect(gmb.getBoundingClientRect().right).to.be.at.most(rowOf(el, 'gmb').getBoundingClientRect().right);
      await expect(el).to.be.accessible();
    });
  }
});

describe('loading', () => {
  it('rows show "Checking…" at their final height: nothing shifts when the status arrives', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: LINKED, delay: 600 });
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
    });
    observer.observe({ type: 'layout-shift' });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <social-link-button profile-endpoint=${profile.url} unlink-endpoint="/unlink"></social-link-button>
      <p id="below">Content below the element</p>
    </div>`);
    const el = wrap.querySelector('social-link-button')!;
    await el.updateComplete;
    const before = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.getBoundingClientRect().height);
    expect(part(rowOf(el, 'facebook'), 'status')!.textContent).to.equal('Checking…');
    const belowTop = wrap.querySelector('#below')!.getBoundingClientRect().top;
    await waitFor(() => el.linked.length === 3, 'status never loaded');
    await el.updateComplete;
    // No layout shift may be reported for the frame that showed the status.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await quietFor(50);
    const after = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.getBoundingClientRect().height);
    expect(after).to.deep.equal(before);
    expect(wrap.querySelector('#below')!.getBoundingClientRect().top).to.equal(belowTop);
    observer.disconnect();
    expect(shifts.reduce((sum, v) => sum + v, 0)).to.be.lessThan(0.02);
  });
});

describe('compact', () => {
  it('each network is reachable by keyboard and shows its name; badges are not clipped', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: LINKED });
    const el = await fixture<SocialLinkButton>(html`<social-link-button compact profile-endpoint=${profile.url} networks="facebook tiktok"></social-link-button>`);
    await waitFor(() => el.linked.length === 3, 'status never loaded');
    await el.updateComplete;
    part(el.shadowRoot!, 'button')!.focus();
    await sendKeys({ press: 'Tab' });
    const facebook = rowOf(el, 'facebook');
    expect(el.shadowRoot!.activeElement === facebook, 'focus is elsewhere').to.be.true;
    const tip = facebook.querySelector<HTMLElement>('.details')!;
    expect(getComputedStyle(tip).opacity).to.equal('1');
    expect(rowText(facebook)).to.equal('Facebook Linked Acme Page');
    // One tab stop for all icons (issue 19): the arrow keys move between them.
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement === rowOf(el, 'tiktok'), 'focus is elsewhere').to.be.true;
    expect(getComputedStyle(tip).opacity).to.equal('0');
    const host = el.getBoundingClientRect();
    const badge = facebook.querySelector('.badge')!.getBoundingClientRect();
    expect(badge.bottom).to.be.at.most(host.bottom);
    expect(badge.right).to.be.at.most(host.right);
    expect(badge.left).to.be.at.least(host.left);
    await expect(el).to.be.accessible();
  });
});

function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const opaque = (color: string) => !/rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent';

describe('looks', () => {
  afterEach(() => emulateMediaFeatures());

  for (const scheme of ['light', 'dark']) {
    // Light is the default scheme everywhere; dark needs the DevTools protocol's media emulation.
    (scheme === 'light' ? it : itInChromium('media emulation is a DevTools-protocol command'))(`unlinked icons keep at least 3:1 contrast (${scheme})`, async () => {
      if (scheme === 'dark') await emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const profile = mockEndpoint();
      await profile.answer({ body: { activeSocialAccounts: [] } });
      const el = await fixture<SocialLinkButton>(html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`);
      await waitFor(() => el.shadowRoot!.querySelector('[aria-busy="false"]'), 'status never loaded');
      for (const id of NETWORK_IDS) {
        const row = rowOf(el, id);
        const icon = getComputedStyle(part(row, 'icon')!);
        const behind = opaque(icon.backgroundColor) ? icon.backgroundColor : getComputedStyle(row).backgroundColor;
        expect(Number(icon.opacity)).to.equal(1);
        expect(icon.filter).to.equal('none');
        expect(contrast(icon.color, behind), `${id}: ${icon.color} on ${behind}`).to.be.at.least(3);
      }
    });
  }

  it('uses a system font stack by default, not the page’s serif', async () => {
    const el = await fixture<SocialLinkButton>(html`<div style="font-family: Georgia, serif"><social-link-button></social-link-button></div>`);
    const button = el.querySelector('social-link-button')!.shadowRoot!.querySelector('[part="button"]')!;
    expect(getComputedStyle(button).fontFamily).to.match(/^system-ui/);
    const themed = await fixture<SocialLinkButton>(html`<social-link-button style="--social-link-button-font: 14px Georgia, serif"></social-link-button>`);
    expect(getComputedStyle(themed.shadowRoot!.querySelector('[part="button"]')!).fontFamily).to.match(/^Georgia/);
  });
});

describe('announcements and focus', () => {
  it('an identical second error is announced again', async () => {
    const profile = mockEndpoint();
    await profile.answer({ status: 502, body: {} });
    const el = await fixture<SocialLinkButton>(html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`);
    await waitFor(() => part(el.shadowRoot!, 'retry'), 'no error');
    const live = el.shadowRoot!.querySelector('[role="status"]')!;
    let changes = 0;
    const observer = new MutationObserver(() => changes++);
    observer.observe(live, { subtree: true, childList: true, characterData: true });
    const errors: unknown[] = [];
    el.addEventListener('social-link-error', (e) => errors.push(e.detail));
    await click(part(el.shadowRoot!, 'retry')!);
    await waitFor(() => errors.length === 1, 'no second error');
    await el.updateComplete;
    observer.disconnect();
    expect(changes).to.be.greaterThan(0);
    expect(live.textContent!.trim()).to.equal('We couldn’t check which accounts are linked.');
  });

  it('after confirming an unlink by keyboard, focus stays on the row (never <body>)', async () => {
    const profile = mockEndpoint();
    const unlink = mockEndpoint('unlink');
    await profile.answer({ body: LINKED });
    await unlink.answer({ body: {}, delay: 300 });
    const el = await fixture<SocialLinkButton>(html`<social-link-button profile-endpoint=${profile.url} unlink-endpoint=${unlink.url} networks="facebook linkedin"></social-link-button>`);
    await waitFor(() => el.linked.length === 3, 'status never loaded');
    await el.updateComplete;
    part(rowOf(el, 'linkedin'), 'unlink')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement === part(rowOf(el, 'linkedin'), 'confirm-unlink'), 'focus is elsewhere').to.be.true;
    await profile.answer({ body: { ...LINKED, activeSocialAccounts: ['facebook', 'twitter'] } });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(document.activeElement === el, 'focus is elsewhere').to.be.true;
    expect(el.shadowRoot!.activeElement === rowOf(el, 'linkedin'), 'focus is elsewhere').to.be.true;
    await waitFor(() => !el.linked.includes('linkedin'), 'never unlinked');
    await el.updateComplete;
    expect(document.activeElement === el, 'focus is elsewhere').to.be.true;
    expect(el.shadowRoot!.activeElement === rowOf(el, 'linkedin'), 'focus is elsewhere').to.be.true;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('LinkedIn unlinked.');
    await expect(el).to.be.accessible();
  });
});
