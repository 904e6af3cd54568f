import type { SocialLinkErrorDetail } from './internal/errors.js';
import type { LinkedAccount } from './internal/profile-status.js';

export type { SocialLinkErrorCode, SocialLinkErrorDetail } from './internal/errors.js';

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

/** The element's events (SPEC section 5): all bubble and are composed. */
export interface SocialLinkEventMap {
  'social-link-open': CustomEvent<SocialLinkOpenDetail>;
  'social-link-connect': CustomEvent<SocialLinkConnectDetail>;
  'social-link-done': CustomEvent<SocialLinkDoneDetail>;
  'social-link-close': CustomEvent<SocialLinkCloseDetail>;
  'social-link-change': CustomEvent<SocialLinkChangeDetail>;
  'social-link-error': CustomEvent<SocialLinkErrorDetail>;
  'social-link-health': CustomEvent<SocialLinkHealthDetail>;
}

/** Every event the element emits, e.g. to log them all. */
export const SOCIAL_LINK_EVENTS = [
  'social-link-open',
  'social-link-connect',
  'social-link-done',
  'social-link-close',
  'social-link-change',
  'social-link-error',
  'social-link-health',
] as const satisfies readonly (keyof SocialLinkEventMap)[];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SocialLinkEventMap {}
}
