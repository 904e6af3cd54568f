// A failed link and trying again, feedback while the flow runs, and where focus goes after a
// failure; real input, popup blocker on.
import { expect, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../src/entries/index.js';
import {
  emulateMediaFeatures,
  itInChromium,
  cleanUp,
  click,
  hover,
  part,
  popups,
  providerUrl,
  setupFlow,
  types,
  waitFor,
  waitForPopups,
  quietFor,
  answered,
} from './helpers.js';

const JARGON = /URL|endpoint|HTTP|jwt|JSON|Try again/i;

describe('a failed link, and trying again', () => {
  afterEach(cleanUp);

  it('one failure is one event, and Try again starts the flow again (a popup, in the click task)', async () => {
    // The host's backend is down: the linking URL and the status both fail.
    const { el, jwt, profile, button, events } = await setupFlow({ jwt: { status: 502, body: {} } });
    await profile.answer({ status: 502, body: {} });
    const statusReads = (await profile.requests()).length;
    await click(button);
    await waitFor(() => part(el, 'error'), 'no error shown');
    await quietFor(300);
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-close', 'social-link-error']);
    expect((await profile.requests()).length, 'nothing reached the provider: no status re-read').to.equal(statusReads);
    const retry = part(el, 'retry')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    expect(el.shadowRoot!.querySelector('.error-text')!.textContent).to.not.match(JARGON);

    const link = providerUrl();
    await jwt.answer({ body: { url: link.url } });
    await click(retry);
    await waitFor(async () => (await link.loads()).length === 1, 'Try again did not open the linking page');
    expect(el.state).to.equal('open');
    expect(types(events).filter((t) => t === 'social-link-open')).to.have.length(2);
    expect(part(el, 'error')).to.equal(null);
  });

  it('when the prefetch on hover already failed, the click shows the error instead of flashing a popup', async () => {
    const { el, jwt, button, events } = await setupFlow({ prefetch: 'intent', jwt: { status: 500, body: {} } });
    await hover(button);
    await waitFor(async () => (await jwt.requests()).length === 1, 'no prefetch');
    await answered(jwt);
    await click(button);
    await waitFor(() => part(el, 'error'), 'no error shown');
    await quietFor(300);
    expect(await popups()).to.have.length(0);
    expect(types(events)).to.deep.equal(['social-link-error']);
    expect(el.state).to.equal('idle');

    const link = providerUrl();
    await jwt.answer({ body: { url: link.url } });
    await click(part(el, 'retry')!);
    await waitFor(async () => (await link.loads()).length === 1, 'Try again did not open the linking page');
  });

  it('an expired linking URL says so and offers a new one', async () => {
    const { el, jwt, button } = await setupFlow({
      jwt: { body: { url: providerUrl().url, expiresAt: new Date(Date.now() - 60_000).toISOString() } },
    });
    const failed = oneEvent(el, 'social-link-error');
    await click(button);
    const { detail } = await failed;
    expect(detail.code).to.equal('invalid-response');
    expect(detail.message).to.match(/expired/);
    await el.updateComplete;
    const retry = part(el, 'retry')!;
    expect(retry.textContent!.trim()).to.equal('Open a new link');
    const link = providerUrl();
    await jwt.answer({ body: { url: link.url, expiresAt: new Date(Date.now() + 300_000).toISOString() } });
    await click(retry);
    await waitFor(async () => (await link.loads()).length === 1, 'no new link opened');
  });

  it('a 429 says how long to wait, from Retry-After', async () => {
    const { el, button } = await setupFlow({
      jwt: { status: 429, body: { status: 'error', message: 'Too many' }, headers: { 'Retry-After': '30' } },
    });
    const failed = oneEvent(el, 'social-link-error');
    await click(button);
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      code: 'request-failed',
      status: 429,
      retryAfter: 30,
      message: 'Too many attempts right now. Please wait 30 seconds.',
    });
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('Please wait 30 seconds.');
  });

  it("a 403 from the server's origin check tells the developer in the console and the user what to do", async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const { el, button } = await setupFlow({
        jwt: { status: 403, body: { status: 'error', code: 'origin-not-allowed', message: 'This page may not link accounts.' } },
      });
      const failed = oneEvent(el, 'social-link-error');
      await click(button);
      const { detail } = await failed;
      expect(detail.code).to.equal('request-failed');
      expect(detail.status).to.equal(403);
      expect(detail.message).to.match(/Reload it, or contact support/);
      expect(logged.join('\n')).to.contain('allowedOrigins');
      expect(logged.join('\n')).to.contain(location.origin);
    } finally {
      console.error = original;
    }
  });

  it('failure sentences are for people: no jargon, no doubled "Try again"', async () => {
    for (const answer of [
      { status: 500, body: {} },
      { raw: 'oops' },
      { body: { link: 'x' } },
      { body: { url: 'https://evil.example/x' } },
    ]) {
      const { el, button } = await setupFlow({ jwt: answer });
      const failed = oneEvent(el, 'social-link-error');
      await click(button);
      const { detail } = await failed;
      expect(detail.message, JSON.stringify(answer)).to.not.match(JARGON);
      await cleanUp();
    }
  });
});

