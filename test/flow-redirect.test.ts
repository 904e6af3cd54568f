// Issue 19 (point 15): mode="redirect" keeps the bearer URL out of the tab's history. The
// linking page replaces an entry of the host page pushed for it: Back from it returns to the host
// page, and once back (by Back, or sent back by the provider) neither Back nor Forward reloads the
// linking URL. In a frame, whose entries are the tab's (joint session history); real clicks.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { cleanUp, mockEndpoint, PROVIDER_HOST, providerUrl, quietFor, waitFor } from './helpers.js';

const MARK = 'social-link-button:redirect';
const HOST_PAGE = '/test/fixtures/redirect.html';

/** Where the frame is, when it is on our origin. */
function frameAt(frame: HTMLIFrameElement): string | undefined {
  try {
    const { pathname, search } = frame.contentWindow!.location;
    return pathname + search;
  } catch {
    return undefined;
  }
}

/** The host page in a frame, its element in mode="redirect"; `ready` sees it before the click. */
async function redirectFlow(steps: string[] = [], ready: (el: HTMLElement) => void = () => undefined) {
  const link = providerUrl(steps);
  const jwt = mockEndpoint('jwt');
  await jwt.answer({ body: { url: link.url } });
  const frame = document.createElement('iframe');
  frame.src = HOST_PAGE;
  frame.style.cssText = 'width: 600px; height: 300px; border: 0';
  document.body.prepend(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const inner = frame.contentWindow!;
  await waitFor(() => inner.customElements.get('social-link-button'), 'element not defined in the frame');
  const el = inner.document.querySelector('social-link-button')!;
  el.setAttribute('jwt-endpoint', jwt.url);
  el.setAttribute('allowed-hosts', PROVIDER_HOST);
  await el.updateComplete;
  ready(el);
  const lengthBefore = history.length;
  const button = el.shadowRoot!.querySelector('[part="button"]')!.getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.left + button.left + button.width / 2), Math.round(box.top + button.top + button.height / 2)],
  });
  await waitFor(async () => (await link.loads()).length === 1, 'the page was not sent to the linking URL');
  return { frame, link, lengthBefore };
}

/** Back on the host page's own entry, with the linking page's entry dropped. */
const backHome = (frame: HTMLIFrameElement) =>
  waitFor(() => frameAt(frame) === HOST_PAGE && sessionStorage.getItem(MARK) === null, 'not back on the host page');

describe('mode="redirect" and the tab history', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    sessionStorage.removeItem(MARK);
    await cleanUp();
  });

  it('emits social-link-open, then navigates the page itself to the linking URL', async () => {
    const opened: unknown[] = [];
    ({ frame } = await redirectFlow([], (el) => el.addEventListener('social-link-open', (e) => opened.push((e as CustomEvent).detail))));
    expect(opened).to.deep.equal([{ mode: 'redirect' }]);
  });

  it('Back from the linking page returns to the host page; Forward then does not reload the linking URL', async () => {
    const flow = await redirectFlow();
    frame = flow.frame;
    // One entry for the linking page, none more.
    expect(history.length).to.equal(flow.lengthBefore + 1);
    history.back();
    await backHome(frame);
    history.forward();
    await quietFor(1500);
    expect(await flow.link.loads()).to.have.length(1);
    expect(frameAt(frame)).to.equal(HOST_PAGE);
  });

  it('sent back by the provider, the host page is shown again and Back does not reload the linking URL', async () => {
    const returnUrl = `${location.origin}${HOST_PAGE}?returned=1`;
    const flow = await redirectFlow([`go:${encodeURIComponent(returnUrl)}`]);
    frame = flow.frame;
    await backHome(frame);
    history.back();
    await quietFor(1500);
    expect(await flow.link.loads()).to.have.length(1);
    expect(frameAt(frame)).to.equal(HOST_PAGE);
  });
});
