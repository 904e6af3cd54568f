import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';
import { sendKeys } from '@web/test-runner-commands';
import { click, waitFor, mockEndpoint } from './helpers.js';

async function setup() {
  const profile = mockEndpoint('profile');
  const unlink = mockEndpoint('unlink');
  await profile.answer({
    body: {
      activeSocialAccounts: ['linkedin', 'twitter'],
      displayNames: [{ platform: 'linkedin', displayName: 'Acme Corp' }],
    },
  });
  await unlink.answer({ body: { status: 'success' } });
  const el = await fixture<SocialLinkButton>(html`<social-link-button
    profile-endpoint=${profile.url}
    unlink-endpoint=${unlink.url}
    networks="linkedin twitter tiktok"
  ></social-link-button>`);
  await waitFor(() => el.linked.length === 2, 'status never loaded');
  await el.updateComplete;
  const row = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-network="${id}"]`)!;
  const control = (id: string, name: string) => row(id).querySelector<HTMLButtonElement>(`[part~="${name}"]`);
  return { el, profile, unlink, row, control };
}

describe('unlinking', () => {
  it('shows "Unlink <Network>" only on linked networks, and only with unlink-endpoint', async () => {
    const { el, control } = await setup();
    expect(control('linkedin', 'unlink')!.getAttribute('aria-label')).to.equal('Unlink LinkedIn');
    expect(control('twitter', 'unlink')!.getAttribute('aria-label')).to.equal('Unlink X');
    expect(control('tiktok', 'unlink')).to.equal(null);
    await expect(el).to.be.accessible();
    el.unlinkEndpoint = undefined;
    await el.updateComplete;
    expect(control('linkedin', 'unlink')).to.equal(null);
  });

  it('asks for confirmation inside the element; Cancel sends nothing', async () => {
    const { el, unlink, control } = await setup();
    await click(control('linkedin', 'unlink')!);
    await el.updateComplete;
    const confirm = control('linkedin', 'confirm-unlink')!;
    expect(confirm.textContent!.trim()).to.equal('Unlink');
    expect(el.shadowRoot!.activeElement).to.equal(confirm);
    const group = el.shadowRoot!.querySelector('[data-network="linkedin"] [role="group"]')!;
    expect(el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.equal('Unlink LinkedIn?');
    await expect(el).to.be.accessible();
    await click(control('linkedin', 'cancel-unlink')!);
    await el.updateComplete;
    expect(control('linkedin', 'confirm-unlink')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(control('linkedin', 'unlink'));
    expect(await unlink.requests()).to.have.length(0);
  });

  it('Escape cancels the confirmation and returns focus to Unlink', async () => {
    const { el, unlink, control } = await setup();
    await click(control('twitter', 'unlink')!);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(control('twitter', 'confirm-unlink'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await waitFor(() => el.shadowRoot!.activeElement === control('twitter', 'unlink'), 'focus not returned');
    expect(control('twitter', 'confirm-unlink')).to.equal(null);
    expect(await unlink.requests()).to.have.length(0);
  });

  it('confirming sends DELETE { platform }, re-reads the status and emits social-link-change', async () => {
    const { el, unlink, profile, control, row } = await setup();
    await profile.answer({ body: { activeSocialAccounts: ['twitter'] } });
    await click(control('linkedin', 'unlink')!);
    await el.updateComplete;
    const changed = oneEvent(el, 'social-link-change');
    await click(control('linkedin', 'confirm-unlink')!);
    const { detail } = await changed;
    expect(detail).to.deep.equal({ linked: ['twitter'], added: [], removed: ['linkedin'], accounts: [] });
    const [request] = await unlink.requests();
    expect(request.method).to.equal('DELETE');
    expect(JSON.parse(request.body)).to.deep.equal({ platform: 'linkedin' });
    expect(request.headers['content-type']).to.equal('application/json');
    await el.updateComplete;
    expect(row('linkedin').hasAttribute('data-linked')).to.be.false;
    expect(control('linkedin', 'unlink')).to.equal(null);
  });

  it('an empty 2xx answer is fine', async () => {
    const { el, unlink, profile, control } = await setup();
    await unlink.answer({ status: 204, raw: '' });
    await profile.answer({ body: { activeSocialAccounts: ['linkedin'] } });
    await click(control('twitter', 'unlink')!);
    await el.updateComplete;
    const changed = oneEvent(el, 'social-link-change');
    await click(control('twitter', 'confirm-unlink')!);
    expect((await changed).detail.removed).to.deep.equal(['twitter']);
  });

  it('a failure is a typed error with a retry that sends the DELETE again', async () => {
    const { el, unlink, profile, control } = await setup();
    await unlink.answer({ status: 500, body: { status: 'error', message: 'Ayrshare is down' } });
    await click(control('linkedin', 'unlink')!);
    await el.updateComplete;
    const failed = oneEvent(el, 'social-link-error');
    await click(control('linkedin', 'confirm-unlink')!);
    expect((await failed).detail).to.deep.equal({ code: 'request-failed', message: 'Ayrshare is down', status: 500 });
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(box.textContent).to.contain('Ayrshare is down');
    await expect(el).to.be.accessible();

    await unlink.answer({ body: {} });
    await profile.answer({ body: { activeSocialAccounts: ['twitter'] } });
    const changed = oneEvent(el, 'social-link-change');
    await click(el.shadowRoot!.querySelector('[part~="retry"]')!);
    expect((await changed).detail.removed).to.deep.equal(['linkedin']);
    expect(await unlink.requests()).to.have.length(2);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('a timeout is a timeout error', async () => {
    const { el, unlink, control } = await setup();
    el.timeout = 300;
    await unlink.answer({ delay: 2000, body: {} });
    await click(control('linkedin', 'unlink')!);
    await el.updateComplete;
    const failed = oneEvent(el, 'social-link-error');
    await click(control('linkedin', 'confirm-unlink')!);
    expect((await failed).detail.code).to.equal('timeout');
  });
});
