import { expect, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
import {
  itIn,
  cleanUp,
  click,
  hover,
  part,
  popups,
  providerUrl,
  setupFlow,
  waitForPopups,
  types,
  PROVIDER_ORIGIN,
  waitFor,
  quietFor,
  answered,
} from './helpers.js';


describe('opening the linking page (popup blocker on)', () => {
  afterEach(cleanUp);

  it('opens a prefetched URL directly on click', async () => {
    const link = providerUrl();
    const { el, jwt, button, events } = await setupFlow({
      prefetch: 'intent',
      jwt: { body: { status: 'success', sessionId: 'ls_1', url: link.url, expiresAt: new Date(Date.now() + 300_000).toISOString() } },
    });
    await hover(button);
    await waitFor(async () => (await jwt.requests()).length === 1, 'no prefetch on hover');
    const [request] = await jwt.requests();
    expect(request.method).to.equal('POST');
    // The element's networks go along, so the linking page offers only those.
    expect(JSON.parse(request.body)).to.deep.equal({
      origin: location.origin,
      networks: ['facebook', 'linkedin', 'tiktok', 'twitter', 'youtube'],
    });
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers.accept).to.equal('application/json');
    await answered(jwt);

    await click(button);
    expect(el.state).to.equal('open');
    expect(el.getAttribute('state')).to.equal('open');
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    await waitForPopups(
      (all) => all.length === 1 && all[0].url.startsWith(`${PROVIDER_ORIGIN}/fake-provider/link`),
      'the popup is not on the linking page',
    );
    expect(events[0]).to.deep.equal({ type: 'social-link-open', detail: { mode: 'popup' } });
    expect(await jwt.requests()).to.have.length(1);
  });

  it('opens a centred popup of a sensible size', async () => {
    const link = providerUrl();
    const { button } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    const [popup] = await waitForPopups((all) => all[0]?.outerWidth !== undefined, 'no popup');
    const width = Math.min(800, screen.availWidth);
    const height = Math.min(800, screen.availHeight);
    expect(popup.outerWidth).to.be.within(width - 40, width + 40);
    expect(popup.outerHeight).to.be.within(height - 120, height + 40);
    const expectedLeft = Math.max(0, window.screenX + (window.outerWidth - width) / 2);
    expect(popup.screenX).to.be.within(expectedLeft - 40, expectedLeft + 40);
  });

  it('with a 6-second endpoint still opens the popup, showing Connecting… until the URL arrives', async () => {
    const link = providerUrl();
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url }, delay: 6000 } });
    await click(button);
    expect(types(events)).to.deep.equal(['social-link-open']);
    expect(el.state).to.equal('opening');
    await waitFor(async () => (await popups()).some((p) => p.title === 'Connecting…' && p.text?.includes('Opening the page')), 'no Connecting… page');
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded', {
      timeout: 12000,
    });
    expect(el.state).to.equal('open');
    await waitForPopups(
      (all) => all.length === 1 && all[0].url.startsWith(PROVIDER_ORIGIN),
      'the Connecting… popup was not navigated to the linking page',
    );
  });

  it('a second click while open focuses the popup: one flow, one URL', async () => {
    const link = providerUrl();
    const { jwt, button, events } = await setupFlow({ jwt: { body: { url: link.url }, delay: 300 } });
    await click(button);
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    await click(button);
    await quietFor(300);
    expect(await jwt.requests()).to.have.length(1);
    await waitForPopups((all) => all.length === 1, 'not exactly one popup');
    expect(types(events).filter((t) => t === 'social-link-open')).to.have.length(1);
  });

  it('uses a linking URL at most once: the next flow fetches a new one', async () => {
    const first = providerUrl();
    const { el, jwt, button } = await setupFlow({
      prefetch: 'intent',
      jwt: { body: { url: first.url } },
    });
    await hover(button);
    await waitFor(async () => (await jwt.requests()).length === 1, 'no prefetch');
    await answered(jwt);
    await click(button);
    await waitFor(async () => (await first.loads()).length === 1, 'first page never loaded');
    // The endpoint now hands out a new URL (set before closing: the focus returning to the
    // button may prefetch at once).
    const second = providerUrl();
    await jwt.answer({ body: { url: second.url } });
    // close() ends the flow at once; the next click starts a new one (in the same named window,
    // should Chromium still be closing the first).
    el.close();
    expect(el.state).to.equal('idle');
    await click(button);
    await waitFor(async () => (await second.loads()).length === 1, 'second page never loaded');
    expect((await jwt.requests()).length).to.be.at.least(2);
    expect(await first.loads()).to.have.length(1);
  });

  it('close() ends the flow and closes the popup', async () => {
    const link = providerUrl();
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    const closed = oneEvent(el, 'social-link-close');
    el.close();
    expect((await closed).detail).to.deep.equal({ completed: false });
    expect(el.state).to.equal('idle');
    await waitForPopups((all) => all.length === 0, 'popup still open');
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-close']);
  });

  it('mode="tab" opens the linking page in a new tab', async () => {
    const link = providerUrl();
    const { el, button } = await setupFlow({ mode: 'tab', jwt: { body: { url: link.url } } });
    const opened = oneEvent(el, 'social-link-open');
    await click(button);
    expect((await opened).detail).to.deep.equal({ mode: 'tab' });
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
  });
});

