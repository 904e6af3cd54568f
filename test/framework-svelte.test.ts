import { expect, fixture, html } from '@open-wc/testing';
import { waitFor, mockEndpoint } from './helpers.js';
import type { SocialLinkButton } from '../src/entries/index.js';

// Its own file: runs alone in a fresh page, so the Svelte app's own import must define the element.
describe('Svelte', () => {
  it('Svelte 5: renders, reads networks back as an array, and events reach the Svelte handler', async () => {
    expect(customElements.get('social-link-button') === undefined, 'defined before the app loaded').to.be.true;
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const app = (await import(/* @vite-ignore */ `/__bundle/${'svelte-app'}.js`)) as {
      mount(container: HTMLElement, profileEndpoint: string): void;
    };
    app.mount(container, profile.url);
    await waitFor(() => container.querySelector('#svelte-el'), 'no element');
    const el = container.querySelector<SocialLinkButton>('#svelte-el')!;
    await waitFor(() => el.shadowRoot?.querySelector('[data-network="youtube"][data-linked]'), 'status not rendered');
    expect(el.networks).to.deep.equal(['youtube', 'tiktok']);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim()).to.equal('Link (Svelte)');
    await profile.answer({ body: { activeSocialAccounts: ['youtube', 'tiktok'] } });
    await el.refresh();
    await waitFor(() => container.querySelector('#svelte-log li'), 'Svelte handler not called');
    expect(container.querySelector('#svelte-log')!.textContent).to.equal('svelte:tiktok');
  });
});
