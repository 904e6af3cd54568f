import { expect, fixture, html } from '@open-wc/testing';
import { waitFor, mockEndpoint } from './helpers.js';
import type { SocialLinkButton } from '../src/entries/index.js';

async function load(name: string) {
  return (await import(/* @vite-ignore */ `/__bundle/${name}.js`)) as {
    mount(container: HTMLElement, profileEndpoint: string): void;
  };
}

async function linked(el: SocialLinkButton | null) {
  await waitFor(() => el?.shadowRoot?.querySelector('[data-network="youtube"][data-linked]'), 'status not rendered');
}

// Its own file: runs alone in a fresh page, so the Vue app's own import must define the element.
describe('Vue', () => {
  it('Vue 3: renders, and events reach the Vue handler', async () => {
    expect(customElements.get('social-link-button')).to.equal(undefined);
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    (await load('vue-app')).mount(container, profile.url);
    await waitFor(() => container.querySelector('#vue-el'), 'no element');
    await linked(container.querySelector('#vue-el'));
    // Vue sets networks="youtube tiktok" as a property, a string: it reads back an array.
    expect(container.querySelector<SocialLinkButton>('#vue-el')!.networks).to.deep.equal(['youtube', 'tiktok']);
    await profile.answer({ body: { activeSocialAccounts: ['youtube', 'tiktok'] } });
    await container.querySelector<SocialLinkButton>('#vue-el')!.refresh();
    await waitFor(() => container.querySelector('#vue-log li'), 'Vue handler not called');
    expect(container.querySelector('#vue-log')!.textContent).to.equal('vue:tiktok');
  });
});