describe('feedback while the flow runs', () => {
  afterEach(async () => {
    await cleanUp();
    await emulateMediaFeatures();
  });

  it('the button is busy (spinner, aria-busy) while opening; then a hint with "Bring it back"', async () => {
    const link = providerUrl();
    const { el, button } = await setupFlow({ jwt: { body: { url: link.url }, delay: 1500 } });
    expect(part(el, 'spinner')).to.equal(null);
    await click(button);
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'spinner')!.getBoundingClientRect().width).to.be.greaterThan(0);
    await waitFor(() => el.state === 'open', 'never open');
    await el.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(part(el, 'spinner')).to.equal(null);
    const hint = part(el, 'hint')!;
    expect(hint.textContent).to.contain('Finish in the popup window.');
    const back = part(el, 'bring-back')!;
    expect(back.tagName).to.equal('BUTTON');
    await waitForPopups((all) => all.length === 1 && all[0].url.includes('/fake-provider/'), 'no popup');
    await click(back);
    await waitForPopups((all) => all[0]?.focused === true, 'Bring it back did not focus the popup');
    expect(await popups()).to.have.length(1);
    el.close();
    await el.updateComplete;
    expect(part(el, 'hint')).to.equal(null);
  });

  itInChromium('the accessibility snapshot is a DevTools-protocol command')('the computed accessible name says it opens a new window', async () => {
    const { el } = await setupFlow();
    el.id = 'named';
    const tree = await a11ySnapshot({ selector: '#named' });
    const node = findAccessibilityNode<{ role: string; name: string }>(
      tree as never,
      (n) => n.role === 'button' && n.name.startsWith('Link social accounts'),
    );
    expect(node?.name).to.equal('Link social accounts (opens in a new window)');
  });

  itInChromium('media emulation is a DevTools-protocol command')('the "Connecting…" page follows a dark colour scheme', async () => {
    await emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const { button } = await setupFlow({ jwt: { body: { url: providerUrl().url }, delay: 3000 } });
    await click(button);
    const [page] = await waitForPopups((all) => all[0]?.title === 'Connecting…', 'no Connecting… page');
    // Opaque (an unset background is transparent: the browser's white) and dark.
    expect(page.background).to.match(/^rgb\(/);
    const [r, g, b] = page.background!.match(/\d+/g)!.map(Number);
    expect(r + g + b, page.background).to.be.lessThan(120);
  });

  it('the button says it opens a new window (or tab)', async () => {
    const { el } = await setupFlow();
    const name = () =>
      el.shadowRoot!.querySelector('[part="button"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(name()).to.equal('Link social accounts (opens in a new window)');
    // Rows are read from their content: no label repeating it.
    for (const row of el.shadowRoot!.querySelectorAll('li')) expect(row.hasAttribute('aria-label')).to.be.false;
    el.mode = 'tab';
    await el.updateComplete;
    expect(name()).to.equal('Link social accounts (opens in a new tab)');
    el.mode = 'redirect';
    await el.updateComplete;
    expect(name()).to.equal('Link social accounts');
  });
});

describe('focus', () => {
  afterEach(cleanUp);

  it('after a failed Try again, focus stays in the element and the error sits right under the button', async () => {
    const { el, jwt, button } = await setupFlow({ jwt: { status: 500, body: {} } });
    await click(button);
    await waitFor(() => part(el, 'retry'), 'no error');
    part(el, 'retry')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(async () => (await jwt.requests()).length === 2, 'Try again did not ask again');
    await answered(jwt, 2);
    await waitFor(() => part(el, 'retry'), 'no second error');
    await el.updateComplete;
    expect(document.activeElement === el, 'focus is elsewhere').to.be.true;
    expect(el.shadowRoot!.activeElement !== null, 'focus left the element').to.be.true;
    const error = part(el, 'error')!;
    const list = part(el, 'networks')!;
    expect(error.getBoundingClientRect().bottom).to.be.at.most(list.getBoundingClientRect().top);
    expect(error.getBoundingClientRect().top - button.getBoundingClientRect().bottom).to.be.lessThan(24);
  });
});
