// The element's in-app browser handling: detects the app once per connect, tells the host
// (`social-link-in-app-browser`), and answers what the flow and the rows ask of it. `ignore-in-app`
// turns the handling off (no notice, popups as `mode` says, every Link offered); the property
// and the event still say what was detected, for a host that handles it its own way.
// The app table is a part (parts/in-app-browser.ts), loaded only where in-app-hint.ts says the
// page may be in one: until it has loaded there (or when it cannot load), links run as
// redirects (the flow an in-app browser needs); the notice, the marked rows and the event follow
// once it has answered.
import type { ReactiveController } from 'lit';
import type { ConnectedHost } from './connected-host.js';
import type { SocialLinkInAppBrowserDetail } from './types.js';
import { mayBeInApp } from './in-app-hint.js';
import { loadPart, type Parts } from './parts/parts.js';

/** The element as this controller sees it: its off switch, and where the event goes. */
type InAppHost = ConnectedHost & EventTarget & { readonly ignoreInApp: boolean };

/** The table, once loaded (for every element of the page: a later one detects at once). */
let table: Parts['in-app'] | undefined;

export class InAppController implements ReactiveController {
  /** What the table found this connect: undefined until it has answered (or when it is not needed). */
  #found: SocialLinkInAppBrowserDetail | null | undefined;
  /** The page may be in an in-app browser (its user agent carries an app's word). */
  #hinted = false;
  /** Counts connects: a load that ends after the next connect is not this one's. */
  #connects = 0;
  readonly #host: InAppHost;

  constructor(host: InAppHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The in-app browser this page is in, or null (also until the table has loaded). */
  get detected(): SocialLinkInAppBrowserDetail | null {
    return this.#found ?? null;
  }

  /** The in-app browser the element handles: none when `ignore-in-app` is set. */
  get active(): SocialLinkInAppBrowserDetail | null {
    return this.#host.ignoreInApp ? null : this.detected;
  }

  /**
   * Links run as redirects: in an in-app browser, or possibly in one while the table loads (and
   * when it could not load: a redirect works in every browser, a popup in few in-app ones).
   */
  get redirects(): boolean {
    return !this.#host.ignoreInApp && (table ? Boolean(this.#found) : this.#hinted);
  }

  hostConnected(): void {
    const connect = ++this.#connects;
    this.#found = undefined;
    this.#hinted = mayBeInApp(navigator.userAgent, window);
    if (!this.#hinted) {
      this.#found = null;
      return;
    }
    if (table) return this.#detect(table);
    void loadPart('in-app').then((loaded) => {
      table = loaded;
      if (connect === this.#connects && this.#host.isConnected) this.#detect(loaded);
    });
  }

  #detect(loaded: Parts['in-app'] | undefined): void {
    const found = (this.#found = loaded?.detectInAppBrowser(navigator.userAgent, window) ?? null);
    this.#host.requestUpdate();
    if (!found) return;
    // After the connecting task's own code: a listener added right after append() still hears it.
    const detail: SocialLinkInAppBrowserDetail = { ...found };
    queueMicrotask(() => {
      if (this.#host.isConnected) this.#host.dispatchEvent(new CustomEvent('social-link-in-app-browser', { detail, bubbles: true, composed: true }));
    });
  }

  /** `network` cannot be linked in this in-app browser (see refusesInApp's sources). */
  refuses(network: string): boolean {
    const found = this.active;
    return Boolean(found && table?.refusesInApp(network, found.platform));
  }

  /** "Open in your browser": an Android intent to this page (never the linking URL); none on iOS. */
  escape(): string | undefined {
    return this.active?.platform === 'android' ? table?.browserIntent(location.href) : undefined;
  }
}
