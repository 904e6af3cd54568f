// Issue 19, point 1: a language whose file fails to load falls back to English once — no
// further requests, no update loop, the page stays responsive.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';
import { importLocalesWith } from '../src/i18n/language.js';
import { LOCALE_IMPORTS } from '../src/i18n/locale-imports.js';
import { quietFor, waitFor } from './helpers.js';
import { loneIife, removeFrames, responsive, scriptFrame } from './script-frames.js';

describe('a locale file that fails to load', () => {
  afterEach(removeFrames);

  it('missing beside the script (404): English, one request, and the page keeps running', async () => {
    const { src, locales } = await loneIife();
    const page = await scriptFrame(`<script src="${src}"></script><social-link-button id="el" lang="de"></social-link-button>`);
    await waitFor(() => page.requests(`${locales}de.js`) === 1, 'the German file was never asked for');
    expect(await responsive(page, 'el')).to.equal(true);
    expect(page.label('el')).to.equal('Link social accounts');
    await quietFor(500);
    expect(page.requests(`${locales}de.js`)).to.equal(1);
    expect(await responsive(page, 'el')).to.equal(true);
  });

  it('a live lang change to a missing one, and back to it later: asked for once', async () => {
    const { src, locales } = await loneIife();
    const page = await scriptFrame(`<script src="${src}"></script><social-link-button id="el"></social-link-button>`);
    const el = page.el('el');
    await el.updateComplete;
    expect(page.label('el')).to.equal('Link social accounts');
    el.lang = 'fr';
    await waitFor(() => page.requests(`${locales}fr.js`) === 1, 'the French file was never asked for');
    expect(await responsive(page, 'el')).to.equal(true);
    el.lang = 'en';
    await el.updateComplete;
    el.lang = 'fr-CA';
    await el.updateComplete;
    // A second element in the same language asks for nothing either.
    page.doc.body.insertAdjacentHTML('beforeend', '<social-link-button id="other" lang="fr"></social-link-button>');
    expect(await responsive(page, 'other')).to.equal(true);
    await quietFor(500);
    expect(page.requests(`${locales}fr.js`)).to.equal(1);
    expect(page.label('el')).to.equal('Link social accounts');
    expect(page.label('other')).to.equal('Link social accounts');
    expect(await responsive(page, 'el')).to.equal(true);
  });

  it('says once in the console which language fell back, and how to ship it', async () => {
    const { src } = await loneIife();
    const page = await scriptFrame(`<script>window.__notes = []; console.warn = (...a) => __notes.push(a.join(' '))</script>
      <script src="${src}"></script><social-link-button id="el" lang="ja"></social-link-button>
      <social-link-button id="two" lang="ja"></social-link-button>`);
    const notes = (page.win as unknown as { __notes: string[] }).__notes;
    await waitFor(() => notes.some((note) => note.includes('ja')), 'no console note');
    await quietFor(300);
    expect(notes.filter((note) => note.includes('language file'))).to.deep.equal([
      '<social-link-button>: no ja language file loaded, so English shows (see docs/languages.md).',
    ]);
  });

  it('blocked by the page’s Content-Security-Policy: English, one attempt, and the page keeps running', async () => {
    const script = new URL('/dist/social-link-button.iife.js', location.href).href;
    // The policy admits the element's file and nothing else beside it.
    const page = await scriptFrame(
      `<script>window.__blocked = []; addEventListener('securitypolicyviolation', (e) => __blocked.push(e.blockedURI))</script>
      <script src="${script}"></script><social-link-button id="el" lang="ko"></social-link-button>`,
      `<meta http-equiv="Content-Security-Policy" content="script-src 'unsafe-inline' ${script}">`,
    );
    const blocked = (page.win as unknown as { __blocked: string[] }).__blocked;
    await waitFor(() => blocked.some((url) => url.includes('/locales/ko.js')), 'the Korean file was never attempted');
    expect(await responsive(page, 'el')).to.equal(true);
    page.el('el').lang = 'ko-KR';
    expect(await responsive(page, 'el')).to.equal(true);
    await quietFor(500);
    expect(blocked.filter((url) => url.includes('/locales/'))).to.have.length(1);
    expect(page.label('el')).to.equal('Link social accounts');
  });

  it('loads from beside the script when the folder is there (the quick start with locales/)', async () => {
    const page = await scriptFrame(`<script src="/dist/social-link-button.iife.js"></script><social-link-button id="el" lang="de"></social-link-button>`);
    await waitFor(() => page.label('el') === 'Social-Media-Konten verknüpfen', 'German never loaded');
    expect(page.requests('/dist/locales/de.js')).to.equal(1);
  });
});

describe('a locale module that registers nothing (npm build)', () => {
  after(() => importLocalesWith(LOCALE_IMPORTS));

  it('loads once, then the element speaks English and settles', async () => {
    let loads = 0;
    let updates = 0;
    // A chunk that runs but registers no language (a stale or replaced file).
    importLocalesWith({ ...LOCALE_IMPORTS, it: async () => void loads++ });
    const el = await fixture<SocialLinkButton>(html`<social-link-button lang="it"></social-link-button>`);
    const updated = el.updated.bind(el);
    el.updated = () => (updates++, updated());
    await waitFor(() => loads === 1, 'the Italian module was never loaded');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    const settled = updates;
    await quietFor(300);
    expect(updates, 'updates after the load settled').to.equal(settled);
    expect(loads).to.equal(1);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim()).to.equal('Link social accounts');
    el.lang = 'it-CH';
    await el.updateComplete;
    expect(loads).to.equal(1);
  });
});
