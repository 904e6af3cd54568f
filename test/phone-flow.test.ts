// Issue 22, point 1: the whole flow on phones (the "phone" group: Chromium as an Android phone
// with touch, WebKit with an iPhone's user agent), the popup blocker on, every press real input.
import { expect, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/entries/index.js';
import { cleanUp, itIn, PROVIDER_ORIGIN, popups, providerUrl, quietFor, rowOf, setupFlow, types, waitFor, waitForPopups } from './helpers.js';

/**
 * A tap in the middle of `target`: a touch in Chromium; in WebKitGTK a WebDriver pointer of type
 * "touch", which it delivers as a mouse (it has no touch input).
 */
async function tap(target: Element, phase: 'tap' | 'down' | 'up' = 'tap') {
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = target.getBoundingClientRect();
  await executeServerCommand('tap', { x: box.left + box.width / 2, y: box.top + box.height / 2, phase });
}

const reads = async (profile: { requests(): Promise<unknown[]> }) => (await profile.requests()).length;

describe('linking on a phone', () => {
  afterEach(cleanUp);

  it('a tap on Link opens the linking page; provider events re-read the status and end the flow', async () => {
    const link = providerUrl(['ready', 'success:facebook', 'wait:300', 'closed']);
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await profile.answer({ body: { activeSocialAccounts: ['facebook'] } });
    await tap(button);
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    await waitFor(() => el.linked.includes('facebook'), 'status not re-read on connect:success');
    await waitFor(() => el.state === 'idle', 'the flow never ended');
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-connect', 'social-link-change', 'social-link-done', 'social-link-close']);
    await waitForPopups((all) => all.length === 0, 'the linking page was left open');
  });

  it("a tap on a row's Reconnect links that network", async () => {
    const link = providerUrl(['ready']);
    const { el, jwt, events } = await setupFlow({
      jwt: { body: { url: link.url } },
      profile: { body: { activeSocialAccounts: ['youtube'], displayNames: [{ platform: 'youtube', displayName: 'Acme', refreshRequired: true }] } },
    });
    const reconnect = rowOf(el, 'youtube').querySelector<HTMLElement>('[part="reconnect"]')!;
    expect(reconnect.getBoundingClientRect().height).to.be.at.least(44);
    await tap(reconnect);
    await waitForPopups((all) => all.length === 1 && all[0].url.startsWith(`${PROVIDER_ORIGIN}/fake-provider/link`), 'no linking page');
    expect(JSON.parse((await jwt.requests())[0].body).network).to.equal('youtube');
    expect(events[0]).to.deep.equal({ type: 'social-link-open', detail: { mode: 'popup' } });
  });

  it('the callback page completes the flow', async () => {
    const callback = `${location.origin}/test/fixtures/callback.html`;
    const link = providerUrl(['ready', 'success:linkedin', `go:${encodeURIComponent(callback)}`]);
    const { el, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await tap(button);
    const closed = await oneEvent(el, 'social-link-close');
    expect(closed.detail).to.deep.equal({ completed: true });
    expect(types(events).filter((type) => type === 'social-link-done')).to.have.length(1);
    await waitForPopups((all) => all.length === 0, 'the callback page was left open');
  });

  it('closing the linking tab ends the flow and re-reads the status', async () => {
    const link = providerUrl(['ready']);
    const { el, profile, button } = await setupFlow({ jwt: { body: { url: link.url } } });
    await tap(button);
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    const before = await reads(profile);
    await profile.answer({ body: { activeSocialAccounts: ['tiktok'] } });
    await cleanUp();
    const closed = await oneEvent(el, 'social-link-close');
    expect(closed.detail).to.deep.equal({ completed: false });
    await waitFor(() => el.linked.includes('tiktok'), 'status not re-read');
    expect(await reads(profile)).to.equal(before + 1);
  });

  it('a touch prefetches the linking URL, and the tap opens that URL', async () => {
    const link = providerUrl();
    const { el, jwt, button } = await setupFlow({ prefetch: 'intent', jwt: { body: { url: link.url } } });
    await tap(button, 'down');
    await waitFor(async () => (await jwt.requests()).length === 1, 'the touch did not prefetch');
    await tap(button, 'up');
    await waitForPopups((all) => all.length === 1 && all[0].url.startsWith(`${PROVIDER_ORIGIN}/fake-provider/link`), 'the tap did not open the linking page');
    expect(el.state).to.equal('open');
    expect(await jwt.requests()).to.have.length(1);
  });

  // Chromium opens mode="tab" as a tab of the same window, hiding this page as a phone's tab
  // does; WebKitGTK opens a window beside it, and this page is never hidden.
  itIn(['chromium'], 'a tab that hides this page')('coming back from the linking tab ends the flow, leaves the tab open, and re-reads the status', async () => {
    const link = providerUrl(['ready']);
    const { el, profile, button, events } = await setupFlow({ mode: 'tab', jwt: { body: { url: link.url } } });
    await tap(button);
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    await waitFor(() => el.state === 'open', 'the tab never showed the linking page');
    expect(document.visibilityState).to.equal('hidden');
    const before = await reads(profile);
    await profile.answer({ body: { activeSocialAccounts: ['linkedin'] } });
    await executeServerCommand('show-opener');
    await waitFor(() => el.state === 'idle', 'the flow did not end on coming back');
    await waitFor(() => el.linked.includes('linkedin'), 'status not re-read');
    expect(await reads(profile)).to.equal(before + 1);
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-close', 'social-link-change']);
    expect((await popups()).map((p) => p.url)).to.have.length(1);
  });

  // A real restore needs no window related to the page: a flow's popup or tab is one, so
  // Chromium keeps the page out of the cache (it reports BrowsingInstanceNotSwapped). In-app
  // browsers that open the linking page in place, and Back, restore it: the event as they fire it.
  it('a restore from the back-forward cache (pageshow, persisted) during a flow ends it and re-reads', async () => {
    const link = providerUrl(['ready']);
    const { el, profile, button, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    await tap(button);
    await waitFor(() => el.state === 'open', 'the linking page never opened');
    const before = await reads(profile);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await waitFor(() => el.state === 'idle', 'the flow did not end on the restore');
    await waitFor(async () => (await reads(profile)) === before + 1, 'status not re-read');
    expect(types(events)).to.deep.equal(['social-link-open', 'social-link-close']);
    // Left to the user: the element closes no tab they came back from.
    expect(await popups()).to.have.length(1);
  });

  it('a page shown again without a restore (pageshow, not persisted) leaves the flow open', async () => {
    const link = providerUrl(['ready']);
    const { el, button } = await setupFlow({ jwt: { body: { url: link.url } } });
    await tap(button);
    await waitFor(() => el.state === 'open', 'the linking page never opened');
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    window.dispatchEvent(new FocusEvent('focus'));
    await quietFor(400);
    expect(el.state).to.equal('open');
  });
});

