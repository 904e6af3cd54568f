import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/entries/index.js';
import {
  cleanUp,
  click,
  hover,
  providerUrl,
  setupFlow,
  types,
  PROVIDER_ORIGIN,
  waitFor,
  postFromProviderFrame,
  quietFor,
  answered,
} from './helpers.js';

describe('more of the link flow', () => {
  afterEach(cleanUp);

  it('keyboard: focus prefetches, Enter opens the prefetched URL', async () => {
    const link = providerUrl();
    const { jwt, button, events } = await setupFlow({ prefetch: 'intent', jwt: { body: { url: link.url } } });
    button.focus();
    await waitFor(async () => (await jwt.requests()).length === 1, 'no prefetch on focus');
    await answered(jwt);
    await sendKeys({ press: 'Enter' });
    await waitFor(async () => (await link.loads()).length === 1, 'Enter did not open the page');
    expect(types(events)).to.deep.equal(['social-link-open']);
    expect(await jwt.requests()).to.have.length(1);
  });

  it('an expired prefetched URL is not used: the click fetches a fresh one', async () => {
    const stale = providerUrl();
    const fresh = providerUrl();
    const staleAt = Date.now() + 400;
    const { jwt, button } = await setupFlow({
      prefetch: 'intent',
      // Valid when fetched, stale (within the 10 s margin) a moment later.
      jwt: { body: { url: stale.url, expiresAt: new Date(staleAt + 10_000).toISOString() } },
    });
    await hover(button);
    await waitFor(async () => (await jwt.requests()).length === 1, 'no prefetch');
    await jwt.answer({ body: { url: fresh.url } });
    await answered(jwt);
    // The prefetched URL is now within the 10 s safety margin of its expiry: stale.
    await waitFor(() => Date.now() > staleAt, 'the URL never went stale');
    await click(button);
    await waitFor(async () => (await fresh.loads()).length === 1, 'fresh page never loaded');
    expect(await stale.loads()).to.have.length(0);
    // Firefox also prefetches on the focus the click gives the button: at least one new fetch.
    expect((await jwt.requests()).length).to.be.at.least(2);
  });

  it('prefetch="none" fetches nothing on hover', async () => {
    const { jwt, button } = await setupFlow({ prefetch: 'none', jwt: { body: { url: providerUrl().url } } });
    await hover(button);
    button.focus();
    await quietFor(300);
    expect(await jwt.requests()).to.have.length(0);
  });

  it('a late callback on the BroadcastChannel after the flow ended completes it', async () => {
    const link = providerUrl();
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    el.close();
    const reads = (await profile.requests()).length;
    const done = oneEvent(el, 'social-link-done');
    const channel = new BroadcastChannel('social-link-button');
    channel.postMessage({ type: 'social-link-button:done' });
    channel.close();
    await done;
    await waitFor(async () => (await profile.requests()).length > reads, 'no re-read');
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-close', 'social-link-done']);
  });

  it('a callback from an origin outside callback-origins is ignored, one inside is accepted', async () => {
    const link = providerUrl();
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await click(button);
    await waitFor(async () => (await link.loads()).length === 1, 'linking page never loaded');
    el.close();
    const post = () => postFromProviderFrame({ type: 'social-link-button:done' });
    await post();
    expect(types(events)).to.not.include('social-link-done');
    el.callbackOrigins = [PROVIDER_ORIGIN];
    await post();
    expect(types(events)).to.include('social-link-done');
  });
});

describe('mode="redirect"', () => {
  afterEach(cleanUp);

  it('emits social-link-open, then navigates the page itself to the linking URL', async () => {
    const link = providerUrl();
    const jwtId = `r${Date.now()}`;
    await fetch(`/mock-control/${jwtId}/jwt`, {
      method: 'POST',
      body: JSON.stringify({ answer: { body: { url: link.url } } }),
    });
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/redirect.html';
    frame.style.cssText = 'width: 600px; height: 300px; border: 0';
    document.body.prepend(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const inner = frame.contentWindow!;
    await waitFor(() => inner.customElements.get('social-link-button'), 'element not defined in the frame');
    const el = inner.document.querySelector('social-link-button')!;
    el.setAttribute('jwt-endpoint', `/mock/${jwtId}/jwt`);
    el.setAttribute('allowed-hosts', `localhost:${location.port}`);
    await el.updateComplete;
    const opened: unknown[] = [];
    el.addEventListener('social-link-open', (e) => opened.push(e.detail));
    const button = el.shadowRoot!.querySelector('[part="button"]')!;
    const rect = button.getBoundingClientRect();
    const frameRect = frame.getBoundingClientRect();
    const { sendMouse } = await import('@web/test-runner-commands');
    await sendMouse({
      type: 'click',
      position: [Math.round(frameRect.left + rect.left + rect.width / 2), Math.round(frameRect.top + rect.top + rect.height / 2)],
    });
    await waitFor(async () => (await link.loads()).length === 1, 'the page was not sent to the linking URL');
    expect(opened).to.deep.equal([{ mode: 'redirect' }]);
    frame.remove();
  });
});

describe('the callback page', () => {
  it('where it cannot close its window, it says so and links back', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/callback.html';
    document.body.append(frame);
    await waitFor(
      () => frame.contentDocument?.body?.textContent?.includes('You can close this window'),
      'no close message',
      { timeout: 3000 },
    );
    const back = frame.contentDocument!.querySelector('a')!;
    expect(back.getAttribute('href')).to.equal('/settings');
    expect(frame.contentDocument!.title).to.equal('You can close this window.');
    frame.remove();
  });

  it('speaks data-lang, from the built locale file loaded before it', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/callback-fr.html';
    document.body.append(frame);
    await waitFor(
      () => frame.contentDocument?.body?.textContent?.includes('Vous pouvez fermer cette fenêtre.'),
      'no French close message',
    );
    expect(frame.contentDocument!.querySelector('a')!.textContent!.trim()).to.equal('Revenir à l’application');
    expect(frame.contentDocument!.documentElement.lang).to.equal('fr');
    frame.remove();
  });

  it('posts the done message to its opener at its own origin and on the BroadcastChannel', async () => {
    const channel = new BroadcastChannel('social-link-button');
    const broadcast = new Promise<unknown>((resolve) => channel.addEventListener('message', (e) => resolve(e.data), { once: true }));
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/callback.html';
    document.body.append(frame);
    expect(await broadcast).to.deep.equal({ type: 'social-link-button:done' });
    channel.close();
    frame.remove();
  });
});
