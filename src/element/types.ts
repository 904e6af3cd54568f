// Every public type of the package, in one place. `social-link-button` exports them all.
export type { NetworkId, NetworkInfo } from '../protocol/networks.js';
export type { MessageId, Messages, PluralMessage } from '../i18n/messages.js';

/** The element's `state`: `idle`, `opening` (fetching the linking URL) or `open` (waiting on the popup). */
export type SocialLinkState = 'idle' | 'opening' | 'open';

/** One linked account, as `accounts` exposes it (docs/contract.md §2). */
export interface LinkedAccount {
  platform: string;
  username?: string;
  displayName?: string;
  profileUrl?: string;
  userImage?: string;
}

/** Error codes a host can switch on (docs/contract.md §5). */
export type SocialLinkErrorCode =
  | 'request-failed'
  | 'invalid-response'
  | 'untrusted-url'
  | 'popup-blocked'
  | 'timeout'
  | 'invalid-network';

/** The `detail` of `social-link-error`, and the error shown in the element. */
export interface SocialLinkErrorDetail {
  code: SocialLinkErrorCode;
  /** A sentence a person can act on, in the element's language. */
  message: string;
  /** HTTP status, when a host endpoint answered with one. */
  status?: number;
  /** For a 429: seconds to wait, from the answer's `Retry-After`. */
  retryAfter?: number;
}

export type SocialLinkMode = 'popup' | 'tab' | 'redirect';

export interface SocialLinkOpenDetail {
  mode: SocialLinkMode;
}

export interface SocialLinkConnectDetail {
  network: string;
  outcome: 'success' | 'error' | 'cancelled';
  code?: string | number;
  message?: string;
}

export type SocialLinkDoneDetail = Record<string, never>;

export interface SocialLinkCloseDetail {
  completed: boolean;
}

export interface SocialLinkChangeDetail {
  /** Every linked network after the change. */
  linked: string[];
  added: string[];
  removed: string[];
  /** Who was linked: the accounts of the added networks, so the host can confirm the identity. */
  accounts: LinkedAccount[];
}

/**
 * A linked account's health: `healthy`; `expiring` (must be relinked within 14 days, by
 * `reconnectBy`); `needs-reconnect` (its token is dead: relink it now).
 */
export type SocialLinkHealthState = 'healthy' | 'expiring' | 'needs-reconnect';

export interface SocialLinkHealth {
  state: SocialLinkHealthState;
  /** ISO date by which to reconnect, when the status says. */
  reconnectBy?: string;
}

export interface SocialLinkHealthDetail {
  /** Every linked network's health after the change. */
  health: Record<string, SocialLinkHealth>;
  /** The networks whose health changed. */
  changed: string[];
}

/**
 * `social-link-in-app-browser`: the page is in a social app's own browser. `app` is its name
 * (`Instagram`, `Facebook`, `Messenger`, `Threads`, `TikTok`, `LinkedIn`, `X`,
 * `Snapchat`, `Pinterest`, `LINE`, `WeChat`, `Reddit`, `Telegram`); `platform` the phone's system.
 */
export interface SocialLinkInAppBrowserDetail {
  app: string;
  platform: 'ios' | 'android' | 'other';
}

/** The element's events (docs/contract.md §5): all bubble and are composed. */
export interface SocialLinkEventMap {
  'social-link-open': CustomEvent<SocialLinkOpenDetail>;
  'social-link-connect': CustomEvent<SocialLinkConnectDetail>;
  'social-link-done': CustomEvent<SocialLinkDoneDetail>;
  'social-link-close': CustomEvent<SocialLinkCloseDetail>;
  'social-link-change': CustomEvent<SocialLinkChangeDetail>;
  'social-link-error': CustomEvent<SocialLinkErrorDetail>;
  'social-link-health': CustomEvent<SocialLinkHealthDetail>;
  'social-link-in-app-browser': CustomEvent<SocialLinkInAppBrowserDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SocialLinkEventMap {}
}
