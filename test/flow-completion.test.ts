// The link flow's end: when the user is done, messages that must do nothing, the bearer URL, and the element moving in the DOM.
import { expect, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
import {
  cleanUp,
  click,
  hover,
  providerUrl,
  setupFlow,
  waitForPopups,
  postFromProviderFrame,
  types,
  waitFor,
  quietFor,
  answered,
} from './helpers.js';

describe('knowing when the user is done', () => {
  afterEach(cleanUp);

  it('connect:success re-reads status while the popup is open; connect:closed is done', async () => {
    const link = providerUrl(['ready', 'success:facebook', 'wait:400', 'closed']);
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await profile.answer({ body: { activeSocialAccounts: ['facebook'] } });
    await click(button);
    await waitFor(() => el.linked.includes('facebook'), 'status not re-read on success');
    expect(el.state).to.equal('open');
    await waitForPopups((all) => all.length === 1, 'the popup is not open');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-network="facebook"]')!.hasAttribute('data-linked')).to.be.true;

    await waitFor(() => el.state === 'idle', 'flow never ended', { timeout: 5000 });
    await waitForPopups((all) => all.length === 0, 'popup left open');
    expect(types(events)).to.deep.equal([
      'social-link-open',
      'social-link-connect',
      'social-link-change',
      'social-link-done',
      'social-link-close',
    ]);
    expect(events[1].detail).to.deep.equal({ network: 'facebook', outcome: 'success' });
    expect(events[2].detail).to.deep.equal({ linked: ['facebook'], added: ['facebook'], removed: [], accounts: [{ platform: 'facebook' }] });
    expect(events[4].detail).to.deep.equal({ completed: true });
  });

  it('connect:error and connect:cancelled are reported; a popup that closes itself ends the flow', async () => {
    const link = providerUrl(['ready', 'error:twitter', 'cancelled:tiktok', 'selfclose']);
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    const closed = await oneEvent(el, 'social-link-close');
    expect(closed.detail).to.deep.equal({ completed: false });
    expect(events.filter((e) => e.type === 'social-link-connect').map((e) => e.detail)).to.deep.equal([
      { network: 'twitter', outcome: 'error', code: 272, message: 'Re-authorize X' },
      { network: 'tiktok', outcome: 'cancelled' },
    ]);
  });

  it('the callback page completes the flow through the opener', async () => {
    const callback = `${location.origin}/test/fixtures/callback.html`;
    const link = providerUrl(['ready', 'success:linkedin', `go:${encodeURIComponent(callback)}`]);
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    const closed = await oneEvent(el, 'social-link-close');
    expect(closed.detail).to.deep.equal({ completed: true });
    expect(types(events).filter((t) => t === 'social-link-done')).to.have.length(1);
    await waitForPopups((all) => all.length === 0, 'popup left open');
  });

  it('a popup that comes back to our own origin completes the flow, even without the callback script', async () => {
    const back = `${location.origin}/test/fixtures/returned.html`;
    const link = providerUrl(['ready', `go:${encodeURIComponent(back)}`]);
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    const closed = await oneEvent(el, 'social-link-close');
    expect(closed.detail).to.deep.equal({ completed: true });
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-done', 'social-link-close']);
    await waitForPopups((all) => all.length === 0, 'the element did not close the popup');
  });

  it('a popup whose opener link was cut by COOP still completes through the callback page', async () => {
    const callback = `${location.origin}/test/fixtures/callback.html`;
    const link = providerUrl(['wait:600', `go:${encodeURIComponent(callback)}`], { coop: true });
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    // COOP makes the handle read closed at once: the flow ends, not completed...
    const closed = await oneEvent(el, 'social-link-close');
    expect(closed.detail).to.deep.equal({ completed: false });
    const readsBefore = (await profile.requests()).length;
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
    // ...and the callback page's broadcast completes it afterwards.
    await oneEvent(el, 'social-link-done');
    await waitFor(() => el.linked.includes('youtube'), 'status not re-read after the late callback');
    expect((await profile.requests()).length).to.be.greaterThan(readsBefore);
    expect(types(events).slice(-3)).to.include('social-link-done');
  });

  it('after a flow, focus or visibility within 10 minutes re-reads the status', async () => {
    const link = providerUrl();
    const { el, profile, button } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    el.close();
    await waitFor(async () => (await profile.requests()).length >= 2, 'no re-read on close');
    // Count once every read so far has been answered: a focus while one is in flight joins it
    // (one request for both) instead of reading again.
    const reads = (await profile.requests()).length;
    await answered(profile, reads);
    window.dispatchEvent(new Event('focus'));
    await waitFor(async () => (await profile.requests()).length > reads, 'no re-read on focus');
  });
});

