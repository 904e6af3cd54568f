// Issue 19, points 20 and 21: compact mode's icons are one tab stop (arrows, Home, End; Enter
// opens Link or shows the name), their tooltip stays inside the element and off the button, and
// near-black tiles keep an edge on a dark surface.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';
import { cleanUp, hover, mockEndpoint, rowOf, waitFor } from './helpers.js';

const LINKED = {
  activeSocialAccounts: ['facebook', 'twitter'],
  displayNames: [
    { platform: 'facebook', displayName: 'Acme Page' },
    { platform: 'twitter', username: 'acme' },
  ],
};

async function compactElement(attributes: { jwt?: string; width?: number; style?: string } = {}) {
  const profile = mockEndpoint();
  await profile.answer({ body: LINKED });
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${attributes.width ?? 600}px">
    <social-link-button
      compact
      style=${attributes.style ?? ''}
      profile-endpoint=${profile.url}
      jwt-endpoint=${attributes.jwt ?? ''}
      allowed-hosts="127.0.0.1"
      prefetch="none"
    ></social-link-button>
    <button id="after">After</button>
  </div>`);
  const el = wrap.querySelector<SocialLinkButton>('social-link-button')!;
  await waitFor(() => el.linked.length === 2, 'status never loaded');
  await el.updateComplete;
  return { el, wrap };
}

const focused = (el: SocialLinkButton) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.network;
const rows = (el: SocialLinkButton) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li[data-network]')];
const tipOpacity = (row: HTMLElement) => getComputedStyle(row.querySelector('.details')!).opacity;

describe('compact mode by keyboard', () => {
  afterEach(cleanUp);

  it('is one tab stop: arrows move between icons, Home and End jump, Tab leaves and comes back', async () => {
    const { el, wrap } = await compactElement();
    const ids = rows(el).map((row) => row.dataset.network);
    expect(rows(el).filter((row) => row.tabIndex === 0)).to.have.length(1);
    el.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(ids[0]);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(ids[1]);
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(ids.at(-1));
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el), 'wraps to the first').to.equal(ids[0]);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el), 'wraps to the last').to.equal(ids.at(-1));
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(ids[2]);
    // One Tab leaves all 13 icons; tabbing in again lands on the one last used.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(wrap.querySelector('#after'));
    el.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(ids[2]);
    expect(rows(el).filter((row) => row.tabIndex === 0).map((row) => row.dataset.network)).to.deep.equal([ids[2]]);
    await expect(el).to.be.accessible();
  });

  it('right to left, ArrowLeft goes to the next icon', async () => {
    const { el } = await compactElement();
    el.setAttribute('dir', 'rtl');
    await el.updateComplete;
    const ids = rows(el).map((row) => row.dataset.network);
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(ids[1]);
  });

  it("Enter on a network that is not linked opens its Link; on a linked one it shows the name, Escape hides it", async () => {
    const jwt = mockEndpoint('jwt');
    await jwt.answer({ status: 500, body: {} });
    const { el } = await compactElement({ jwt: jwt.url });
    const facebook = rowOf(el, 'facebook');
    facebook.focus();
    await sendKeys({ press: 'Escape' });
    expect(tipOpacity(facebook), 'Escape hides the tooltip').to.equal('0');
    await sendKeys({ press: 'Enter' });
    expect(tipOpacity(facebook), 'Enter shows it').to.equal('1');
    expect(await jwt.requests(), 'a linked, healthy network opens nothing').to.deep.equal([]);
    // Instagram is not linked: Enter asks for its linking URL (and Space does the same).
    rowOf(el, 'instagram').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(async () => (await jwt.requests()).length === 1, 'Enter opened nothing');
    expect(JSON.parse((await jwt.requests())[0]!.body).network).to.equal('instagram');
  });
});

describe('the compact tooltip', () => {
  afterEach(cleanUp);

  for (const width of [280, 360]) {
    it(`at ${width} px stays inside the element and off the button, for every icon`, async () => {
      const { el } = await compactElement({ width });
      const host = el.getBoundingClientRect();
      const button = el.shadowRoot!.querySelector('[part="button"]')!.getBoundingClientRect();
      for (const row of rows(el)) {
        await hover(row.querySelector('.icon')!);
        await waitFor(() => tipOpacity(row) === '1', `${row.dataset.network}'s tooltip never showed`);
        const tip = row.querySelector('.details')!.getBoundingClientRect();
        const where = `${row.dataset.network}: tooltip ${Math.round(tip.left)}–${Math.round(tip.right)} × ${Math.round(tip.top)}–${Math.round(tip.bottom)}`;
        expect(tip.left, where).to.be.at.least(host.left - 0.5);
        expect(tip.right, where).to.be.at.most(host.right + 0.5);
        expect(tip.bottom, where).to.be.at.most(host.bottom + 0.5);
        expect(tip.top, `${where} covers the button`).to.be.at.least(button.bottom);
      }
    });
  }
});

/** `color` (any CSS colour) drawn over `under`, as sRGB 0–255. */
function paint(color: string, under: string): number[] {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d')!;
  context.fillStyle = under;
  context.fillRect(0, 0, 1, 1);
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}
function luminance([r, g, b]: number[]): number {
  const linear = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('dark-brand tiles on a dark surface', () => {
  afterEach(cleanUp);

  it('the X tile has an edge of at least 3:1 against the dark surface', async () => {
    const dark =
      '--social-link-button-background: #151b23; --social-link-button-color: #f0f6fc; --social-link-button-muted-color: #9198a1; color-scheme: dark';
    const { el } = await compactElement({ style: dark });
    const surface = paint(getComputedStyle(rowOf(el, 'twitter')).backgroundColor, '#151b23');
    const tile = rowOf(el, 'twitter').querySelector<HTMLElement>('[part="icon"]')!;
    const shadow = getComputedStyle(tile).boxShadow;
    const edge = /(rgba?\([^)]*\)|color\([^)]*\)|#[0-9a-f]+)/i.exec(shadow)?.[1];
    expect(edge, `no edge on the X tile (box-shadow: ${shadow})`).to.be.a('string');
    expect(contrast(paint(edge!, '#000000'), surface)).to.be.at.least(3);
    // The tile itself (black) does not: the edge is what shows it.
    expect(contrast(paint(getComputedStyle(tile).backgroundColor, '#151b23'), surface)).to.be.below(3);
  });
});
