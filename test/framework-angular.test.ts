import { expect, fixture, html } from '@open-wc/testing';
import { waitFor, mockEndpoint } from './helpers.js';
import type { SocialLinkButton } from '../src/entries/index.js';

// Its own file: runs alone in a fresh page, so the Angular app's own import must define the element.
describe('Angular', () => {
  it('Angular: renders, reads a [networks] string back as an array, and (social-link-change) reaches the component', async () => {
    expect(customElements.get('social-link-button') === undefined, 'defined before the app loaded').to.be.true;
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const app = (await import(/* @vite-ignore */ `/__bundle/${'angular-app'}.js`)) as {
      mount(container: HTMLElement, profileEndpoint: string): Promise<unknown>;
    };
    await app.mount(container, profile.url);
    await waitFor(() => container.querySelector('#ng-el'), 'no element');
    const el = container.querySelector<SocialLinkButton>('#ng-el')!;
    await waitFor(() => el.shadowRoot?.querySelector('[data-network="youtube"][data-linked]'), 'status not rendered');
    expect(el.networks).to.deep.equal(['youtube', 'tiktok']);
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim()).to.equal('Link (Angular)');
    await profile.answer({ body: { activeSocialAccounts: ['youtube', 'tiktok'] } });
    await el.refresh();
    await waitFor(() => container.querySelector('#ng-log li'), 'Angular handler not called');
    expect(container.querySelector('#ng-log')!.textContent!.trim()).to.equal('ng:tiktok');
  });
});
