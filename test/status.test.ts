import { expect, fixture, html } from '@open-wc/testing';
import { AYRSHARE_USER, mockEndpoint, rowText, items, item, loaded, waitFor } from './helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';

describe('link status', () => {
  it('GETs profile-endpoint as JSON, with requestInit merged in', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: AYRSHARE_USER });
    const el = document.createElement('social-link-button');
    el.requestInit = { headers: { 'X-CSRF-Token': 'csrf-123' }, credentials: 'include' };
    el.profileEndpoint = profile.url;
    document.body.append(el);
    await loaded(el);
    const [request] = await profile.requests();
    expect(request.method).to.equal('GET');
    expect(request.headers.accept).to.equal('application/json');
    expect(request.headers['x-csrf-token']).to.equal('csrf-123');
    // The marker a server without Fetch Metadata accepts in place of Origin (same origin only).
    expect(request.headers['x-requested-with']).to.equal('social-link-button');
    el.remove();
  });

  it('sends no X-Requested-With to another origin, so a cross-origin read needs no preflight', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: AYRSHARE_USER });
    const el = document.createElement('social-link-button');
    // localhost is another origin than the page's 127.0.0.1, on the same test server.
    el.profileEndpoint = new URL(profile.url, location.href.replace('127.0.0.1', 'localhost')).href;
    document.body.append(el);
    await waitFor(async () => (await profile.requests()).length > 0, 'the read never reached the server');
    const [request] = await profile.requests();
    expect(request.method).to.equal('GET');
    expect(request.headers['x-requested-with']).to.equal(undefined);
    el.remove();
  });

  it('shows all 13 networks in the SPEC order by default, with names and icons', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: [] } });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`,
    );
    await loaded(el);
    expect(items(el).map((li) => li.dataset.network)).to.deep.equal([
      'bluesky', 'facebook', 'gmb', 'instagram', 'linkedin', 'pinterest', 'reddit',
      'snapchat', 'telegram', 'threads', 'tiktok', 'twitter', 'youtube',
    ]);
    expect(item(el, 'gmb').querySelector('[part="name"]')!.textContent).to.equal('Google Business Profile');
    expect(item(el, 'twitter').querySelector('[part="name"]')!.textContent).to.equal('X');
    for (const li of items(el)) {
      const path = li.querySelector('[part="icon"] svg path');
      expect(path?.getAttribute('d')?.length, li.dataset.network).to.be.greaterThan(50);
    }
  });

  it("accepts Ayrshare's GET /api/user answer unchanged and shows who is linked", async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: AYRSHARE_USER });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`,
    );
    await loaded(el);

    const linkedin = item(el, 'linkedin');
    expect(linkedin.getAttribute('part')).to.equal('network network-linked');
    expect(linkedin.hasAttribute('data-linked')).to.be.true;
    expect(rowText(linkedin)).to.equal('LinkedIn Linked Acme Corp');
    expect(linkedin.querySelector('[part="account"]')!.textContent!.trim()).to.equal('Acme Corp');
    expect(linkedin.querySelector<HTMLAnchorElement>('[part="account"] a')!.href).to.equal(
      'https://www.linkedin.com/company/acme',
    );
    expect(linkedin.querySelector<HTMLImageElement>('[part="avatar"]')!.src).to.equal(
      'https://media.licdn.example.com/acme.png',
    );
    expect(linkedin.querySelector('[part="status"]')!.textContent).to.equal('Linked');

    const tiktok = item(el, 'tiktok');
    expect(tiktok.getAttribute('part')).to.equal('network');
    expect(tiktok.hasAttribute('data-linked')).to.be.false;
    expect(rowText(tiktok)).to.equal('TikTok Not linked');
    expect(tiktok.querySelector('[part="status"]')!.textContent).to.equal('Not linked');

    expect(rowText(item(el, 'facebook'))).to.equal('Facebook Linked Acme Page');
    expect(rowText(item(el, 'twitter'))).to.equal('X Linked Acme');

    // Unknown ids stay in `linked` but are not rendered...
    expect(el.linked).to.deep.equal(['facebook', 'linkedin', 'twitter', 'mastodon']);
    expect(items(el)).to.have.length(13);
    expect(item(el, 'mastodon')).to.equal(null);
    expect(el.accounts).to.deep.equal([
      {
        platform: 'facebook',
        displayName: 'Acme Page',
        profileUrl: 'https://www.facebook.com/1044111111111111',
        userImage: 'https://scontent.example.com/acme.jpg',
      },
      {
        platform: 'linkedin',
        displayName: 'Acme Corp',
        profileUrl: 'https://www.linkedin.com/company/acme',
        userImage: 'https://media.licdn.example.com/acme.png',
      },
      {
        platform: 'twitter',
        username: 'acme',
        displayName: 'Acme',
        profileUrl: 'https://x.com/acme',
        userImage: 'https://pbs.twimg.example.com/acme.jpg',
      },
      { platform: 'mastodon' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('treats a missing activeSocialAccounts as none linked', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { refId: 'x', title: 'Empty' } });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`,
    );
    await loaded(el);
    expect(el.linked).to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('[data-linked]')).to.have.length(0);
    expect(rowText(item(el, 'youtube'))).to.equal('YouTube Not linked');
  });

  it('uses pageName or username when there is no displayName', async () => {
    const profile = mockEndpoint();
    await profile.answer({
      body: {
        activeSocialAccounts: ['facebook', 'tiktok', 'reddit'],
        displayNames: [
          { platform: 'facebook', pageName: 'Acme Page' },
          { platform: 'tiktok', username: 'acme.tok' },
          { platform: 'reddit', displayName: 42 },
        ],
      },
    });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`,
    );
    await loaded(el);
    expect(rowText(item(el, 'facebook'))).to.equal('Facebook Linked Acme Page');
    expect(rowText(item(el, 'tiktok'))).to.equal('TikTok Linked acme.tok');
    expect(rowText(item(el, 'reddit'))).to.equal('Reddit Linked');
  });

  it('shows only the listed networks, in their order, understanding aliases', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['twitter', 'gmb'] } });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button
        profile-endpoint=${profile.url}
        networks="youtube, x google  linkedin"
      ></social-link-button>`,
    );
    await loaded(el);
    expect(items(el).map((li) => li.dataset.network)).to.deep.equal([
      'youtube', 'twitter', 'gmb', 'linkedin',
    ]);
    expect(item(el, 'twitter').hasAttribute('data-linked')).to.be.true;

    el.networks = ['instagram', 'tiktok'];
    await el.updateComplete;
    expect(items(el).map((li) => li.dataset.network)).to.deep.equal(['instagram', 'tiktok']);

    // Frameworks that set properties from attribute-style values pass a string.
    el.networks = 'reddit, x';
    await el.updateComplete;
    expect(items(el).map((li) => li.dataset.network)).to.deep.equal(['reddit', 'twitter']);
  });

  it('networks, allowedHosts and callbackOrigins read back arrays, whatever set them', async () => {
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button networks="youtube, x" allowed-hosts="a.example b.example"></social-link-button>`,
    );
    // From the attribute (as Angular's and Svelte's static attributes set it).
    expect(el.networks).to.deep.equal(['youtube', 'x']);
    expect(el.allowedHosts).to.deep.equal(['a.example', 'b.example']);
    // Defaults (SPEC 2): every network, Ayrshare's page, this page's origin.
    expect(el.callbackOrigins).to.deep.equal([location.origin]);
    // A string property (Vue, Angular's [networks]="'…'", Svelte), and an array (React 19).
    el.networks = 'tiktok linkedin';
    expect(el.networks).to.deep.equal(['tiktok', 'linkedin']);
    el.networks = ['instagram'];
    expect(el.networks).to.deep.equal(['instagram']);
    // A copy: changing what was read back changes nothing.
    el.networks.push('reddit');
    expect(el.networks).to.deep.equal(['instagram']);
    el.allowedHosts = 'c.example';
    expect(el.allowedHosts).to.deep.equal(['c.example']);
    el.callbackOrigins = 'https://app.example, https://other.example';
    expect(el.callbackOrigins).to.deep.equal(['https://app.example', 'https://other.example']);
    el.removeAttribute('networks');
    el.allowedHosts = undefined;
    expect(el.networks).to.have.length(13);
    expect(el.networks).to.include('linkedin');
    expect(el.allowedHosts).to.deep.equal(['profile.ayrshare.com']);
  });

  it('...unless listed in networks: then shown with a generic icon', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['mastodon'], displayNames: [{ platform: 'mastodon', username: 'acme' }] } });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} networks="linkedin mastodon"></social-link-button>`,
    );
    await loaded(el);
    expect(items(el).map((li) => li.dataset.network)).to.deep.equal(['linkedin', 'mastodon']);
    expect(rowText(item(el, 'mastodon'))).to.equal('mastodon Linked acme');
    expect(item(el, 'mastodon').querySelector('[part="icon"] svg path')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows no status list without profile-endpoint, and requests nothing', async () => {
    const el = await fixture<SocialLinkButton>(html`<social-link-button></social-link-button>`);
    expect(el.shadowRoot!.querySelector('[part="networks"]')).to.equal(null);
    expect(el.linked).to.deep.equal([]);
    await el.refresh();
    await expect(el).to.be.accessible();
  });
});
