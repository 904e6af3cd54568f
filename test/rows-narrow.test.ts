// Issue 19, points 18 and 19: rows at phone widths (badges on one line, actions under the text
// before the text is cut), and health compared by day (no event for a date that moved by hours).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';
import { answered, mockEndpoint, part, quietFor, record, rowOf, waitFor } from './helpers.js';
import { expectNoOverflow, expectTargets, scene, SCENES } from './target-scenes.js';

const DAY = 86_400_000;
/** Noon (UTC) `days` from today, plus `hours`: the same day for any hours in 0..11. */
const dayAhead = (days: number, hours = 0) => new Date((Math.floor(Date.now() / DAY) + days) * DAY + (12 + hours) * 3_600_000).toISOString();

const status = (refreshRequired: string) => ({
  activeSocialAccounts: ['linkedin', 'facebook'],
  displayNames: [
    { platform: 'linkedin', displayName: 'Acme Corporation', refreshRequired },
    { platform: 'facebook', displayName: 'Acme Page' },
  ],
});

const box = (element: Element) => element.getBoundingClientRect();

describe('rows at 280, 320 and 360 px', () => {
  for (const width of [280, 320, 360]) {
    it(`at ${width} px: badges on one line, names whole, actions under the text`, async () => {
      const profile = mockEndpoint();
      await profile.answer({ body: status(dayAhead(10)) });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: ${width}px">
        <social-link-button
          profile-endpoint=${profile.url}
          jwt-endpoint="/jwt"
          unlink-endpoint="/unlink"
          prefetch="none"
          networks="linkedin facebook"
        ></social-link-button>
      </div>`);
      const el = wrap.querySelector<SocialLinkButton>('social-link-button')!;
      await waitFor(() => rowOf(el, 'linkedin')?.dataset.health === 'expiring', 'LinkedIn never showed as expiring');
      await el.updateComplete;
      for (const id of ['linkedin', 'facebook']) {
        const row = rowOf(el, id);
        const details = row.querySelector<HTMLElement>('.details')!;
        const actions = row.querySelector<HTMLElement>('.actions')!;
        const name = row.querySelector<HTMLElement>('[part="name"]')!;
        const who = row.querySelector<HTMLElement>('[part="account"] a, [part="account"] .who')!;
        const line = (element: HTMLElement) => parseFloat(getComputedStyle(element).lineHeight);
        expect(box(row).right).to.be.at.most(box(wrap).right + 0.5);
        // The text stays beside the icon, never under it.
        const icon = row.querySelector<HTMLElement>('[part="icon"]')!;
        expect(box(details).left, `${id}: the text wrapped under the icon`).to.be.at.least(box(icon).right);
        expect(box(details).top, `${id}: the text wrapped under the icon`).to.be.below(box(icon).bottom);
        // The network's name and the account's are whole: one line, nothing cut with "…".
        expect(box(name).height, `${id}: name wraps`).to.be.at.most(line(name) + 1);
        expect(who.scrollWidth, `${id}: "${who.textContent}" is cut`).to.be.at.most(who.clientWidth + 1);
        // The actions never squeeze the text: either they sit beside it at its full width, or under it.
        const below = box(actions).top >= box(details).bottom - 0.5;
        const beside = box(details).width >= details.scrollWidth - 1 && box(actions).left >= box(details).right - 0.5;
        expect(below || beside, `${id}: the actions squeeze the text`).to.be.true;
      }
      const badge = rowOf(el, 'linkedin').querySelector<HTMLElement>('[part="health"]')!;
      expect(box(badge).height, 'the health badge wraps').to.be.at.most(parseFloat(getComputedStyle(badge).lineHeight) + 1);
      // Two actions (Reconnect, Unlink) beside "LinkedIn" and its badge do not fit: they wrap under.
      const linkedin = rowOf(el, 'linkedin');
      expect(box(linkedin.querySelector('.actions')!).top).to.be.at.least(box(linkedin.querySelector('.details')!).bottom - 0.5);
      await expect(el).to.be.accessible();
    });
  }
});

describe('whole from 280 px in German (the longest) and right to left', () => {
  for (const lang of ['de', 'ar', 'he']) {
    for (const name of SCENES) {
      it(`${lang}, ${name}: nothing overflows or sticks out, no control overlaps another`, async () => {
        const { el } = await scene(name, { width: 280, lang });
        expect(getComputedStyle(part(el, 'base')!).direction).to.equal(lang === 'de' ? 'ltr' : 'rtl');
        expectNoOverflow(el, `${lang} ${name}`);
        expectTargets(el, 24, `${lang} ${name}`);
      });
    }
  }
});

describe('health compared by day', () => {
  it('a relink date that moved by hours within the same day fires no second social-link-health', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: status(dayAhead(10)) });
    const el = await fixture<SocialLinkButton>(html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`);
    const events = record(el);
    await waitFor(() => el.health.linkedin?.state === 'expiring', 'LinkedIn never expiring');
    const first = events.filter((e) => e.type === 'social-link-health').length;
    // A source that recomputes the date per read (as the demo's simulator did): later each time.
    for (const hours of [1, 2]) {
      await profile.answer({ body: status(dayAhead(10, hours)) });
      await el.refresh();
      await answered(profile, hours + 1);
    }
    await quietFor(100);
    expect(events.filter((e) => e.type === 'social-link-health').length).to.equal(first);
    // A different day is a change.
    await profile.answer({ body: status(dayAhead(9)) });
    await el.refresh();
    await waitFor(() => events.filter((e) => e.type === 'social-link-health').length === first + 1, 'a new day was not reported');
  });
});
