import { expect } from '@open-wc/testing';
import { waitFor, mockEndpoint, rowText } from './helpers.js';
import type { SocialLinkButton } from '../src/entries/index.js';

describe('under a strict Content-Security-Policy with Trusted Types', () => {
  it('renders, loads the status and links accounts without a single violation', async () => {
    const profile = mockEndpoint();
    await profile.answer({
      body: {
        activeSocialAccounts: ['linkedin'],
        displayNames: [{ platform: 'linkedin', displayName: 'Acme Corp', userImage: 'https://images.example/a.png' }],
      },
    });
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/csp.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const inner = frame.contentWindow as Window & { __violations: string[] };
    const el = inner.document.getElementById('el') as SocialLinkButton;
    // The header is really there: inline script would be refused.
    const response = await fetch('/test/fixtures/csp.html');
    expect(response.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'");

    el.setAttribute('profile-endpoint', profile.url);
    await waitFor(() => el.linked.length === 1, 'status never loaded under CSP');
    // The brand glyphs, a part the element import()s, loaded under the policy too.
    const glyph = () => el.shadowRoot!.querySelector('[data-network="linkedin"] [part="icon"] path')?.getAttribute('d') ?? '';
    await waitFor(() => glyph().length > 50, 'the glyphs never loaded under CSP');
    await el.updateComplete;
    const row = el.shadowRoot!.querySelector('[data-network="linkedin"]')!;
    expect(rowText(row)).to.equal('LinkedIn Linked Acme Corp');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="button"]')!).borderTopLeftRadius).to.equal('8px');
    expect(inner.__violations).to.deep.equal([]);

    // The recorder works: an eval in the page is refused and recorded.
    expect(() => (inner as unknown as { eval: (code: string) => unknown }).eval('1')).to.throw();
    await waitFor(() => inner.__violations.length === 1, 'the violation recorder saw nothing');
    frame.remove();
  });
});
