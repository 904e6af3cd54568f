// The opening the mode="redirect" tests share: the host page in a frame (whose history entries
// are the tab's), its element in mode="redirect", clicked with the real mouse.
import { sendMouse } from '@web/test-runner-commands';
import { mockEndpoint, PROVIDER_HOST, providerUrl, waitFor } from './helpers.js';

export const MARK = 'social-link-button:redirect';
export const HOST_PAGE = '/test/fixtures/redirect.html';

/** Where the frame is, when it is on our origin. */
export function frameAt(frame: HTMLIFrameElement): string | undefined {
  try {
    const { pathname, search } = frame.contentWindow!.location;
    return pathname + search;
  } catch {
    return undefined;
  }
}

/** The host page in a frame, its element in mode="redirect"; `ready` sees it before the click. */
export async function redirectFlow(steps: string[] = [], ready: (el: HTMLElement) => void = () => undefined) {
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
export const backHome = (frame: HTMLIFrameElement) =>
  waitFor(() => frameAt(frame) === HOST_PAGE && sessionStorage.getItem(MARK) === null, 'not back on the host page');
