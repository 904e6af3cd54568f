import type { SocialLinkErrorDetail } from './internal/errors.js';

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
}

/** The element's events (SPEC section 5): all bubble and are composed. */
export interface SocialLinkEventMap {
  'social-link-open': CustomEvent<SocialLinkOpenDetail>;
  'social-link-connect': CustomEvent<SocialLinkConnectDetail>;
  'social-link-done': CustomEvent<SocialLinkDoneDetail>;
  'social-link-close': CustomEvent<SocialLinkCloseDetail>;
  'social-link-change': CustomEvent<SocialLinkChangeDetail>;
  'social-link-error': CustomEvent<SocialLinkErrorDetail>;
}

/** Every event the element emits, e.g. to log them all. */
export const SOCIAL_LINK_EVENTS = [
  'social-link-open',
  'social-link-connect',
  'social-link-done',
  'social-link-close',
  'social-link-change',
  'social-link-error',
] as const satisfies readonly (keyof SocialLinkEventMap)[];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SocialLinkEventMap {}
}
