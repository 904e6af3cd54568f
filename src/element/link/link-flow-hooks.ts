// What the link flow reads of its element, and how it tells the element what happened: one
// hook per outcome, so the element neither inspects event types nor reads the flow's state back.
import type { Failure } from '../net/failures.js';
import type { SocialLinkConnectDetail, SocialLinkMode } from '../types.js';

/**
 * Where the flow is: `opening` (popup open, fetching the linking URL), `open` (the popup shows
 * the linking page), then for ten minutes after it ended `awaiting-callback` (ended without the
 * callback: a late one still completes it) or `settled`; `idle` otherwise. In every phase but
 * `idle` the page listens, and re-reads the status when the user comes back to it.
 */
export type LinkFlowPhase = 'idle' | 'opening' | 'open' | 'awaiting-callback' | 'settled';

/** The element's settings the flow reads, each time it needs them (lists as they apply). */
export interface LinkFlowSettings {
  readonly jwtEndpoint: string | undefined;
  readonly allowedHosts: readonly string[];
  readonly callbackOrigins: readonly string[];
  readonly mode: SocialLinkMode;
  readonly timeout: number;
  readonly requestInit: RequestInit | undefined;
}

/** What the flow needs from its element besides its settings, and the outcomes it reports. */
export interface LinkFlowHooks {
  refresh(): Promise<void>;
  /** In an in-app browser, where popups open in place or not at all: the flow redirects, whatever `mode` says. */
  inApp(): boolean;
  /** The Ayrshare ids the element shows, sent so the linking page offers only those. */
  requestedNetworks(): readonly string[] | undefined;
  /** The "Connecting…" page's title and text, in the element's language, and that language. */
  connectingPage(): { title: string; text: string; lang: string };
  /** The popup or tab opened, or the page is about to leave for the linking page. */
  opened(mode: SocialLinkMode): void;
  /** The provider reported one network's outcome. */
  connected(detail: SocialLinkConnectDetail): void;
  /** The user finished on the linking page (also when the callback arrives late). */
  done(): void;
  /** A flow that had a window ended; `completed`: finished, or something was linked. */
  closed(completed: boolean): void;
  /** The flow for `network` ('' for every network shown) failed: a retry opens that one again. */
  failed(failure: Failure, network: string): void;
}
