// Issue 19, point 2: markup cannot choose where code comes from or where a link goes. An
// `<img name="currentScript">` (DOM clobbering, no script needed) shadows document.currentScript.
import { expect } from '@open-wc/testing';
import { mockEndpoint, quietFor, waitFor } from './helpers.js';
import { removeFrames, scriptFrame } from './script-frames.js';
import { icons } from '../src/element/parts/icons.js';

const FRENCH = 'Associer des comptes sociaux';

describe('the script-tag element under a clobbered document.currentScript', () => {
  afterEach(removeFrames);

  // `/evil/x/` is on the test server, so a request there would show in Resource Timing in every
  // engine; `//evil/x/` is the other-host form the issue reports.
  for (const evil of ['/evil/x/', '//evil/x/']) {
    it(`<img name="currentScript" src="${evil}">: locales still come from beside the real script`, async () => {
      const page = await scriptFrame(`<img name="currentScript" src="${evil}" alt="">
        <script src="/dist/social-link-button.iife.js"></script>
        <social-link-button id="el" lang="fr"></social-link-button>`);
      expect((page.doc as unknown as { currentScript: unknown }).currentScript).to.be.instanceOf(page.win.HTMLImageElement);
      await waitFor(() => page.label('el') === FRENCH, 'French never loaded from /dist/locales/');
      expect(page.requests('/dist/locales/fr.js')).to.equal(1);
      await quietFor(300);
      expect(page.urls().filter((url) => url.includes('evil/x/locales'))).to.deep.equal([]);
    });
  }

  it('a clobbering form control cannot turn loading off or on either', async () => {
    const page = await scriptFrame(`<form name="currentScript"><input name="src" value="/evil/x/"></form>
      <script src="/dist/social-link-button.iife.js"></script>
      <social-link-button id="el" lang="fr"></social-link-button>`);
    await waitFor(() => page.label('el') === FRENCH, 'French never loaded');
    expect(page.urls().filter((url) => url.includes('evil'))).to.deep.equal([]);
  });
});

describe('the locale registry under clobbering', () => {
  afterEach(removeFrames);

  it('<form id="SocialLinkButtonLocales"><input name="fr">: French still loads and shows', async () => {
    const page = await scriptFrame(`<form id="SocialLinkButtonLocales"><input name="fr"></form>
      <script src="/dist/social-link-button.iife.js"></script>
      <social-link-button id="el" lang="fr"></social-link-button>`);
    await waitFor(() => page.label('el') === FRENCH, 'the clobbering form passed for a registered French');
    expect(page.requests('/dist/locales/fr.js')).to.equal(1);
  });
});

describe('the parts registry under clobbering', () => {
  afterEach(removeFrames);

  // Before the script, and before a pinned part: neither is fooled by the form's controls.
  for (const pinned of [false, true]) {
    it(`<form id="SocialLinkButtonParts"><input name="icons">${pinned ? ', the part pinned before the script' : ''}: the glyphs still load and show`, async () => {
      const profile = mockEndpoint();
      await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
      const page = await scriptFrame(`<form id="SocialLinkButtonParts"><input name="icons"></form>
        ${pinned ? '<script src="/dist/parts/icons.js"></script>' : ''}
        <script src="/dist/social-link-button.iife.js"${pinned ? ' data-parts="off"' : ''}></script>
        <social-link-button id="el" profile-endpoint="${profile.url}" networks="youtube"></social-link-button>`);
      const path = () => page.el('el').shadowRoot?.querySelector('[data-network="youtube"] [part="icon"] path')?.getAttribute('d') ?? '';
      await waitFor(() => path().startsWith(icons.youtube[1].slice(0, 20)), 'the clobbering form hid the glyphs');
      expect(page.requests('/dist/parts/icons.js')).to.equal(1);
    });
  }
});

describe('the callback page under clobbering and unsafe return URLs', () => {
  const closeMessage = async (fixture: string) => {
    const frame = document.createElement('iframe');
    frame.src = `/test/fixtures/${fixture}`;
    document.body.append(frame);
    await waitFor(() => frame.contentDocument?.querySelector('main a'), 'no close message');
    const link = frame.contentDocument!.querySelector('main a')!;
    const result = { href: link.getAttribute('href'), text: link.textContent, lang: frame.contentDocument!.documentElement.lang };
    frame.remove();
    return result;
  };

  it('<img name="currentScript" data-return-url="javascript:…">: the link goes where the real script says', async () => {
    expect(await closeMessage('callback-clobbered.html')).to.deep.equal({ href: '/settings', text: 'Return to the app', lang: 'en' });
  });

  it('a javascript: return URL links to / instead', async () => {
    expect((await closeMessage('callback-javascript.html')).href).to.equal('/');
  });

  it('a return URL on another origin links to / instead', async () => {
    expect((await closeMessage('callback-foreign.html')).href).to.equal('/');
  });
});
