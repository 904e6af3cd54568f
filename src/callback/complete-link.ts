// The callback page script (docs/contract.md §5). The host serves it on the page it gives the
// provider as `redirect`; importing this module (or loading dist/social-link-callback.iife.js)
// tells the element the user is done and closes the popup.
import { isRtl } from '../i18n/direction.js';
import { CALLBACK_CHANNEL, CALLBACK_MESSAGE_TYPE } from '../protocol/callback.js';

export interface CallbackOptions {
  /**
   * Where the "You can close this window" page links back to: a path or http(s) URL on this
   * page's origin (anything else, e.g. `javascript:` or another site, links to `/`).
   */
  returnUrl?: string;
  /** How long to wait for the window to close before showing that page, in ms. */
  fallbackDelay?: number;
  /** The page's language (default: `data-lang` on the script, else the document's `lang`). */
  lang?: string;
}

type CallbackTexts = { doneTitle: string; closeWindow: string; returnToApp: string };
const ENGLISH: CallbackTexts = {
  doneTitle: 'Your accounts are linked',
  closeWindow: 'You can close this window.',
  returnToApp: 'Return to the app',
};

/** The page's three sentences in `lang`, from a locale module loaded on the page (else English). */
function texts(lang: string): CallbackTexts {
  // (Markup with that id could only make this page speak English: the texts below are text.)
  const locales = (globalThis as { SocialLinkButtonLocales?: Record<string, Partial<CallbackTexts> | string[] | undefined> })
    .SocialLinkButtonLocales;
  const tag = lang.toLowerCase();
  const found = locales?.[tag] ?? locales?.[tag.split('-')[0] ?? ''];
  // A built locale file is an array: these three come first (MESSAGE_ORDER in i18n.ts).
  const [doneTitle, closeWindow, returnToApp] = Array.isArray(found) ? found : [];
  return { ...ENGLISH, ...(Array.isArray(found) ? { doneTitle, closeWindow, returnToApp } : found) };
}

/**
 * Sends `{ type: "social-link-button:done" }` to `window.opener` (at this page's own origin) and
 * on the `social-link-button` BroadcastChannel — the one that still arrives when a
 * Cross-Origin-Opener-Policy page in the popup cut the opener link — then closes the window.
 */
export function completeLink(options: CallbackOptions = {}): void {
  if (typeof window === 'undefined') return;
  const message = { type: CALLBACK_MESSAGE_TYPE };
  try {
    window.opener?.postMessage(message, location.origin);
  } catch {
    // an opener on another origin, or gone
  }
  try {
    const channel = new BroadcastChannel(CALLBACK_CHANNEL);
    channel.postMessage(message);
    channel.close();
  } catch {
    // no BroadcastChannel
  }
  window.close();
  // Browsers refuse to close a window that script did not open (after COOP, or in a tab).
  setTimeout(() => {
    if (!window.closed) showCloseMessage(options.returnUrl ?? '/', options.lang || document.documentElement.lang || 'en');
  }, options.fallbackDelay ?? 300);
}

/** `url` if it is an http(s) address on this page's origin, else this origin's root. */
function sameOrigin(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    if (/^https?:$/.test(parsed.protocol) && parsed.origin === location.origin) return url;
  } catch {
    // not a URL
  }
  return '/';
}

function showCloseMessage(returnUrl: string, lang: string): void {
  const doc = document;
  const say = texts(lang);
  const ready = () => {
    doc.documentElement.lang = lang;
    if (isRtl(lang)) doc.documentElement.dir = 'rtl';
    const main = doc.createElement('main');
    main.setAttribute('role', 'status');
    Object.assign(main.style, {
      margin: '20vh auto',
      maxWidth: '28rem',
      padding: '0 1rem',
      font: '16px/1.5 system-ui, sans-serif',
      textAlign: 'center',
    });
    const heading = doc.createElement('h1');
    heading.textContent = say.doneTitle;
    Object.assign(heading.style, { fontSize: '1.25rem' });
    const text = doc.createElement('p');
    text.textContent = say.closeWindow;
    const back = doc.createElement('a');
    back.href = sameOrigin(returnUrl);
    back.textContent = say.returnToApp;
    const para = doc.createElement('p');
    para.append(back);
    main.append(heading, text, para);
    doc.body.replaceChildren(main);
    doc.title = say.closeWindow;
  };
  if (doc.body) ready();
  else doc.addEventListener('DOMContentLoaded', ready, { once: true });
}
