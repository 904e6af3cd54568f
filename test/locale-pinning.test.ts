// Issue 19, point 3: hosts who pin the script with Subresource Integrity pin its languages too —
// a pinned locale file registers before the element, and data-locales="off" on the element's
// own <script> stops every on-demand load.
import { expect } from '@open-wc/testing';
import { quietFor, waitFor } from './helpers.js';
import { pin as pinFile, removeFrames, responsive, scriptFrame } from './script-frames.js';

// The test server rewrites .js files as it serves them (esbuild), so the pins here are computed
// from the bytes it serves, as a host computes them from its own copy; test/node/
// locale-bundling.test.mjs checks dist/locales/integrity.json against the built files.
const pin = (tag: string) => pinFile(`/dist/locales/${tag}.js`);
const GERMAN = 'Social-Media-Konten verknüpfen';

describe('pinning the languages (script tag)', () => {
  afterEach(removeFrames);

  it('data-locales="off": lang="fr" asks for nothing and speaks English', async () => {
    const page = await scriptFrame(`<script src="/dist/social-link-button.iife.js" data-locales="off"></script>
      <social-link-button id="el" lang="fr"></social-link-button>`);
    expect(await responsive(page, 'el')).to.equal(true);
    expect(page.label('el')).to.equal('Link social accounts');
    page.el('el').lang = 'ja';
    expect(await responsive(page, 'el')).to.equal(true);
    await quietFor(500);
    expect(page.urls().filter((url) => url.includes('/locales/'))).to.deep.equal([]);
  });

  it('a pinned locale file with its integrity registers: its language shows, nothing else loads', async () => {
    const de = await pin('de');
    const page = await scriptFrame(`<script src="/dist/locales/de.js" integrity="${de}" crossorigin="anonymous"></script>
      <script src="/dist/social-link-button.iife.js" data-locales="off"></script>
      <social-link-button id="el" lang="de-AT"></social-link-button>`);
    await waitFor(() => page.label('el') === GERMAN, 'the pinned German file did not register');
    await quietFor(300);
    expect(page.urls().filter((url) => url.includes('/locales/'))).to.deep.equal([new URL('/dist/locales/de.js', location.href).href]);
  });

  it('a pinned file registered first is not asked for again, even with on-demand loading on', async () => {
    const sv = await pin('sv');
    const page = await scriptFrame(`<script src="/dist/locales/sv.js" integrity="${sv}" crossorigin="anonymous"></script>
      <script src="/dist/social-link-button.iife.js"></script>
      <social-link-button id="el" lang="sv"></social-link-button>`);
    await waitFor(() => page.label('el') === 'Koppla sociala konton', 'the pinned Swedish file did not register');
    await quietFor(300);
    expect(page.requests('/locales/sv.js')).to.equal(1);
  });

  it('a tampered file (integrity mismatch) does not run, and with loading off nothing replaces it', async () => {
    const fr = await pin('fr');
    const page = await scriptFrame(`<script src="/dist/locales/de.js" integrity="${fr}" crossorigin="anonymous"></script>
      <script src="/dist/social-link-button.iife.js" data-locales="off"></script>
      <social-link-button id="el" lang="de"></social-link-button>`);
    expect(await responsive(page, 'el')).to.equal(true);
    await quietFor(300);
    expect(page.label('el')).to.equal('Link social accounts');
    expect(page.urls().filter((url) => url.includes('/locales/') && !url.endsWith('/dist/locales/de.js'))).to.deep.equal([]);
    expect(page.requests('/dist/locales/de.js'), 'only the pinned tag asked for it').to.be.at.most(1);
  });

  it('data-locales on a clobbering tag is not the script’s: loading stays on', async () => {
    const page = await scriptFrame(`<img name="currentScript" data-locales="off" alt="">
      <script src="/dist/social-link-button.iife.js"></script>
      <social-link-button id="el" lang="fr"></social-link-button>`);
    await waitFor(() => page.label('el') === 'Associer des comptes sociaux', 'French never loaded');
  });
});
