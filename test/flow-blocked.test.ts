// Its own file, so the page has had no user gesture before the programmatic open().
import { expect, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
import { itIn, cleanUp, click, part, popups, providerUrl, setupFlow, types, waitFor } from './helpers.js';

describe('open() outside a user gesture', () => {
  afterEach(cleanUp);

  it('fires no doomed popup: popup-blocked, then Continue opens the page', async () => {
    // (A click from the test before may still count as a gesture for a moment.)
    await waitFor(() => !navigator.userActivation.isActive, 'a user activation is still active');
    const link = providerUrl();
    const { el, jwt, events } = await setupFlow({ jwt: { body: { url: link.url } } });
    const blocked = oneEvent(el, 'social-link-error');
    el.open();
    const { detail } = await blocked;
    expect(detail.code).to.equal('popup-blocked');
    expect(await popups()).to.have.length(0);
    expect(el.state).to.equal('idle');
    await el.updateComplete;

    const cont = part(el, 'continue')!;
    expect(cont.tagName).to.equal('BUTTON');
    expect(part(el, 'error')!.textContent).to.contain('blocked');
    // The Continue control holds no URL.
    expect([...cont.attributes].map((a) => a.value).join(' ')).to.not.contain(link.token);
    expect(el.shadowRoot!.innerHTML).to.not.contain(link.token);
    // It already fetched the URL, so the Continue click opens it directly.
    await waitFor(async () => (await jwt.requests()).length === 1, 'no fetch for Continue');
    await expect(el).to.be.accessible();

    await click(cont);
    await waitFor(async () => (await link.loads()).length === 1, 'Continue did not open the page');
    expect(el.state).to.equal('open');
    expect(await jwt.requests()).to.have.length(1);
    // Continue went away with the error: focus moved to the link button, not to <body>.
    await el.updateComplete;
    expect(document.activeElement === el, 'focus left the element').to.be.true;
    expect(el.shadowRoot!.activeElement === part(el, 'button'), 'focus is not on the button').to.be.true;
    expect(types(events)).to.deep.equal(['social-link-error', 'social-link-open']);
  });
});

describe("the engine's own popup blocker", () => {
  afterEach(cleanUp);

  // Why the element opens in the click's own task: in WebKit a click's activation does not
  // survive a 1.5 s await (Chromium's and Firefox's last 5 s, so the check is WebKit's).
  itIn(['webkit'], 'only WebKit drops the activation this early')('blocks window.open after a 1.5 s await in a click handler', async () => {
    const button = document.createElement('button');
    button.textContent = 'naive';
    document.body.append(button);
    const result = new Promise<Window | null>((resolve) =>
      button.addEventListener('click', async () => {
        await new Promise((r) => setTimeout(r, 1500));
        resolve(window.open('about:blank', 'naive-popup', 'popup'));
      }),
    );
    await click(button);
    expect((await result) === null, "the popup was not blocked").to.be.true;
    button.remove();
  });
});
