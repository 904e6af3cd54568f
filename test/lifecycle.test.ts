// Issue 9: per-network Link and Reconnect, account health (badges, parts, property, event,
// announcements), and the change event's accounts. Real clicks, popup blocker on.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
import type { SocialLinkButton, SocialLinkHealthDetail } from '../src/entries/index.js';
import {
  mockEndpoint,
  rowOf,
  cleanUp,
  click,
  hover,
  PROVIDER_HOST,
  providerUrl,
  record,
  types,
  waitFor,
  answered,
} from './helpers.js';

const DAY = 86_400_000;
const inRow = (el: SocialLinkButton, id: string, part: string) => rowOf(el, id).querySelector<HTMLElement>(`[part~="${part}"]`);
const dateText = (iso: string) => new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(new Date(iso));

const inTenDays = new Date(Date.now() + 10 * DAY).toISOString();

/** Ayrshare-like /user answers with health fields. */
function status(health: Record<string, Record<string, unknown>> = {}, linked = ['linkedin', 'instagram', 'twitter']) {
  return {
    activeSocialAccounts: linked,
    displayNames: linked.map((platform) => ({ platform, displayName: `Acme ${platform}`, ...health[platform] })),
  };
}

async function setup(body: unknown, options: { jwt?: unknown; prefetch?: string } = {}) {
  const jwt = mockEndpoint('jwt');
  const profile = mockEndpoint('profile');
  await jwt.answer({ body: options.jwt ?? {} });
  await profile.answer({ body });
  const el = await fixture<SocialLinkButton>(html`<social-link-button
    lang="en"
    jwt-endpoint=${jwt.url}
    profile-endpoint=${profile.url}
    unlink-endpoint="/unlink"
    allowed-hosts=${PROVIDER_HOST}
    prefetch=${options.prefetch ?? 'none'}
    networks="linkedin instagram facebook twitter tiktok youtube"
  ></social-link-button>`);
  await waitFor(() => el.linked.length > 0, 'status never loaded');
  await el.updateComplete;
  return { el, jwt, profile, events: record(el) };
}

describe('linking one network from its row', () => {
  afterEach(cleanUp);

  it('an unlinked row has Link: it opens the flow for that network only, in the click task', async () => {
    const link = providerUrl();
    const { el, jwt, events } = await setup(status(), { jwt: { url: link.url } });
    expect(inRow(el, 'linkedin', 'link-network')).to.equal(null);
    const linkTikTok = inRow(el, 'tiktok', 'link-network')!;
    expect(linkTikTok.textContent!.trim()).to.equal('Link');
    expect(linkTikTok.getAttribute('aria-label')).to.equal('Link TikTok');
    await click(linkTikTok);
    // Opening, or (when the engine took longer to report the click) already open.
    expect(el.state).to.be.oneOf(['opening', 'open']);
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    const [request] = await jwt.requests();
    expect(JSON.parse(request.body)).to.deep.equal({
      origin: location.origin,
      networks: ['linkedin', 'instagram', 'facebook', 'twitter', 'tiktok', 'youtube'],
      network: 'tiktok',
    });
    expect(types(events)).to.deep.equal(['social-link-open']);
    await expect(el).to.be.accessible();
  });

  it("prefetches on the row's intent, and the click opens that URL at once", async () => {
    const link = providerUrl();
    const { el, jwt } = await setup(status(), { jwt: { url: link.url }, prefetch: 'intent' });
    await hover(inRow(el, 'youtube', 'link-network')!);
    // (A pointer gliding there may brush other rows first: what counts is YouTube's request.)
    const forYouTube = async () => (await jwt.requests()).filter((r) => JSON.parse(r.body).network === 'youtube');
    await waitFor(async () => (await forYouTube()).length === 1, 'no prefetch on the row');
    const fetched = (await jwt.requests()).length;
    await answered(jwt, fetched);
    await click(inRow(el, 'youtube', 'link-network')!);
    expect(el.state).to.equal('open');
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    expect((await jwt.requests()).length, 'the click fetched again').to.equal(fetched);
  });

  it('the main button still links every shown network (no network in the body)', async () => {
    const link = providerUrl();
    const { el, jwt } = await setup(status(), { jwt: { url: link.url } });
    await click(el.shadowRoot!.querySelector('[part="button"]')!);
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    expect(JSON.parse((await jwt.requests())[0].body)).to.not.have.property('network');
  });
});

