// The link flow's prefetch by keyboard, an expired or switched-off prefetch, and callbacks that
// arrive late or from an origin outside callback-origins. Real input, popup blocker on.
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

describe('prefetch and late or foreign callbacks', () => {
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
