import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitFor, mockEndpoint, type MockAnswer, rowText, quietFor, catchUncaught } from './helpers.js';
import '../src/entries/index.js';
import type { SocialLinkButton, SocialLinkErrorDetail } from '../src/entries/index.js';

async function failWith(answer: MockAnswer, attributes: { timeout?: number } = {}) {
  const profile = mockEndpoint();
  await profile.answer(answer);
  const errors: SocialLinkErrorDetail[] = [];
  const el = await fixture<SocialLinkButton>(
    html`<social-link-button
      profile-endpoint=${profile.url}
      timeout=${attributes.timeout ?? 15000}
      @social-link-error=${(e: CustomEvent<SocialLinkErrorDetail>) => errors.push(e.detail)}
    ></social-link-button>`,
  );
  await waitFor(() => errors.length > 0, 'no social-link-error', { timeout: 5000 });
  await el.updateComplete;
  return { el, errors, profile };
}

function errorBox(el: SocialLinkButton) {
  return el.shadowRoot!.querySelector<HTMLElement>('[part="error"]');
}

describe('errors', () => {
  it('a 500 is request-failed with its status, shown with a retry that recovers', async () => {
    const { el, errors, profile } = await failWith({ status: 500, raw: 'Internal error' });
    expect(errors).to.deep.equal([
      { code: 'request-failed', message: 'We couldn’t check which accounts are linked.', status: 500 },
    ]);
    expect(errorBox(el)!.textContent).to.contain('We couldn’t check which accounts are linked.');
    expect(errorBox(el)!.textContent).to.not.match(/HTTP|endpoint|URL/);
    expect(rowText(el.shadowRoot!.querySelector('[data-network="tiktok"]')!)).to.equal('TikTok Status unavailable',
    );
    await expect(el).to.be.accessible();

    await profile.answer({ body: { activeSocialAccounts: ['tiktok'] } });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitFor(() => el.linked.includes('tiktok'), 'retry did not re-read');
    await el.updateComplete;
    expect(errorBox(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[data-network="tiktok"]')!.hasAttribute('data-linked')).to.be.true;
  });

  it("a 4xx shows the server's message", async () => {
    const { el, errors } = await failWith({
      status: 403,
      body: { status: 'error', code: 403, message: 'Sign in again to see your accounts.' },
    });
    expect(errors[0]).to.deep.equal({
      code: 'request-failed',
      message: 'Sign in again to see your accounts.',
      status: 403,
    });
    expect(errorBox(el)!.textContent).to.contain('Sign in again to see your accounts.');
  });

  it('a 200 with status "error" is request-failed with its message', async () => {
    const { errors } = await failWith({
      body: { action: 'request', status: 'error', code: 188, message: 'Profile-Key missing.' },
    });
    expect(errors[0].code).to.equal('request-failed');
    expect(errors[0].message).to.equal('Profile-Key missing.');
  });

  it('a network error is request-failed', async () => {
    const errors: SocialLinkErrorDetail[] = [];
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button
        profile-endpoint="http://127.0.0.1:9/profile"
        @social-link-error=${(e: CustomEvent<SocialLinkErrorDetail>) => errors.push(e.detail)}
      ></social-link-button>`,
    );
    await waitFor(() => errors.length > 0, 'no social-link-error', { timeout: 5000 });
    expect(errors[0].code).to.equal('request-failed');
    expect(errors[0].status).to.equal(undefined);
    await el.updateComplete;
    expect(errorBox(el)).to.not.equal(null);
  });

  it('non-JSON is invalid-response', async () => {
    const { el, errors } = await failWith({ raw: '<html>Login</html>', type: 'text/html' });
    expect(errors[0].code).to.equal('invalid-response');
    expect(errorBox(el)).to.not.equal(null);
  });

  for (const [what, body] of [
    ['a string list', { activeSocialAccounts: 'facebook' }],
    ['an array', [{ platform: 'facebook' }]],
    ['null', null],
  ] as const) {
    it(`a wrong shape (${what}) is invalid-response`, async () => {
      const { errors } = await failWith({ body });
      expect(errors[0].code).to.equal('invalid-response');
    });
  }

  it('a hang past timeout is timeout', async () => {
    const { el, errors } = await failWith({ delay: 3000, body: {} }, { timeout: 300 });
    expect(errors).to.have.length(1);
    expect(errors[0].code).to.equal('timeout');
    expect(errorBox(el)!.textContent).to.contain('Checking your linked accounts took too long.');
    await expect(el).to.be.accessible();
  });

  it('a timeout attribute that is not a number falls back to 15 s', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['tiktok'] }, delay: 100 });
    const el = await fixture<SocialLinkButton>(
      html`<social-link-button profile-endpoint=${profile.url} timeout="soon"></social-link-button>`,
    );
    await waitFor(() => el.linked.length === 1, 'status never loaded');
    expect(errorBox(el)).to.equal(null);
  });

  it('announces the error politely', async () => {
    const { el } = await failWith({ status: 502 });
    const live = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent).to.contain('We couldn’t check which accounts are linked.');
  });

  it('a bad endpoint URL is an error, not an exception', async () => {
    const uncaught = catchUncaught();
    try {
      const el = document.createElement('social-link-button');
      const error = oneEvent(el, 'social-link-error');
      el.profileEndpoint = 'http://[not a url';
      document.body.append(el);
      expect((await error).detail.code).to.equal('request-failed');
      await el.refresh();
      el.remove();
      await quietFor(50);
      expect(uncaught.thrown).to.deep.equal([]);
    } finally {
      uncaught.stop();
    }
  });
});
