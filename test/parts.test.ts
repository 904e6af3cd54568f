// Issue 24: the element's parts (brand glyphs, in-app browser handling, the events stream) are
// files of their own beside the script-tag build, loaded once per page and only when an element
// needs them; a page without them still works. Each page is the built IIFE in a frame of its own.
import { expect } from '@open-wc/testing';
import { mockEndpoint, quietFor, waitFor } from './helpers.js';
import { IN_APP } from './in-app-helpers.js';
import { loneIife, pin, removeFrames, scriptFrame, type ScriptFrame } from './script-frames.js';
import { linked, sseEndpoint } from './sse-helpers.js';
import { icons } from '../src/element/parts/icons.js';

// The chain link a row shows when the glyphs could not load (src/element/view/icon-set.ts).
const GENERIC_PATH = /^M6\.5 9\.5a3 3/;
// Records the element's console notes in the frame, before its script runs.
const RECORD_WARNINGS = `<script>window.__warnings=[];const w=console.warn;console.warn=(...a)=>{window.__warnings.push(a.join(' '));w(...a)}</script>`;

const glyph = (page: ScriptFrame, id: string, network: string) =>
  page.el(id).shadowRoot?.querySelector(`[data-network="${network}"] [part="icon"] path`)?.getAttribute('d') ?? null;
