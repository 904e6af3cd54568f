import { expect, fixture, html } from '@open-wc/testing';
import { waitFor, mockEndpoint } from './helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';

async function render(displayNames: unknown[]) {
  const profile = mockEndpoint();
  await profile.answer({
    body: {
      activeSocialAccounts: (displayNames as { platform: string }[]).map((d) => d.platform),
      displayNames,
    },
  });
  const el = await fixture<SocialLinkButton>(
    html`<social-link-button profile-endpoint=${profile.url}></social-link-button>`,
  );
  await waitFor(() => el.linked.length > 0, 'status never loaded');
  await el.updateComplete;
  return (id: string) => el.shadowRoot!.querySelector<HTMLLIElement>(`[data-network="${id}"]`)!;
}

describe('profile data from the answer', () => {
  it('is rendered as text, never as markup', async () => {
    const item = await render([
      { platform: 'facebook', displayName: '<img src=x onerror="window.__pwned=1">Acme' },
    ]);
    const account = item('facebook').querySelector('[part="account"]')!;
    expect(account.textContent!.trim()).to.equal('<img src=x onerror="window.__pwned=1">Acme');
    expect(account.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('links profileUrl only when it is http(s)', async () => {
    const item = await render([
      { platform: 'facebook', displayName: 'A', profileUrl: 'javascript:alert(1)' },
      { platform: 'tiktok', displayName: 'B', profileUrl: 'data:text/html,hi' },
      { platform: 'reddit', displayName: 'C', profileUrl: '/relative/path' },
      { platform: 'youtube', displayName: 'D', profileUrl: 'http://youtube.example/acme' },
      { platform: 'linkedin', displayName: 'E', profileUrl: 'https://linkedin.example/acme' },
    ]);
    for (const id of ['facebook', 'tiktok', 'reddit']) {
      expect(item(id).querySelector('a'), id).to.equal(null);
      expect(item(id).querySelector('[part="account"]')!.textContent!.trim()).to.not.equal('');
    }
    const youtube = item('youtube').querySelector('a')!;
    expect(youtube.href).to.equal('http://youtube.example/acme');
    expect(youtube.rel).to.equal('noopener noreferrer');
    expect(item('linkedin').querySelector('a')!.href).to.equal('https://linkedin.example/acme');
  });

  it('shows userImage only over https or loopback http', async () => {
    const item = await render([
      { platform: 'facebook', displayName: 'A', userImage: 'http://images.example/a.png' },
      { platform: 'tiktok', displayName: 'B', userImage: 'javascript:alert(1)' },
      { platform: 'reddit', displayName: 'C', userImage: 'data:image/png;base64,iVBORw0KGgo=' },
      { platform: 'youtube', displayName: 'D', userImage: 'http://127.0.0.1:9/d.png' },
      { platform: 'linkedin', displayName: 'E', userImage: 'https://images.example/e.png' },
      { platform: 'twitter', displayName: 'F', userImage: 'http://localhost:9/f.png' },
    ]);
    for (const id of ['facebook', 'tiktok', 'reddit']) {
      expect(item(id).querySelector('img'), id).to.equal(null);
    }
    expect(item('youtube').querySelector('img')!.getAttribute('src')).to.equal('http://127.0.0.1:9/d.png');
    expect(item('linkedin').querySelector('img')!.getAttribute('src')).to.equal('https://images.example/e.png');
    expect(item('twitter').querySelector('img')!.getAttribute('src')).to.equal('http://localhost:9/f.png');
    const avatar = item('linkedin').querySelector('img')!;
    expect(avatar.alt).to.equal('');
    expect(avatar.referrerPolicy).to.equal('no-referrer');
  });
});
