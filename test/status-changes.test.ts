// Later status reads: change events and announcements, one request shared by every element on
// an endpoint, stale answers dropped, malformed entries dropped alone.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitFor, mockEndpoint, quietFor, item, loaded } from './helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';

describe('changes', () => {
  it('emits social-link-change on a later read, not on the first, and announces it', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['facebook', 'twitter'] } });
    let changes = 0;
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button
        profile-endpoint=${profile.url}
        @social-link-change=${() => changes++}
      ></social-link-button>`,
    );
    await loaded(el);
    expect(changes).to.equal(0);

    await profile.answer({
      body: { activeSocialAccounts: ['twitter', 'youtube'], displayNames: [{ platform: 'youtube', displayName: 'Acme TV', id: 'UC1' }] },
    });
    const event = oneEvent(el, 'social-link-change');
    await el.refresh();
    const { detail, bubbles, composed } = await event;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    // The added networks' accounts come along, so the host can confirm who linked.
    expect(detail).to.deep.equal({
      linked: ['twitter', 'youtube'],
      added: ['youtube'],
      removed: ['facebook'],
      accounts: [{ platform: 'youtube', displayName: 'Acme TV' }],
    });
    expect(el.linked).to.deep.equal(['twitter', 'youtube']);
    await el.updateComplete;
    expect(item(el, 'youtube').hasAttribute('data-linked')).to.be.true;
    expect(item(el, 'facebook').hasAttribute('data-linked')).to.be.false;
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).to.equal('YouTube linked. Facebook unlinked.');

    // The same set again is no change.
    await el.refresh();
    expect(changes).to.equal(1);
  });

  it('shares one in-flight request between instances and re-renders them all', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['facebook'] }, delay: 150 });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <social-link-button profile-endpoint=${profile.url}></social-link-button>
      <social-link-button profile-endpoint=${profile.url} compact></social-link-button>
      <social-link-button profile-endpoint=${profile.absoluteUrl} networks="facebook tiktok"></social-link-button>
    </div>`);
    const elements = [...wrapper.querySelectorAll('social-link-button')];
    for (const el of elements) await loaded(el);
    expect(await profile.requests()).to.have.length(1);

    await profile.answer({ body: { activeSocialAccounts: ['facebook', 'tiktok'] } });
    const heard = elements.map((el) => oneEvent(el, 'social-link-change'));
    await elements[1].refresh();
    const details = await Promise.all(heard);
    expect(details.map((e) => e.detail.added)).to.deep.equal([['tiktok'], ['tiktok'], ['tiktok']]);
    expect(await profile.requests()).to.have.length(2);
    for (const el of elements) {
      await el.updateComplete;
      expect(item(el, 'tiktok').hasAttribute('data-linked')).to.be.true;
    }
  });

  it('drops an answer that arrives after profile-endpoint changed', async () => {
    const slow = mockEndpoint();
    const fast = mockEndpoint();
    await slow.answer({ body: { activeSocialAccounts: ['facebook'] }, delay: 400 });
    await fast.answer({ body: { activeSocialAccounts: ['youtube'] } });
    const events: string[] = [];
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button
        profile-endpoint=${slow.url}
        @social-link-change=${() => events.push('change')}
        @social-link-error=${() => events.push('error')}
      ></social-link-button>`,
    );
    el.profileEndpoint = fast.url;
    await loaded(el);
    expect(el.linked).to.deep.equal(['youtube']);
    await quietFor(600);
    expect(el.linked).to.deep.equal(['youtube']);
    expect(item(el, 'facebook').hasAttribute('data-linked')).to.be.false;
    expect(events).to.deep.equal([]);
  });

  it('a malformed displayNames entry drops only itself (issue 13)', async () => {
    const profile = mockEndpoint();
    await profile.answer({
      body: {
        activeSocialAccounts: ['linkedin', 'twitter'],
        displayNames: [{ username: 'no platform' }, 'not an object', null, { platform: 'twitter', username: 'acme' }],
      },
    });
    const errors: unknown[] = [];
    const el = await fixture<SocialLinkButton>(html`<social-link-button
      profile-endpoint=${profile.url}
      @social-link-error=${(e: CustomEvent) => errors.push(e.detail)}
    ></social-link-button>`);
    await waitFor(() => el.linked.length === 2, 'status never loaded');
    expect(errors).to.deep.equal([]);
    expect(el.accounts).to.deep.equal([{ platform: 'linkedin' }, { platform: 'twitter', username: 'acme' }]);
  });
});
