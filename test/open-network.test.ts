// Issue 19 (point 12): open(network) maps names like the `networks` list does, and refuses any
// other value before a popup opens or a request leaves. Real clicks, popup blocker on.
import { expect, oneEvent } from '@open-wc/testing';
import '../src/entries/index.js';
import type { SocialLinkErrorDetail } from '../src/entries/index.js';
import { cleanUp, click, part, popups, providerUrl, quietFor, setupFlow, types, waitFor } from './helpers.js';

/** A host button whose click calls `el.open(value)`, clicked with the real mouse. */
async function clickHostButton(call: () => void) {
  const host = document.createElement('button');
  host.textContent = 'Link from the host';
  host.addEventListener('click', call);
  document.body.append(host);
  try {
    await click(host);
  } finally {
    host.remove();
  }
}

describe('open(network)', () => {
  afterEach(cleanUp);

  for (const [given, id] of [
    ['LinkedIn', 'linkedin'],
    ['x', 'twitter'],
    [' Google ', 'gmb'],
  ] as const) {
    it(`open(${JSON.stringify(given)}) links ${id} in the click's popup`, async () => {
      const link = providerUrl();
      const { el, jwt, events } = await setupFlow({ jwt: { body: { url: link.url } } });
      await clickHostButton(() => el.open(given));
      await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
      expect(JSON.parse((await jwt.requests())[0].body).network).to.equal(id);
      expect(types(events)[0]).to.equal('social-link-open');
    });
  }

  it('an id listed in networks but unknown to us is still opened (rows show it)', async () => {
    const link = providerUrl();
    const { el, jwt } = await setupFlow({ jwt: { body: { url: link.url } } });
    el.networks = 'linkedin mastodon';
    await clickHostButton(() => el.open('Mastodon'));
    await waitFor(async () => (await link.loads()).length === 1, 'the linking page never loaded');
    expect(JSON.parse((await jwt.requests())[0].body).network).to.equal('mastodon');
  });

  const refused: [string, unknown][] = [
    ['an unknown name', 'nope'],
    ['an object', { network: 'linkedin', evil: true }],
    ['a number', 42],
    ['an array', ['linkedin']],
    ['a very long string', 'x'.repeat(100_000)],
  ];
  for (const [what, value] of refused) {
    it(`${what}: social-link-error invalid-network, no popup, no request, a console note`, async () => {
      const link = providerUrl();
      const { el, jwt, events } = await setupFlow({ jwt: { body: { url: link.url } } });
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.join(' '));
      const failed = oneEvent(el, 'social-link-error');
      try {
        await clickHostButton(() => el.open(value as string));
      } finally {
        console.error = original;
      }
      const { detail } = (await failed) as CustomEvent<SocialLinkErrorDetail>;
      expect(detail).to.deep.equal({ code: 'invalid-network', message: 'We couldn’t open the page for linking your accounts.' });
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain("names no network");
      expect(logged[0].length).to.be.below(400);
      await el.updateComplete;
      expect(part(el, 'error')!.dataset.code).to.equal('invalid-network');
      // Nothing to retry: the host's call must change.
      expect(part(el, 'retry')).to.equal(null);
      await quietFor(500);
      expect(await popups()).to.deep.equal([]);
      expect(await jwt.requests()).to.deep.equal([]);
      expect(types(events)).to.deep.equal(['social-link-error']);
      expect(el.state).to.equal('idle');
    });
  }
});
