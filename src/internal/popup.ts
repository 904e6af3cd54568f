/** One name for every linking window, so a stray second open reuses it instead of stacking. */
export const POPUP_NAME = 'social-link-button';

// Ayrshare's own demo opens its linking page at 800×800.
const WIDTH = 800;
const HEIGHT = 800;

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
export function showConnecting(popup: Window): void {
  try {
    const doc = popup.document;
    doc.title = 'Connecting…';
    const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
    const message = doc.createElement('p');
    message.setAttribute('role', 'status');
    message.textContent = 'Connecting to the linking page…';
    Object.assign(body.style, {
      margin: '0',
      minHeight: '100vh',
      display: 'grid',
      placeItems: 'center',
      font: '16px system-ui, sans-serif',
      color: '#59636e',
    });
    body.replaceChildren(message);
  } catch {
    // The popup is already elsewhere; nothing to show.
  }
}
