import type { SocialLinkEventMap } from './types.js';

/** Every event the element emits, e.g. to log them all. */
export const SOCIAL_LINK_EVENTS = [
  'social-link-open',
  'social-link-connect',
  'social-link-done',
  'social-link-close',
  'social-link-change',
  'social-link-error',
  'social-link-health',
  'social-link-in-app-browser',
] as const satisfies readonly (keyof SocialLinkEventMap)[];
