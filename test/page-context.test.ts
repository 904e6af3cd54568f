// The element among others: two elements on one page, ids from outside, and sandboxed iframes.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../src/entries/index.js';
import type { SocialLinkButton } from '../src/entries/index.js';
import {
  mockEndpoint,
  cleanUp,
  click,
  part,
  popups,
  providerUrl,
  PROVIDER_HOST,
  record,
  waitFor,
  waitForPopups,
  catchUncaught,
} from './helpers.js';

describe('two elements on one page', () => {
  afterEach(cleanUp);

  it('each has its own popup window, and hears only its own provider events', async () => {
    const linkA = providerUrl(['wait:800', 'success:facebook']);
    const linkB = providerUrl();
    const jwtA = mockEndpoint('jwt');
    const jwtB = mockEndpoint('jwt');
    const profile = mockEndpoint('profile');
    await jwtA.answer({ body: { url: linkA.url } });
    await jwtB.answer({ body: { url: linkB.url } });
    await profile.answer({ body: { activeSocialAccounts: [] } });
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <social-link-button id="a" jwt-endpoint=${jwtA.url} profile-endpoint=${profile.url} allowed-hosts=${PROVIDER_HOST} prefetch="none"></social-link-button>
      <social-link-button id="b" jwt-endpoint=${jwtB.url} profile-endpoint=${profile.url} allowed-hosts=${PROVIDER_HOST} prefetch="none"></social-link-button>
    </div>`);
    const a = wrap.querySelector<SocialLinkButton>('#a')!;
    const b = wrap.querySelector<SocialLinkButton>('#b')!;
    const eventsA = record(a);
    const eventsB = record(b);
    await click(part(a, 'button')!);
    await waitFor(async () => (await linkA.loads()).length === 1, 'A never loaded');
    await click(part(b, 'button')!);
    await waitFor(async () => (await linkB.loads()).length === 1, 'B never loaded');
    await waitForPopups((all) => all.length === 2, 'B reused A’s window');
    expect(await linkA.loads()).to.have.length(1);
    await waitFor(() => eventsA.some((e) => e.type === 'social-link-connect'), 'A never heard its provider');
    expect(eventsB.filter((e) => e.type === 'social-link-connect')).to.deep.equal([]);
    expect(a.state).to.equal('open');
    expect(b.state).to.equal('open');
  });
});

describe('ids from outside', () => {
  afterEach(cleanUp);

  it('constructor, __proto__, toString as network ids neither crash nor leave other elements stale', async () => {
    const uncaught = catchUncaught();
    try {
      const profile = mockEndpoint();
      await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <social-link-button id="odd" profile-endpoint=${profile.url} networks="constructor toString __proto__ hasOwnProperty youtube"></social-link-button>
        <social-link-button id="plain" profile-endpoint=${profile.url} networks="youtube tiktok"></social-link-button>
      </div>`);
      const odd = wrap.querySelector<SocialLinkButton>('#odd')!;
      const plain = wrap.querySelector<SocialLinkButton>('#plain')!;
      await waitFor(() => plain.linked.length === 1 && odd.linked.length === 1, 'first status never loaded');
      await profile.answer({
        body: {
          activeSocialAccounts: ['constructor', '__proto__', 'toString', 'youtube', 'tiktok'],
          displayNames: [{ platform: 'constructor', displayName: 'Ctor' }, { platform: '__proto__', username: 'proto' }],
        },
      });
      await odd.refresh();
      await waitFor(() => plain.linked.includes('tiktok'), 'the other element went stale');
      await odd.updateComplete;
      const ids = [...odd.shadowRoot!.querySelectorAll<HTMLElement>('[data-network]')].map((r) => r.dataset.network);
      expect(ids).to.deep.equal(['constructor', 'tostring', '__proto__', 'hasownproperty', 'youtube']);
      expect(odd.linked).to.include.members(['constructor', '__proto__', 'toString']);
      expect(plain.shadowRoot!.querySelector('[data-network="tiktok"]')!.hasAttribute('data-linked')).to.be.true;
      await odd.refresh();
      expect(uncaught.thrown).to.deep.equal([]);
    } finally {
      uncaught.stop();
    }
  });

  it('unlinks a network whose id contains a quote', async () => {
    const profile = mockEndpoint();
    const unlink = mockEndpoint('unlink');
    await profile.answer({ body: { activeSocialAccounts: ['we"ird', 'youtube'] } });
    await unlink.answer({ body: {} });
    const el = await fixture<SocialLinkButton>(html`<social-link-button
      profile-endpoint=${profile.url}
      unlink-endpoint=${unlink.url}
      networks='we"ird youtube'
    ></social-link-button>`);
    await waitFor(() => el.linked.length === 2, 'status never loaded');
    await el.updateComplete;
    const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-network]')].find((r) => r.dataset.network === 'we"ird')!;
    await click(row.querySelector('[part~="unlink"]')!);
    await el.updateComplete;
    const confirm = row.querySelector<HTMLElement>('[part~="confirm-unlink"]')!;
    expect(el.shadowRoot!.activeElement === confirm, 'focus is elsewhere').to.be.true;
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] } });
    await click(confirm);
    await waitFor(() => el.linked.length === 1, 'never unlinked');
    expect(JSON.parse((await unlink.requests())[0].body)).to.deep.equal({ platform: 'we"ird' });
  });

  it('a timeout between 2^31 and 2^32−1 ms does not time out at once', async () => {
    const profile = mockEndpoint();
    await profile.answer({ body: { activeSocialAccounts: ['youtube'] }, delay: 300 });
    const errors: unknown[] = [];
    const el = await fixture<SocialLinkButton>(html`<social-link-button
      profile-endpoint=${profile.url}
      timeout="3000000000"
      @social-link-error=${(e: CustomEvent) => errors.push(e.detail)}
    ></social-link-button>`);
    await waitFor(() => el.linked.length === 1, 'status never loaded');
    expect(errors).to.deep.equal([]);
  });
});