describe('account health', () => {
  afterEach(cleanUp);

  it('shows each state with a badge, parts, data-health, the health property and an accessible description', async () => {
    const { el } = await setup(
      status(
        {
          linkedin: { refreshDaysRemaining: 10, refreshRequired: inTenDays },
          instagram: { refreshRequired: true },
          facebook: { needsReconnect: true },
          twitter: { refreshRequired: new Date(Date.now() + 200 * DAY).toISOString(), refreshDaysRemaining: 'soon' },
          youtube: { refreshRequired: 'not a date' },
        },
        ['linkedin', 'instagram', 'facebook', 'twitter', 'youtube'],
      ),
    );
    const linkedin = rowOf(el, 'linkedin');
    expect(linkedin.dataset.health).to.equal('expiring');
    expect(linkedin.getAttribute('part')).to.contain('network-expiring');
    expect(inRow(el, 'linkedin', 'health')!.textContent!.trim()).to.equal(`Reconnect by ${dateText(inTenDays)}`);
    const reconnect = inRow(el, 'linkedin', 'reconnect')!;
    expect(reconnect.getAttribute('aria-label')).to.equal('Reconnect LinkedIn');
    const described = el.shadowRoot!.getElementById(reconnect.getAttribute('aria-describedby')!)!;
    expect(described.textContent!.trim()).to.equal(`Reconnect by ${dateText(inTenDays)}`);

    for (const id of ['instagram', 'facebook']) {
      expect(rowOf(el, id).dataset.health).to.equal('needs-reconnect');
      expect(rowOf(el, id).getAttribute('part')).to.contain('network-needs-reconnect');
      expect(inRow(el, id, 'health')!.textContent!.trim()).to.equal('Needs reconnecting');
      expect(inRow(el, id, 'reconnect')).to.not.equal(null);
    }
    for (const id of ['twitter', 'youtube']) {
      expect(rowOf(el, id).dataset.health).to.equal('healthy');
      expect(inRow(el, id, 'health')).to.equal(null);
      expect(inRow(el, id, 'reconnect')).to.equal(null);
    }
    expect(rowOf(el, 'tiktok').hasAttribute('data-health')).to.be.false;
    expect(el.health.linkedin.state).to.equal('expiring');
    expect(Date.parse(el.health.linkedin.reconnectBy!)).to.be.closeTo(Date.parse(inTenDays), 1000);
    expect(el.health.instagram).to.deep.equal({ state: 'needs-reconnect' });
    expect(el.health.twitter.state).to.equal('healthy');
    expect(el.health).to.not.have.property('tiktok');
    await expect(el).to.be.accessible();
  });

  it('Reconnect on an expiring row opens the flow for that network', async () => {
    const link = providerUrl();
    const { el, jwt } = await setup(status({ linkedin: { refreshDaysRemaining: 10 } }), { jwt: { url: link.url } });
    await click(inRow(el, 'linkedin', 'reconnect')!);
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    expect(JSON.parse((await jwt.requests())[0].body).network).to.equal('linkedin');
  });

  it('emits social-link-health on a change (not on the first read) and announces it', async () => {
    const { el, profile, events } = await setup(status());
    expect(types(events)).to.deep.equal([]);
    await profile.answer({ body: status({ linkedin: { refreshRequired: true } }) });
    const first = oneEvent(el, 'social-link-health');
    await el.refresh();
    const detail = (await first).detail as SocialLinkHealthDetail;
    expect(detail.changed).to.deep.equal(['linkedin']);
    expect(detail.health.linkedin).to.deep.equal({ state: 'needs-reconnect' });
    expect(detail.health.twitter).to.deep.equal({ state: 'healthy' });
    await el.updateComplete;
    const live = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(live.textContent!.trim()).to.equal('LinkedIn needs reconnecting.');
    await expect(el).to.be.accessible();

    await profile.answer({ body: status({ instagram: { refreshDaysRemaining: 10 } }) });
    const second = oneEvent(el, 'social-link-health');
    await el.refresh();
    expect((await second).detail.changed).to.deep.equal(['linkedin', 'instagram']);
    await el.updateComplete;
    expect(live.textContent).to.contain('LinkedIn is connected again.');
    expect(live.textContent).to.contain('Instagram needs reconnecting by');
    await expect(el).to.be.accessible();

    // The same health again: no event.
    await el.refresh();
    expect(types(events).filter((t) => t === 'social-link-health')).to.have.length(2);
  });

  it("a provider connect:error for a linked network marks it as needing a reconnect", async () => {
    const link = providerUrl(['ready', 'error:twitter']);
    const { el } = await setup(status(), { jwt: { url: link.url } });
    const health = oneEvent(el, 'social-link-health');
    await click(el.shadowRoot!.querySelector('[part="button"]')!);
    expect((await health).detail.changed).to.deep.equal(['twitter']);
    await el.updateComplete;
    expect(rowOf(el, 'twitter').dataset.health).to.equal('needs-reconnect');
    expect(inRow(el, 'twitter', 'reconnect')).to.not.equal(null);
  });
});
