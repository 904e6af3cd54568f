// Issue 22: inside an in-app browser the link flow completes in place — the element (in its
// default popup mode) sends the page itself to the linking page, and the provider sending the
// user back shows the host page again with the new status. In a frame (its history is the
// tab's); real clicks; the popup blocker on. Chromium emulates the app's user agent (DevTools
// protocol); Firefox and WebKit override navigator.userAgent in the frame
// (test/fixtures/in-app-setup.js).
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { cleanUp, engine, mockEndpoint, popups, PROVIDER_HOST, providerUrl, quietFor, waitFor } from './helpers.js';
import { beBrowser, beSelf, IN_APP } from './in-app-helpers.js';
import { frameAt, MARK } from './redirect-frame.js';

const PAGE = '/test/fixtures/in-app.html';
const SETUP = 'test:in-app';

describe('the link flow inside an in-app browser', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    sessionStorage.removeItem(MARK);
    sessionStorage.removeItem(SETUP);
    await beSelf();
    await cleanUp();
  });

  for (const app of ['Instagram android', 'TikTok ios'] as const) {
  it(`${app}: Link sends the page to the linking page (no popup); sent back, the host page shows what was linked`, async function () {
    this.timeout(60000);
    const ua = IN_APP[app];
    await beBrowser(ua);
    const profile = mockEndpoint('profile');
    await profile.answer({ body: { activeSocialAccounts: [] } });
    const back = `${location.origin}${PAGE}?returned=1`;
    const link = providerUrl(['wait:800', `go:${encodeURIComponent(back)}`]);
    const jwt = mockEndpoint('jwt');
    await jwt.answer({ body: { url: link.url } });
    const attributes = { 'jwt-endpoint': jwt.url, 'profile-endpoint': profile.url, 'allowed-hosts': PROVIDER_HOST, networks: 'tiktok youtube' };
    sessionStorage.setItem(SETUP, JSON.stringify({ attributes, ...(engine === 'chromium' ? {} : { userAgent: ua }) }));

    frame = document.createElement('iframe');
    frame.src = PAGE;
    frame.style.cssText = 'width: 600px; height: 400px; border: 0';
    document.body.prepend(frame);
    await new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    const inner = () => frame!.contentWindow!;
    const element = () => inner().document.querySelector('social-link-button') as HTMLElement & { inAppBrowser: string | null; mode: string };
    // The status read, and the in-app table (a part loaded on first need) answered.
    await waitFor(() => inner().customElements?.get('social-link-button') && element().shadowRoot?.querySelector('[part~="link-network"]') && element().inAppBrowser, 'no status or no in-app table in the frame');
    const el = element();
    expect(inner().navigator.userAgent).to.equal(ua);
    expect(el.inAppBrowser).to.equal(app.split(' ')[0]);
    expect(el.mode).to.equal('popup');
    const opened: unknown[] = [];
    el.addEventListener('social-link-open', (e) => opened.push((e as CustomEvent).detail));

    // The TikTok row's Link, clicked with the real mouse.
    const button = el.shadowRoot!.querySelector('[data-network="tiktok"] [part~="link-network"]')!.getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + button.left + button.width / 2), Math.round(box.top + button.top + button.height / 2)] });
    await waitFor(async () => (await link.loads()).length === 1, 'the page was not sent to the linking URL');
    expect(opened).to.deep.equal([{ mode: 'redirect' }]);
    expect(JSON.parse((await jwt.requests())[0]!.body)).to.include({ network: 'tiktok' });
    // The user links TikTok on the provider's page, which then sends them back.
    await profile.answer({ body: { activeSocialAccounts: ['tiktok'] } });
    // Sent back to the host page, which then goes Back past the linking page's entry to its own
    // (test/flow-redirect-return.test.ts): wait for that last page, then for its status.
    // Three loads of the page's module graph (there, back, and Back past the linking entry): room
    // for a CI host running three engines at once.
    // (In a tab at its history cap, 50 entries after the other files, it stays on the page it was sent to.)
    await waitFor(() => frameAt(frame!)?.startsWith(PAGE) && sessionStorage.getItem(MARK) === null, 'not back on the host page', { timeout: 25000 });
    await waitFor(() => element()?.shadowRoot?.querySelector('[data-network="tiktok"][data-linked]'), 'back, but TikTok not shown linked', { timeout: 15000 });
    expect((await popups()).length).to.equal(0);

    // Back on the host page, still in the app: its way out points at the host page, never the
    // linking URL (Android); on iOS the notice names the app's menu and links nowhere.
    const open = element().shadowRoot!.querySelector('[part="in-app-open"]') as HTMLAnchorElement | null;
    if (app.endsWith('android')) {
      expect(open!.getAttribute('href')).to.match(new RegExp(`^intent://${location.host.replace(/\./g, '\\.')}/test/fixtures/in-app\\.html`));
    } else {
      expect(open).to.equal(null);
      expect(element().shadowRoot!.querySelector('[part="in-app-notice"]')!.textContent).to.contain('The app’s menu (⋯)');
    }
    for (const a of element().shadowRoot!.querySelectorAll('a')) expect(a.href).not.to.contain(link.token);
    // YouTube is still marked, not offered.
    expect(element().shadowRoot!.querySelector('[data-network="youtube"] [part~="in-app-blocked"]')).not.to.equal(null);
    await quietFor(300);
    expect(await link.loads()).to.have.length(1);
  });
  }
});
