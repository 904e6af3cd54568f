import { expect, fixture, html } from '@open-wc/testing';
import {
  waitFor,
  glyphsDrawn,
  AYRSHARE_USER,
  emulateMediaFeatures,
  mockEndpoint,
  itInChromium,
  rowText,
} from './helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';

async function loadedElement(template: (url: string) => ReturnType<typeof html>) {
  const profile = mockEndpoint();
  await profile.answer({ body: AYRSHARE_USER });
  const el = await fixture<SocialLinkButton>(template(profile.url));
  await waitFor(() => el.linked.length > 0, 'status never loaded');
  await glyphsDrawn(el);
  return el;
}

const button = (el: SocialLinkButton) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
const labelText = (el: SocialLinkButton) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part="label"]')!.innerText.trim();

describe('the button', () => {
  it('shows the default label, the label attribute, or the slotted text', async () => {
    const plain = await fixture<SocialLinkButton>(html`<social-link-button></social-link-button>`);
    expect(labelText(plain)).to.equal('Link social accounts');
    // The property reads its default too (SPEC 2), and an attribute sets it.
    expect(plain.label).to.equal('Link social accounts');
    plain.setAttribute('label', 'Connect');
    expect(plain.label).to.equal('Connect');
    plain.removeAttribute('label');
    expect(plain.label).to.equal('Link social accounts');
    const labelled = await fixture<SocialLinkButton>(
      html`<social-link-button label="Connect"></social-link-button>`,
    );
    expect(labelText(labelled)).to.equal('Connect');
    const slotted = await fixture<SocialLinkButton>(
      html`<social-link-button label="Connect">Link <b>your</b> accounts</social-link-button>`,
    );
    const slot = button(slotted).querySelector('slot')!;
    const shown = slot.assignedNodes({ flatten: true }).map((n) => n.textContent).join('');
    expect(shown).to.equal('Link your accounts');
    expect(button(slotted).getBoundingClientRect().width).to.be.greaterThan(
      button(labelled).getBoundingClientRect().width,
    );
    await expect(slotted).to.be.accessible();
  });

  it('reflects disabled and disables the button', async () => {
    const el = await fixture<SocialLinkButton>(html`<social-link-button></social-link-button>`);
    expect(button(el).disabled).to.be.false;
    el.disabled = true;
    await el.updateComplete;
    expect(el.hasAttribute('disabled')).to.be.true;
    expect(button(el).disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('reflects state as idle', async () => {
    const el = await fixture<SocialLinkButton>(html`<social-link-button></social-link-button>`);
    expect(el.state).to.equal('idle');
    expect(el.getAttribute('state')).to.equal('idle');
  });
});

describe('appearance', () => {
  afterEach(() => emulateMediaFeatures());

  it('is accessible while loading', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: {}, delay: 1000 });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`,
    );
    const list = el.shadowRoot!.querySelector('[part="networks"]')!;
    expect(list.getAttribute('aria-busy')).to.equal('true');
    expect(rowText(el.shadowRoot!.querySelector('[data-network="x"], [data-network="twitter"]')!)).to.equal('X Checking…',
    );
    await expect(el).to.be.accessible();
  });

  it('compact shows icons only; names and status are the rows\' text', async () => {
    const el = await loadedElement(
      (url) => html`<social-link-button compact profile-endpoint=${url}></social-link-button>`,
    );
    const linkedin = el.shadowRoot!.querySelector<HTMLElement>('[data-network="linkedin"]')!;
    expect(rowText(linkedin)).to.equal('LinkedIn Linked Acme Corp');
    expect(linkedin.hasAttribute('aria-label')).to.be.false;
    expect(linkedin.querySelector<HTMLElement>('[part="icon"]')!.offsetWidth).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('takes --social-link-button-* custom properties and ::part styles', async () => {
    const el = await loadedElement(
      (url) => html`<social-link-button
        profile-endpoint=${url}
        style="--social-link-button-accent: rgb(1, 2, 3); --social-link-button-radius: 3px"
      ></social-link-button>`,
    );
    const style = getComputedStyle(button(el));
    expect(style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style.borderTopLeftRadius).to.equal('3px');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('social-link-button::part(network-linked) { outline: 4px solid rgb(9, 9, 9); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const linked = el.shadowRoot!.querySelector('[data-network="linkedin"]')!;
    const unlinked = el.shadowRoot!.querySelector('[data-network="tiktok"]')!;
    expect(getComputedStyle(linked).outlineColor).to.equal('rgb(9, 9, 9)');
    expect(getComputedStyle(unlinked).outlineStyle).to.equal('none');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  itInChromium('media emulation is a DevTools-protocol command')('follows prefers-color-scheme: dark', async () => {
    const el = await loadedElement((url) => html`<social-link-button profile-endpoint=${url}></social-link-button>`);
    const row = el.shadowRoot!.querySelector('[data-network="tiktok"]')!;
    const light = getComputedStyle(row).backgroundColor;
    await emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = getComputedStyle(row).backgroundColor;
    expect(light).to.equal('rgb(255, 255, 255)');
    expect(dark).to.not.equal(light);
    await expect(el).to.be.accessible();
  });

  itInChromium('media emulation is a DevTools-protocol command')('stays readable in forced colors: linked state is not told by colour alone', async () => {
    const el = await loadedElement((url) => html`<social-link-button profile-endpoint=${url}></social-link-button>`);
    await emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    const linked = el.shadowRoot!.querySelector('[data-network="linkedin"]')!;
    const unlinked = el.shadowRoot!.querySelector('[data-network="tiktok"]')!;
    // A check badge and the status text mark linked networks in any colour scheme.
    expect(linked.querySelector('.badge')).to.not.equal(null);
    expect(unlinked.querySelector('.badge')).to.equal(null);
    const icon = getComputedStyle(linked.querySelector('[part="icon"]')!);
    expect(icon.borderTopStyle).to.equal('solid');
    expect(icon.color).to.not.equal(icon.backgroundColor);
    await expect(el).to.be.accessible();
  });
});

describe('brand icons', () => {
  const SIZE = 112;

  /** The glyph's coverage (alpha per pixel) drawn at SIZE px. */
  function draw(viewBox: string, paths: string[]): Uint8ClampedArray {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIZE;
    const context = canvas.getContext('2d')!;
    const [x, y, width, height] = viewBox.split(/[\s,]+/).map(Number);
    context.scale(SIZE / width!, SIZE / height!);
    context.translate(-x!, -y!);
    for (const d of paths) context.fill(new Path2D(d));
    return context.getImageData(0, 0, SIZE, SIZE).data;
  }

  it('each shown glyph keeps the shape of its source artwork, even drawn four times larger', async () => {
    const el = await loadedElement((url) => html`<social-link-button profile-endpoint=${url}></social-link-button>`);
    // Where each glyph comes from: the list scripts/build-icons.mjs generates them from.
    const sources = (await (await fetch('/scripts/icon-sources.json')).json()) as Record<string, string>;
    expect(Object.keys(sources)).to.have.length(13);
    for (const [id, source] of Object.entries(sources)) {
      const shown = el.shadowRoot!.querySelector(`[data-network="${id}"] [part~="icon"] svg`)!;
      const original = new DOMParser().parseFromString(await (await fetch(`/node_modules/${source}`)).text(), 'image/svg+xml');
      const ours = draw(shown.getAttribute('viewBox')!, [shown.querySelector('path')!.getAttribute('d')!]);
      const theirs = draw(
        original.documentElement.getAttribute('viewBox')!,
        [...original.querySelectorAll('path')].map((path) => path.getAttribute('d')!),
      );
      let error = 0;
      let inked = 0;
      for (let i = 3; i < theirs.length; i += 4) {
        error += Math.abs(ours[i]! - theirs[i]!);
        inked += theirs[i]! > 127 ? 1 : 0;
      }
      // Rounding moves edges by at most a twentieth of a unit: anti-aliasing along the edges
      // only (about 1–4 of 255 per pixel on average), never a missing or bent part.
      expect(error / (SIZE * SIZE), `${id}: mean coverage error per pixel`).to.be.below(5);
      expect(inked, `${id} draws something`).to.be.greaterThan(SIZE * SIZE * 0.1);
    }
  });
});
