// The callback page script as hosts serve it (the built script-tag file): closing or saying
// where to go back, its language and direction, and the done message it sends.
import { expect } from '@open-wc/testing';
import { waitFor } from './helpers.js';

/** Opens a callback fixture page in a frame. */
function callbackFrame(page: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/${page}`;
  document.body.append(frame);
  return frame;
}

describe('the callback page', () => {
  it('where it cannot close its window, it says so and links back', async () => {
    const frame = callbackFrame('callback.html');
    await waitFor(
      () => frame.contentDocument?.body?.textContent?.includes('You can close this window'),
      'no close message',
      { timeout: 3000 },
    );
    const back = frame.contentDocument!.querySelector('a')!;
    expect(back.getAttribute('href')).to.equal('/settings');
    expect(frame.contentDocument!.title).to.equal('You can close this window.');
    frame.remove();
  });

  it('speaks data-lang, from the built locale file loaded before it', async () => {
    const frame = callbackFrame('callback-fr.html');
    await waitFor(
      () => frame.contentDocument?.body?.textContent?.includes('Vous pouvez fermer cette fenêtre.'),
      'no French close message',
    );
    expect(frame.contentDocument!.querySelector('a')!.textContent!.trim()).to.equal('Revenir à l’application');
    expect(frame.contentDocument!.documentElement.lang).to.equal('fr');
    frame.remove();
  });

  it('posts the done message to its opener at its own origin and on the BroadcastChannel', async () => {
    const channel = new BroadcastChannel('social-link-button');
    const broadcast = new Promise<unknown>((resolve) => channel.addEventListener('message', (e) => resolve(e.data), { once: true }));
    const frame = callbackFrame('callback.html');
    expect(await broadcast).to.deep.equal({ type: 'social-link-button:done' });
    channel.close();
    frame.remove();
  });

  it('writes a right-to-left language right to left, the same languages the element does (ckb)', async () => {
    const frame = callbackFrame('callback-ckb.html');
    await waitFor(() => frame.contentDocument?.body?.textContent?.includes('You can close this window'), 'no close message');
    expect(frame.contentDocument!.documentElement.lang).to.equal('ckb');
    expect(frame.contentDocument!.documentElement.dir).to.equal('rtl');
    frame.remove();
  });
});
