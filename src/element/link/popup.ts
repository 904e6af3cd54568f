import { isRtl } from '../../i18n/direction.js';

/**
 * A window name for one element: its own flows reuse its window instead of stacking new ones,
 * and two elements on a page never navigate (or hear) each other's popup.
 */
export function popupName(): string {
  return `social-link-button-${Math.random().toString(36).slice(2, 10)}`;
}

// Ayrshare's own demo opens its linking page at 800×800.
const WIDTH = 800;
const HEIGHT = 800;

/**
 * In an iframe sandboxed without `allow-popups`, `window.open` can never work: no Continue will
 * help. (Readable only when the parent is same-origin; otherwise the usual blocked path runs.)
 */
export function popupsSandboxed(): boolean {
  try {
    const frame = window.frameElement as HTMLIFrameElement | null;
    return Boolean(frame?.hasAttribute('sandbox') && !frame.sandbox.contains('allow-popups'));
  } catch {
    return false;
  }
}

/** Window features for a popup centred over the opener window, clamped to the screen. */
export function popupFeatures(): string {
  const width = Math.min(WIDTH, screen.availWidth || WIDTH);
  const height = Math.min(HEIGHT, screen.availHeight || HEIGHT);
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
  return `popup=yes,width=${width},height=${height},left=${left},top=${top}`;
}

/**
 * Shows "Connecting…" in a freshly opened blank popup while the linking URL is fetched. Built
 * with DOM calls and CSSOM, never markup strings or inline script, so strict CSPs and Trusted
 * Types allow it.
 */
export function showConnecting(popup: Window, page: { title: string; text: string; lang: string }): void {
  try {
    const doc = popup.document;
    // The opener's scheme: a blank page in a dark desktop should not flash white.
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    doc.title = page.title;
    doc.documentElement.lang = page.lang;
    doc.documentElement.dir = isRtl(page.lang) ? 'rtl' : 'ltr';
    const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
    const message = doc.createElement('p');
    message.setAttribute('role', 'status');
    message.textContent = page.text;
    doc.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    doc.documentElement.style.background = dark ? '#0d1117' : '#ffffff';
    Object.assign(body.style, {
      margin: '0',
      minHeight: '100vh',
      display: 'grid',
      placeItems: 'center',
      font: '16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      background: dark ? '#0d1117' : '#ffffff',
      color: dark ? '#9198a1' : '#59636e',
    });
    body.replaceChildren(message);
  } catch {
    // The popup is already elsewhere; nothing to show.
  }
}