describe('in a sandboxed iframe without allow-popups', () => {
  afterEach(cleanUp);

  it('says so (console for the developer, a sentence for the user) and offers no Continue', async () => {
    const jwt = mockEndpoint('jwt');
    await jwt.answer({ body: { url: providerUrl().url } });
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.style.cssText = 'width: 600px; height: 300px; border: 0';
    frame.srcdoc = `<!doctype html><html lang="en"><body>
      <script type="module">import '/src/entries/index.ts';</script>
      <social-link-button jwt-endpoint="${jwt.url}" allowed-hosts="${PROVIDER_HOST}" prefetch="none"></social-link-button>
    </body></html>`;
    document.body.append(frame);
    try {
      const inner = () => frame.contentDocument?.querySelector('social-link-button') as SocialLinkButton | null;
      await waitFor(() => inner()?.shadowRoot?.querySelector('[part="button"]'), 'the framed element never rendered');
      const el = inner()!;
      const logged: string[] = [];
      const frameConsole = (frame.contentWindow as unknown as { console: Console }).console;
      const original = frameConsole.error;
      frameConsole.error = (...args: unknown[]) => logged.push(args.join(' '));
      const errors: { code: string; message: string }[] = [];
      el.addEventListener('social-link-error', (e) => errors.push((e as CustomEvent).detail));
      const button = el.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!;
      const outer = frame.getBoundingClientRect();
      const rect = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(outer.left + rect.left + rect.width / 2), Math.round(outer.top + rect.top + rect.height / 2)] });
      await waitFor(() => errors.length === 1, 'no error');
      frameConsole.error = original;
      expect(errors[0].code).to.equal('popup-blocked');
      expect(errors[0].message).to.equal('Linking accounts can’t open a window from inside this frame.');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="error"]')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="retry"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="continue"]')).to.equal(null);
      expect(logged.join('\n')).to.contain('allow-popups');
      expect(await popups()).to.have.length(0);
    } finally {
      frame.remove();
    }
  });
});
