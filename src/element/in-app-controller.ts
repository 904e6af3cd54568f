// The element's in-app browser handling: detects the app once per connect, tells the host
// (`social-link-in-app-browser`), and answers what the flow and the rows ask of it. `ignore-in-app`
// turns the handling off (no notice, popups as `mode` says, every Link offered); the property
// and the event still say what was detected, for a host that handles it its own way.
import type { ReactiveController } from 'lit';
import type { ConnectedHost } from './connected-host.js';
import type { SocialLinkInAppBrowserDetail } from './types.js';
import { browserIntent, detectInAppBrowser, refusesInApp, type InAppBrowser } from './link/in-app-browser.js';

/** The element as this controller sees it: its off switch, and where the event goes. */
type InAppHost = ConnectedHost & EventTarget & { readonly ignoreInApp: boolean };

export class InAppController implements ReactiveController {
  #found: InAppBrowser | null | undefined;
  readonly #host: InAppHost;

  constructor(host: InAppHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The in-app browser this page is in, or null; read once per connect. */
  get detected(): InAppBrowser | null {
    return (this.#found ??= detectInAppBrowser(navigator.userAgent, window));
  }

  /** The in-app browser the element handles: none when `ignore-in-app` is set. */
  get active(): InAppBrowser | null {
    return this.#host.ignoreInApp ? null : this.detected;
  }

  hostConnected(): void {
    this.#found = undefined;
    const found = this.detected;
    // After the connecting task's own code: a listener added right after append() still hears it.
    if (!found) return;
    const detail: SocialLinkInAppBrowserDetail = { ...found };
    queueMicrotask(() => {
      if (this.#host.isConnected) this.#host.dispatchEvent(new CustomEvent('social-link-in-app-browser', { detail, bubbles: true, composed: true }));
    });
  }

  /** `network` cannot be linked in this in-app browser (see refusesInApp's sources). */
  refuses(network: string): boolean {
    const found = this.active;
    return Boolean(found && refusesInApp(network, found.platform));
  }

  /** "Open in your browser": an Android intent to this page (never the linking URL); none on iOS. */
  escape(): string | undefined {
    return this.active?.platform === 'android' ? browserIntent(location.href) : undefined;
  }
}
