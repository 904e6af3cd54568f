import { expect, fixture, html } from '@open-wc/testing';
import { waitFor, mockEndpoint } from './helpers.js';
import type { SocialLinkButton } from '../src/entries/index.js';

async function load(name: string) {
  return (await import(/* @vite-ignore */ `/__bundle/${name}.js`)) as {
    mount(container: HTMLElement, profileEndpoint: string): void;
    mountEvery(container: HTMLElement, props: string[]): void;
  };
}

async function linked(el: SocialLinkButton | null) {
  await waitFor(() => el?.shadowRoot?.querySelector('[data-network="youtube"][data-linked]'), 'status not rendered');
}

// Its own file: each framework test runs alone in a fresh page (a test that passed only
// because another defined the element first would hide a broken import).
describe('React', () => {
  it('React: the wrapper and React 19 native usage render, and events reach React handlers', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    (await load('react-app')).mount(container, profile.url);
    await waitFor(() => container.querySelector('#wrapped') && container.querySelector('#native'), 'not rendered');
    const wrapped = container.querySelector<SocialLinkButton>('#wrapped')!;
    await linked(wrapped);
    await linked(container.querySelector<SocialLinkButton>('#native'));
    expect(wrapped.networks).to.deep.equal(['youtube', 'tiktok']);
    // React 19 sets the native element's networks="youtube tiktok" as a string property: an array reads back.
    expect(container.querySelector<SocialLinkButton>('#native')!.networks).to.deep.equal(['youtube', 'tiktok']);

    await profile.answer({ body: { activeSocialAccounts: ['youtube', 'tiktok'] } });
    await container.querySelector<SocialLinkButton>('#wrapped')!.refresh();
    await waitFor(() => container.querySelectorAll('#react-log li').length === 2, 'React handlers not called');
    expect([...container.querySelectorAll('#react-log li')].map((li) => li.textContent).sort()).to.deep.equal([
      'native:tiktok',
      'wrapped:tiktok',
    ]);
    expect(
      container.querySelector('#wrapped')!.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim(),
    ).to.equal('Link (React wrapper)');
  });

  it('every event in custom-elements.json reaches its React prop (social-link-health → onLinkHealth)', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { declarations?: { customElement?: boolean; events?: { name: string }[] }[] }[];
    };
    const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement)!;
    const types = element.events!.map((e) => e.name);
    expect(types).to.include('social-link-health');
    expect(types).to.include('social-link-in-app-browser');
    // The documented naming: social-link-<name> arrives on onLink<Name>, social-link-in-app-browser on onLinkInAppBrowser.
    const props = types.map((type) => `onLink${type.slice(12).replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())}`);
    expect(props).to.include('onLinkInAppBrowser');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    (await load('react-app')).mountEvery(container, props);
    await waitFor(() => container.querySelector('#every'), 'not rendered');
    const every = container.querySelector<SocialLinkButton>('#every')!;
    for (const type of types) every.dispatchEvent(new CustomEvent(type, { detail: {}, bubbles: true, composed: true }));
    await waitFor(() => container.querySelectorAll('#every-log li').length === types.length, 'not every event reached React');
    expect([...container.querySelectorAll('#every-log li')].map((li) => li.textContent)).to.deep.equal(types);
  });
});