const tile = (page: ScriptFrame, id: string, network: string) => {
  const box = page.el(id).shadowRoot!.querySelector(`[data-network="${network}"] [part="icon"]`)!.getBoundingClientRect();
  return [box.width, box.height];
};
const partRequests = (page: ScriptFrame) => page.urls().filter((url) => url.includes('/parts/')).map((url) => new URL(url).pathname.replace(/^.*\/parts\//, ''));
const warnings = (page: ScriptFrame) => ((page.win as unknown as { __warnings: string[] }).__warnings ?? []).filter((text) => text.includes('social-link-button'));
const statusText = (page: ScriptFrame, id: string, network: string) =>
  page.el(id).shadowRoot?.querySelector(`[data-network="${network}"] [part="status"]`)?.textContent?.trim();

/** The script-tag build in a folder of its own, `/mock/<id>/`, with only the parts named beside it. */
const folder = async (parts: Record<string, { delay?: number }> = {}) => (await loneIife(parts)).src;

describe('the element’s parts (script tag)', () => {
  afterEach(removeFrames);

  it('a desktop page loads the glyphs once for all its elements, and no in-app or events part', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('linkedin'));
    const page = await scriptFrame(`<script src="/dist/social-link-button.iife.js"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}"></social-link-button>
      <social-link-button id="b" profile-endpoint="${profile.url}" compact></social-link-button>
      <social-link-button id="c" profile-endpoint="${profile.url}" networks="x youtube"></social-link-button>`, RECORD_WARNINGS);
    await waitFor(() => glyph(page, 'c', 'youtube') === icons.youtube[1], 'the glyphs never showed').catch((error: Error) => {
      // What the page asked for and said, to tell a failed load from one that never ended.
      throw new Error(`${error.message}; glyph ${JSON.stringify(glyph(page, 'c', 'youtube')?.slice(0, 20))}, parts asked for ${JSON.stringify(partRequests(page))}, notes ${JSON.stringify(warnings(page))}`);
    });
    for (const id of ['a', 'b']) expect(glyph(page, id, 'linkedin'), id).to.equal(icons.linkedin[1]);
    expect(glyph(page, 'c', 'twitter')).to.equal(icons.twitter[1]);
    // An ordinary browser: Link opens a popup, as the button says.
    expect(page.el('a').shadowRoot!.querySelector('[part="button"]')!.textContent).to.contain('(opens in a new window)');
    await quietFor(300);
    expect(partRequests(page)).to.deep.equal(['icons.js']);
  });

  it('events-endpoint loads the events part once, and the stream opens', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('facebook'));
    const events = sseEndpoint();
    const page = await scriptFrame(`<script src="/dist/social-link-button.iife.js"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}" events-endpoint="${events.url}"></social-link-button>
      <social-link-button id="b" profile-endpoint="${profile.url}" events-endpoint="${events.url}"></social-link-button>`);
    await events.openCount(1);
    expect(partRequests(page).sort()).to.deep.equal(['events.js', 'icons.js']);
    page.el('a').remove();
    page.el('b').remove();
    await events.openCount(0);
  });

  it('until the glyphs come, each icon tile is drawn empty at its full size; nothing moves when they do', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('instagram'));
    const src = await folder({ icons: { delay: 1200 } });
    const page = await scriptFrame(`<script src="${src}"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}"></social-link-button>`);
    await waitFor(() => statusText(page, 'a', 'instagram') === 'Linked', 'status never loaded');
    expect(glyph(page, 'a', 'instagram')).to.equal('');
    const before = tile(page, 'a', 'instagram');
    expect(before[0]).to.be.greaterThan(0);
    await waitFor(() => glyph(page, 'a', 'instagram') === icons.instagram[1], 'the glyphs never showed');
    expect(tile(page, 'a', 'instagram')).to.deep.equal(before);
  });

  it('a script copied without its parts/ folder still works: a generic glyph, one console note', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('tiktok'));
    const src = await folder();
    const page = await scriptFrame(`<script src="${src}"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}"></social-link-button>
      <social-link-button id="b" profile-endpoint="${profile.url}"></social-link-button>`, RECORD_WARNINGS);
    await waitFor(() => GENERIC_PATH.test(glyph(page, 'b', 'tiktok') ?? ''), 'no generic glyph');
    expect(GENERIC_PATH.test(glyph(page, 'a', 'facebook') ?? '')).to.equal(true);
    await waitFor(() => statusText(page, 'a', 'tiktok') === 'Linked', 'status never loaded');
    expect(warnings(page)).to.have.length(1);
    expect(warnings(page)[0]).to.contain('parts/icons.js did not load');
    expect(partRequests(page)).to.deep.equal(['icons.js']);
  });

  it('pinned: a part loaded by its own <script integrity> is used, a tampered one is not, and data-parts="off" asks for nothing', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('x'));
    const page = (pinned: string) =>
      scriptFrame(`${pinned}<script src="/dist/social-link-button.iife.js" data-parts="off"></script>
        <social-link-button id="a" profile-endpoint="${profile.url}"></social-link-button>`);
    const tag = (integrity: string, query = '') => `<script src="/dist/parts/icons.js${query}" integrity="${integrity}" crossorigin="anonymous"></script>`;
    const pinned = await page(tag(await pin('/dist/parts/icons.js')));
    await waitFor(() => glyph(pinned, 'a', 'twitter') === icons.twitter[1], 'the pinned glyphs never showed');
    // The bytes do not match the pin (another file's hash): the part never runs. (At an address
    // of its own: Chromium keeps the refused response in its memory cache, where the other
    // frames of this test page would meet it.)
    const tampered = await page(tag(await pin('/dist/parts/events.js'), '?tampered'));
    const off = await page('');
    for (const frame of [tampered, off]) await waitFor(() => GENERIC_PATH.test(glyph(frame, 'a', 'twitter') ?? ''), 'no generic glyph');
    await quietFor(300);
    expect(partRequests(pinned)).to.deep.equal(['icons.js']);
    expect(partRequests(off)).to.deep.equal([]);
  });

  it('in Instagram’s browser the in-app part loads; while it does, Link already runs as a redirect', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('linkedin'));
    const src = await folder({ icons: {}, 'in-app': { delay: 1500 } });
    const ua = `<script>Object.defineProperty(navigator, 'userAgent', { value: ${JSON.stringify(IN_APP['Instagram ios'])} });
      window.__inApp = []; addEventListener('social-link-in-app-browser', (e) => __inApp.push(e.detail));</script>`;
    const page = await scriptFrame(`<script src="${src}"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}" jwt-endpoint="/nowhere"></social-link-button>
      <social-link-button id="gone" profile-endpoint="${profile.url}"></social-link-button>`, ua);
    const el = page.el('a');
    const notice = () => el.shadowRoot!.querySelector('[part="in-app-notice"]');
    const button = () => el.shadowRoot!.querySelector('[part="button"]')!;
    await waitFor(() => statusText(page, 'a', 'linkedin') === 'Linked', 'status never loaded');
    // Still loading: no notice and no app yet, but no "opens a new window" either (a redirect).
    expect(notice()).to.equal(null);
    expect(el.inAppBrowser).to.equal(null);
    expect(button().textContent).not.to.contain('new window');
    page.el('gone').remove();
    await waitFor(() => notice(), 'the notice never showed');
    expect(notice()!.textContent).to.contain('Instagram');
    expect(el.inAppBrowser).to.equal('Instagram');
    // One event, from the element still in the page.
    await quietFor(100);
    expect((page.win as unknown as { __inApp: unknown[] }).__inApp).to.deep.equal([{ app: 'Instagram', platform: 'ios' }]);
    expect(partRequests(page).sort()).to.deep.equal(['icons.js', 'in-app.js']);
  });

  it('events-endpoint changed, or its element gone, while the events part loads: only what is wanted then opens', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('facebook'));
    const [first, second, third] = [sseEndpoint(), sseEndpoint(), sseEndpoint()];
    const src = await folder({ icons: {}, events: { delay: 1200 } });
    const page = await scriptFrame(`<script src="${src}"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}" events-endpoint="${first.url}"></social-link-button>
      <social-link-button id="b" profile-endpoint="${profile.url}" events-endpoint="${third.url}"></social-link-button>`);
    page.el('a').setAttribute('events-endpoint', second.url);
    page.el('b').remove();
    await second.openCount(1);
    await quietFor(500);
    expect((await first.state()).opened).to.equal(0);
    expect((await third.state()).opened).to.equal(0);
    page.el('a').remove();
    await second.openCount(0);
  });

  it('in an app’s browser without parts/in-app.js, Link still runs as a redirect, with one console note', async () => {
    const profile = mockEndpoint();
    await profile.answer(linked('linkedin'));
    const src = await folder({ icons: {} });
    const ua = `<script>Object.defineProperty(navigator, 'userAgent', { value: ${JSON.stringify(IN_APP['TikTok android'])} });</script>`;
    const page = await scriptFrame(`<script src="${src}"></script>
      <social-link-button id="a" profile-endpoint="${profile.url}" jwt-endpoint="/nowhere"></social-link-button>`, ua + RECORD_WARNINGS);
    await waitFor(() => warnings(page).length, 'no console note');
    expect(warnings(page)).to.have.length(1);
    expect(warnings(page)[0]).to.contain('parts/in-app.js did not load');
    await waitFor(() => statusText(page, 'a', 'linkedin') === 'Linked', 'status never loaded');
    expect(page.el('a').shadowRoot!.querySelector('[part="button"]')!.textContent).not.to.contain('new window');
    expect(page.el('a').inAppBrowser).to.equal(null);
  });
});