describe('failures while opening', () => {
  afterEach(cleanUp);

  for (const [what, answer, code] of [
    ['a javascript: URL', { body: { url: 'javascript:alert(document.domain)' } }, 'untrusted-url'],
    ['an off-list host', { body: { url: 'https://evil.example/link?token=abc' } }, 'untrusted-url'],
    ['http on a non-loopback allowed host', { body: { url: 'http://profile.ayrshare.com/x' } }, 'untrusted-url'],
    ['a data: URL', { body: { url: 'data:text/html,<script>alert(1)</script>' } }, 'untrusted-url'],
    ['the apex of a *. wildcard', { body: { url: 'https://example.com/link' } }, 'untrusted-url'],
    ['a 500', { status: 500, body: { message: 'Upstream failed' } }, 'request-failed'],
    ['non-JSON', { raw: 'oops' }, 'invalid-response'],
    ['a wrong shape', { body: { link: 'https://profile.ayrshare.com/' } }, 'invalid-response'],
    ['status "error"', { body: { status: 'error', code: 188, message: 'Profile-Key missing' } }, 'request-failed'],
  ] as const) {
    it(`${what}: closes the pre-opened popup and reports ${code}`, async () => {
      const { el, button, events } = await setupFlow({
        jwt: answer,
        allowedHosts: `localhost:${location.port} profile.ayrshare.com *.example.com`,
      });
      const failed = oneEvent(el, 'social-link-error');
      await click(button);
      const { detail } = await failed;
      expect(detail.code).to.equal(code);
      await waitForPopups((all) => all.length === 0, 'popup left open');
      expect(el.state).to.equal('idle');
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain(detail.message);
      expect(part(el, 'retry')!.textContent!.trim()).to.equal('Try again');
      expect(types(events)).to.deep.equal(['social-link-open', 'social-link-close', 'social-link-error']);
      if (code === 'request-failed' && 'status' in answer) expect(detail.status).to.equal(500);
    });
  }

  it('a hang past timeout: closes the popup and reports timeout; Try again opens it', async () => {
    const link = providerUrl();
    const { el, jwt, button } = await setupFlow({ timeout: 400, jwt: { body: { url: link.url }, delay: 3000 } });
    const failed = oneEvent(el, 'social-link-error');
    await click(button);
    expect((await failed).detail.code).to.equal('timeout');
    await waitForPopups((all) => all.length === 0, 'popup left open');
    await jwt.answer({ body: { url: link.url } });
    await el.updateComplete;
    await click(part(el, 'retry')!);
    await waitFor(async () => (await link.loads()).length === 1, 'retry did not open the page');
  });

  itIn(['chromium', 'firefox'], 'WebKit allows a second popup in one click, so nothing blocks this one')('a popup blocked by the browser yields popup-blocked and Continue opens it', async () => {
    const link = providerUrl();
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    // Chromium blocks the second popup of one gesture: a host handler opens one first.
    const opener = () => window.open('about:blank', 'other-window', 'popup');
    button.addEventListener('click', opener, { capture: true });
    const blocked = oneEvent(el, 'social-link-error');
    await click(button);
    button.removeEventListener('click', opener, { capture: true });
    expect((await blocked).detail.code).to.equal('popup-blocked');
    await el.updateComplete;
    const cont = part(el, 'continue')!;
    expect(cont.textContent!.trim()).to.equal('Continue');
    expect(types(events)).to.deep.equal(['social-link-error']);
    await click(cont);
    await waitFor(async () => (await link.loads()).length === 1, 'Continue did not open the page');
    expect(part(el, 'continue')).to.equal(null);
  });
});