describe('messages that must do nothing', () => {
  afterEach(cleanUp);

  it('spoofed provider and callback messages from the wrong window or origin are ignored', async () => {
    const link = providerUrl();
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    const readsBefore = (await profile.requests()).length;

    const success = { source: 'ayrshare', version: 1, event: 'connect:success', network: 'facebook' };
    const closed = { source: 'ayrshare', version: 1, event: 'connect:closed' };
    const done = { type: 'social-link-button:done' };
    // From this page itself: wrong origin for provider events, not the popup for callbacks.
    window.postMessage(success, '*');
    window.postMessage(closed, '*');
    window.postMessage(done, '*');
    // From an allowed provider origin, but a frame rather than the popup.
    for (const message of [success, closed, done]) await postFromProviderFrame(message);
    await quietFor(300);
    expect(types(events)).to.deep.equal(['social-link-open']);
    expect(el.state).to.equal('open');
    expect((await profile.requests()).length).to.equal(readsBefore);
  });

  it('provider events are ignored when no flow is open', async () => {
    const { el, profile, events } = await setupFlow();
    await postFromProviderFrame({ source: 'ayrshare', version: 1, event: 'connect:closed' });
    await quietFor(200);
    expect(events).to.deep.equal([]);
    expect(el.state).to.equal('idle');
    expect(await profile.requests()).to.have.length(1);
  });
});

describe('the bearer URL', () => {
  afterEach(cleanUp);

  it('never reaches an event, an attribute, the console, storage or history', async () => {
    const link = providerUrl(['ready', 'success:facebook', 'closed']);
    const logged: string[] = [];
    const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      console[name] = (...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        originals[name](...args);
      };
    }
    const historyLength = history.length;
    try {
      const { el, jwt, button, events } = await setupFlow({ prefetch: 'intent', jwt: { body: { url: link.url } } });
      await hover(button);
      await answered(jwt);
      await click(button);
      await oneEvent(el, 'social-link-close');
      const everything = [
        JSON.stringify(events),
        el.outerHTML,
        el.shadowRoot!.innerHTML,
        [...el.shadowRoot!.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' '),
        logged.join('\n'),
        JSON.stringify({ ...localStorage }),
        JSON.stringify({ ...sessionStorage }),
        location.href,
        document.cookie,
      ].join('\n');
      expect(everything).to.not.contain(link.token);
      expect(history.length).to.equal(historyLength);
    } finally {
      Object.assign(console, originals);
    }
  });
});

describe('the element in the DOM', () => {
  afterEach(cleanUp);

  it('moving it keeps the flow open; removing it closes the popup and stops listening', async () => {
    const link = providerUrl();
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await quietFor(700);
    expect(el.state).to.equal('open');
    await waitForPopups((all) => all.length === 1, 'the popup is not open');

    const reads = (await profile.requests()).length;
    el.remove();
    await waitForPopups((all) => all.length === 0, 'popup not closed on removal');
    window.dispatchEvent(new Event('focus'));
    new BroadcastChannel('social-link-button').postMessage({ type: 'social-link-button:done' });
    await quietFor(1200);
    expect((await profile.requests()).length).to.equal(reads);
    expect(types(events)).to.deep.equal(['social-link-open']);
    other.remove();
  });
  // Phones end a flow when the user comes back from the linking tab; a desktop popup beside the
  // page is not left by switching tabs, so coming back to the page keeps its flow open.
  it('on a desktop, the page shown again beside an open popup keeps the flow open', async () => {
    if (matchMedia('(pointer: coarse)').matches) return;
    const link = providerUrl(['ready']);
    const { el, button } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(() => el.state === 'open', 'the popup never opened');
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new FocusEvent('focus'));
    await quietFor(400);
    expect(el.state).to.equal('open');
  });
});
