// Issue 22: the element inside a social app's own browser — the notice and its way out, the
// networks that cannot be linked there, the property, the event, and the off switch. The page
// is made to report each app's real user agent (test/in-app-helpers.ts: Chromium emulates it
// through the DevTools protocol; Firefox and WebKit override navigator.userAgent in the page).
import { expect } from '@open-wc/testing';
import '../src/entries/index.js';
import { part, providerUrl, quietFor, rowOf, waitFor } from './helpers.js';
import { beSelf, IN_APP, inApp, notice, ORDINARY, rowAction, text } from './in-app-helpers.js';

describe('in an in-app browser', () => {
  let stop = () => undefined as void;
  afterEach(async () => {
    stop();
    await beSelf();
  });

  it('Instagram on iOS: says so, names the app menu as the way out, offers no link; the property names the app', async () => {
    const setup = await inApp(IN_APP['Instagram ios']);
    stop = setup.stop;
    const { el } = setup;
    expect(navigator.userAgent).to.equal(IN_APP['Instagram ios']);
    expect(el.inAppBrowser).to.equal('Instagram');
    expect(text(notice(el))).to.equal('You’re in Instagram’s browser. Some networks can’t be linked here. The app’s menu (⋯) can open this page in your browser.');
    expect(part(el, 'in-app-open')).to.equal(null);
    expect(el.shadowRoot!.querySelector('a[href^="x-safari"], a[href^="intent:"]')).to.equal(null);
    // The notice comes first, before the button it is about.
    expect(el.shadowRoot!.querySelector('[part="base"]')!.firstElementChild).to.equal(notice(el));
  });

  it('Instagram on Android: "Open in your browser" is an intent to this very page, never the linking URL', async () => {
    const link = providerUrl();
    const setup = await inApp(IN_APP['Instagram android'], { jwt: link.url });
    stop = setup.stop;
    const { el } = setup;
    // The linking URL is in the page now (fetched ahead on hover/focus).
    part(el, 'button')!.dispatchEvent(new FocusEvent('focus'));
    await quietFor(600);
    const open = part(el, 'in-app-open') as HTMLAnchorElement;
    expect(text(open)).to.equal('Open in your browser');
    const page = location.href;
    const { host, pathname, search } = location;
    expect(open.getAttribute('href')).to.equal(
      `intent://${host}${pathname}${search}#Intent;scheme=http;S.browser_fallback_url=${encodeURIComponent(page)};end`,
    );
    expect(open.getAttribute('target')).to.equal(null);
    for (const node of el.shadowRoot!.querySelectorAll('a')) {
      expect(node.href).not.to.contain(link.token);
      expect(node.href).not.to.contain('fake-provider');
    }
  });

  it('marks YouTube and Google Business Profile (and Facebook on Android) "Open in your browser to link" instead of Link', async () => {
    let setup = await inApp(IN_APP['TikTok ios']);
    let { el } = setup;
    expect(rowAction(el, 'youtube')).to.equal('blocked');
    expect(rowAction(el, 'gmb')).to.equal('blocked');
    expect(text(rowOf(el, 'youtube').querySelector('[part~="in-app-blocked"]'))).to.equal('Open in your browser to link');
    expect(rowAction(el, 'facebook')).to.equal('link');
    expect(rowAction(el, 'instagram')).to.equal('link');
    expect(rowAction(el, 'tiktok')).to.equal('link');
    expect(rowAction(el, 'linkedin')).to.equal('none');
    setup.stop();
    el.remove();

    setup = await inApp(IN_APP['Facebook android']);
    stop = setup.stop;
    ({ el } = setup);
    expect(el.inAppBrowser).to.equal('Facebook');
    expect(['youtube', 'gmb', 'facebook', 'instagram', 'tiktok'].map((id) => rowAction(el, id))).to.deep.equal(['blocked', 'blocked', 'blocked', 'link', 'link']);
  });

  it('compact: a refused network\'s icon does not open the linking page', async () => {
    const setup = await inApp(IN_APP['LinkedIn ios']);
    stop = setup.stop;
    const { el } = setup;
    el.compact = true;
    await el.updateComplete;
    expect(rowOf(el, 'youtube').hasAttribute('data-link')).to.equal(false);
    expect(rowOf(el, 'tiktok').hasAttribute('data-link')).to.equal(true);
  });

  it('emits social-link-in-app-browser once per connect: bubbling, composed, { app, platform }', async () => {
    const setup = await inApp(IN_APP['Snapchat android']);
    stop = setup.stop;
    const { el, events } = setup;
    expect(events.map((e) => e.detail)).to.deep.equal([{ app: 'Snapchat', platform: 'android' }]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    el.requestUpdate();
    await el.updateComplete;
    await quietFor(50);
    expect(events).to.have.length(1);
    // Moved: connected again, told again.
    document.body.append(el);
    await quietFor(50);
    expect(events).to.have.length(2);
    // A listener added right after append() still hears it.
    const late = document.createElement('social-link-button');
    const heard: unknown[] = [];
    document.body.append(late);
    late.addEventListener('social-link-in-app-browser', (e) => heard.push((e as CustomEvent).detail));
    await quietFor(50);
    late.remove();
    expect(heard).to.deep.equal([{ app: 'Snapchat', platform: 'android' }]);
  });

  it('ignore-in-app: no notice, every Link offered, mode as set; the property and the event still say what it is', async () => {
    const setup = await inApp(IN_APP['Instagram android'], { ignore: true });
    stop = setup.stop;
    const { el, events } = setup;
    expect(notice(el)).to.equal(null);
    expect(['youtube', 'gmb', 'facebook'].map((id) => rowAction(el, id))).to.deep.equal(['link', 'link', 'link']);
    expect(el.ignoreInApp).to.equal(true);
    expect(el.inAppBrowser).to.equal('Instagram');
    expect(events.map((e) => e.detail)).to.deep.equal([{ app: 'Instagram', platform: 'android' }]);
    // The popup's screen-reader words are back: the button opens a window again.
    expect(text(part(el, 'button'))).to.contain('(opens in a new window)');
    // Turned back on, live: the handling returns.
    el.removeAttribute('ignore-in-app');
    await el.updateComplete;
    expect(notice(el)).not.to.equal(null);
    expect(rowAction(el, 'youtube')).to.equal('blocked');
    expect(text(part(el, 'button'))).not.to.contain('(opens in a new window)');
    // Any value turns it off, as for every boolean attribute ("false" too).
    for (const value of ['', 'false', 'off', '0']) {
      el.setAttribute('ignore-in-app', value);
      await el.updateComplete;
      expect(notice(el), value).to.equal(null);
    }
  });

  it('the slot replaces the words; the way out stays', async () => {
    const setup = await inApp(IN_APP['Threads android']);
    stop = setup.stop;
    const { el } = setup;
    const own = document.createElement('span');
    own.slot = 'in-app-notice';
    own.textContent = 'Threads cannot link here: open our site in Chrome.';
    el.append(own);
    await el.updateComplete;
    const slot = notice(el)!.querySelector('slot[name="in-app-notice"]') as HTMLSlotElement;
    expect(slot.assignedNodes()).to.deep.equal([own]);
    expect(part(el, 'in-app-open')!.getAttribute('href')).to.match(/^intent:\/\//);
  });

  it('in the element\'s language', async () => {
    const setup = await inApp(IN_APP['LINE ios'], { lang: 'de' });
    stop = setup.stop;
    const { el } = setup;
    await waitFor(() => text(notice(el)).startsWith('Sie sind im Browser von LINE.'), 'no German notice');
    expect(text(rowOf(el, 'youtube').querySelector('[part~="in-app-blocked"]'))).to.equal('Zum Verknüpfen im Browser öffnen');
  });

  it('Telegram, found by its injected global', async () => {
    (window as unknown as Record<string, unknown>).TelegramWebviewProxy = { postEvent() {} };
    try {
      const setup = await inApp(ORDINARY['Safari iOS']);
      stop = setup.stop;
      expect(setup.el.inAppBrowser).to.equal('Telegram');
      expect(text(notice(setup.el))).to.contain('Telegram’s browser');
    } finally {
      delete (window as unknown as Record<string, unknown>).TelegramWebviewProxy;
    }
  });
});
