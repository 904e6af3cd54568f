// Issue 11: languages (fallback, live changes), right-to-left, `strings` overrides, Intl plurals,
// dates and lists, and every locale complete.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
// Every locale module registers itself when imported (the completeness test reads them all).
import '../src/locales/ar.js';
import '../src/locales/de.js';
import '../src/locales/es.js';
import '../src/locales/fr.js';
import '../src/locales/he.js';
import '../src/locales/hi.js';
import '../src/locales/it.js';
import '../src/locales/ja.js';
import '../src/locales/ko.js';
import '../src/locales/nl.js';
import '../src/locales/pl.js';
import '../src/locales/pt.js';
import '../src/locales/pt-BR.js';
import '../src/locales/sv.js';
import '../src/locales/tr.js';
import '../src/locales/zh-CN.js';
import '../src/locales/zh-TW.js';
import { englishMessages, type SocialLinkButton } from '../src/entries/index.js';
import { SHIPPED } from '../src/i18n/messages.js';
import {
  mockEndpoint,
  rowOf,
  cleanUp,
  click,
  PROVIDER_HOST,
  providerUrl,
  waitFor,
  waitForPopups,
} from './helpers.js';

const part = (el: SocialLinkButton, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function speaking(lang: string, body: unknown = { activeSocialAccounts: ['linkedin'] }) {
  const profile = mockEndpoint();
  await profile.answer({ body });
  const el = await fixture<SocialLinkButton>(html`<social-link-button
    lang=${lang}
    profile-endpoint=${profile.url}
    networks="linkedin tiktok"
  ></social-link-button>`);
  await waitFor(() => el.linked.length > 0, 'status never loaded');
  await el.updateComplete;
  return { el, profile };
}

describe('languages', () => {
  afterEach(cleanUp);

  it('French: the button, the rows and the error event', async () => {
    const { el, profile } = await speaking('fr');
    expect(text(part(el, 'label'))).to.equal('Associer des comptes sociaux');
    expect(text(part(el, 'button'))).to.contain('(s’ouvre dans une nouvelle fenêtre)');
    expect(text(rowOf(el, 'linkedin').querySelector('[part~="status"]')!)).to.equal('Associé');
    expect(text(rowOf(el, 'tiktok').querySelector('[part~="status"]')!)).to.equal('Non associé');
    await profile.answer({ status: 502, body: {} });
    const failed = oneEvent(el, 'social-link-error');
    await el.refresh();
    const { detail } = await failed;
    expect(detail.code).to.equal('request-failed');
    expect(detail.message).to.equal('Impossible de vérifier quels comptes sont associés.');
    await el.updateComplete;
    expect(text(part(el, 'retry'))).to.equal('Réessayer');
    await expect(el).to.be.accessible();
  });

  it('Arabic: right to left — the layout mirrors, the icons do not', async () => {
    const { el } = await speaking('ar');
    const base = part(el, 'base');
    expect(getComputedStyle(base).direction).to.equal('rtl');
    const row = rowOf(el, 'linkedin');
    const icon = row.querySelector('[part~="icon"]')!.getBoundingClientRect();
    const name = row.querySelector('[part~="name"]')!.getBoundingClientRect();
    expect(icon.left, 'the icon starts the row, on the right').to.be.greaterThan(name.left);
    // The glyph itself is not mirrored.
    expect(getComputedStyle(row.querySelector('[part~="icon"] svg')!).transform).to.equal('none');
    expect(text(part(el, 'label'))).to.equal('ربط حسابات التواصل الاجتماعي');
    expect(text(row.querySelector('[part~="status"]')!)).to.equal('مرتبط');
    await expect(el).to.be.accessible();
  });

  it('a nearer `dir` decides the direction; otherwise the language does', async () => {
    const direction = async (markup: ReturnType<typeof html>) => {
      const wrap = await fixture<HTMLElement>(markup);
      const el = wrap.querySelector('social-link-button')!;
      await el.updateComplete;
      return getComputedStyle(part(el, 'base')).direction;
    };
    // dir="rtl" on a page with no language: the layout mirrors (English text).
    expect(await direction(html`<div dir="rtl"><social-link-button></social-link-button></div>`)).to.equal('rtl');
    // An Arabic page with a French element: French reads left to right.
    expect(await direction(html`<div dir="rtl" lang="ar"><social-link-button lang="fr"></social-link-button></div>`)).to.equal('ltr');
    // An English page with dir="rtl" closer to the element than its lang: the dir wins.
    expect(await direction(html`<div lang="en"><div dir="rtl"><social-link-button></social-link-button></div></div>`)).to.equal('rtl');
    // The element's own dir beats its language.
    expect(await direction(html`<div><social-link-button lang="ar" dir="ltr"></social-link-button></div>`)).to.equal('ltr');
    // A live dir change on an ancestor is followed.
    const wrap = await fixture<HTMLElement>(html`<div lang="en"><div><social-link-button></social-link-button></div></div>`);
    const el = wrap.querySelector('social-link-button')!;
    expect(getComputedStyle(part(el, 'base')).direction).to.equal('ltr');
    (wrap.firstElementChild as HTMLElement).dir = 'rtl';
    await waitFor(() => getComputedStyle(part(el, 'base')).direction === 'rtl', 'did not follow the nearer dir');
  });

  it('Japanese', async () => {
    const { el } = await speaking('ja');
    expect(text(part(el, 'label'))).to.equal('SNSアカウントを連携');
    expect(text(rowOf(el, 'tiktok').querySelector('[part~="status"]')!)).to.equal('未連携');
    await expect(el).to.be.accessible();
  });

  it('falls back along BCP 47 (pt-BR, pt-PT → pt, de-AT → de, xx → en), from the nearest lang', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="pt-BR">
      <social-link-button id="br"></social-link-button>
      <social-link-button id="pt" lang="pt-PT"></social-link-button>
      <div lang="de-AT"><social-link-button id="de"></social-link-button></div>
      <social-link-button id="xx" lang="xx"></social-link-button>
      <social-link-button id="typo" lang="fr_FR"></social-link-button>
    </div>`);
    const label = (id: string) => text(wrap.querySelector<SocialLinkButton>(`#${id}`)!.shadowRoot!.querySelector('[part="label"]')!);
    expect(label('br')).to.equal('Conectar redes sociais');
    expect(label('pt')).to.equal('Associar contas de redes sociais');
    expect(label('de')).to.equal('Social-Media-Konten verknüpfen');
    expect(label('xx')).to.equal('Link social accounts');
    // Not a language tag (underscore): English, and nothing throws.
    expect(label('typo')).to.equal('Link social accounts');
  });

  it('follows a live change of lang, on the element or an ancestor', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><social-link-button></social-link-button></div>`);
    const el = wrap.querySelector('social-link-button')!;
    expect(text(part(el, 'label'))).to.equal('Link social accounts');
    wrap.lang = 'fr';
    await waitFor(() => text(part(el, 'label')) === 'Associer des comptes sociaux', 'did not follow the ancestor');
    el.lang = 'ar';
    await waitFor(() => getComputedStyle(part(el, 'base')).direction === 'rtl', 'did not turn right to left');
    el.removeAttribute('lang');
    await waitFor(() => text(part(el, 'label')) === 'Associer des comptes sociaux', 'did not fall back to the ancestor');
  });

  it('`strings` overrides any message for one element', async () => {
    const profile = mockEndpoint();
    await profile.answer({ status: 500, body: {} });
    const el = await fixture<SocialLinkButton>(html`<social-link-button
      lang="fr"
      profile-endpoint=${profile.url}
      .strings=${{ label: 'Connecter', tryAgain: 'Recommencer', failedStatus: 'Statut indisponible pour le moment.' }}
    ></social-link-button>`);
    await waitFor(() => el.shadowRoot!.querySelector('[part~="retry"]'), 'no error');
    expect(text(part(el, 'label'))).to.equal('Connecter');
    expect(text(part(el, 'retry'))).to.equal('Recommencer');
    expect(text(el.shadowRoot!.querySelector('.error-text')!)).to.equal('Statut indisponible pour le moment.');
    // Untouched messages stay the locale's.
    expect(text(el.shadowRoot!.querySelector('[data-network="tiktok"] [part~="status"]')!)).to.equal('État indisponible');
    await expect(el).to.be.accessible();
  });

  it('plurals through Intl.PluralRules (a 429 in French and Polish), lists through Intl.ListFormat', async () => {
    const { el, profile } = await speaking('fr');
    for (const [seconds, sentence] of [
      ['1', 'Trop de tentatives pour le moment. Patientez 1 seconde.'],
      ['30', 'Trop de tentatives pour le moment. Patientez 30 secondes.'],
    ]) {
      await profile.answer({ status: 429, body: {}, headers: { 'Retry-After': seconds } });
      const failed = oneEvent(el, 'social-link-error');
      await el.refresh();
      expect((await failed).detail.message).to.equal(sentence);
    }
    await profile.answer({ body: { activeSocialAccounts: ['linkedin', 'twitter', 'tiktok'] } });
    const changed = oneEvent(el, 'social-link-change');
    await el.refresh();
    await changed;
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[role="status"]')!)).to.equal('Association réussie : X et TikTok.');
  });

  it('dates in the element’s language (Reconnect by …)', async () => {
    const by = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const { el } = await speaking('de', {
      activeSocialAccounts: ['linkedin'],
      displayNames: [{ platform: 'linkedin', refreshRequired: by }],
    });
    const date = new Intl.DateTimeFormat('de', { month: 'short', day: 'numeric' }).format(new Date(by));
    expect(text(rowOf(el, 'linkedin').querySelector('[part~="health"]')!)).to.equal(`Bis ${date} neu verbinden`);
  });

  it('the "Connecting…" page speaks the element’s language', async () => {
    const jwt = mockEndpoint('jwt');
    await jwt.answer({ body: { url: providerUrl().url }, delay: 3000 });
    const el = await fixture<SocialLinkButton>(html`<social-link-button
      lang="fr"
      jwt-endpoint=${jwt.url}
      allowed-hosts=${PROVIDER_HOST}
      prefetch="none"
    ></social-link-button>`);
    await click(part(el, 'button'));
    const [page] = await waitForPopups((all) => all[0]?.title === 'Connexion…', 'no French Connecting… page');
    expect(page.text).to.contain('Ouverture de la page d’association de vos comptes…');
  });
});

describe('every locale', () => {
  it('has every message English has, with the same placeholders, and an `other` for plurals', async () => {
    const placeholders = (message: unknown) =>
      [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].filter((p) => p !== '{count}').sort();
    const locales = (globalThis as { SocialLinkButtonLocales?: Record<string, Record<string, unknown>> }).SocialLinkButtonLocales!;
    for (const file of SHIPPED) {
      const messages = locales[file.toLowerCase()];
      expect(messages, `${file} did not register`).to.be.an('object');
      const all = { ...englishMessages, doneTitle: '', closeWindow: '', returnToApp: '' };
      for (const [id, english] of Object.entries(all)) {
        expect(messages, `${file} lacks "${id}"`).to.have.property(id);
        expect(placeholders(messages[id]), `${file} "${id}" placeholders`).to.deep.equal(placeholders(english));
        if (typeof english !== 'string') expect(messages[id], `${file} "${id}"`).to.have.property('other');
      }
    }
  });
});
