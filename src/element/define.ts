import { developerNotes } from './net/developer-notes.js';
import { SocialLinkButton } from './social-link-button.js';

export const TAG_NAME = 'social-link-button';

/**
 * Registers `<social-link-button>`. A second registration (the script-tag bundle and the npm
 * bundle on one page) is skipped, with a warning only when the versions differ; without a
 * `customElements` registry (SSR, Node) it does nothing. Returns the registered class.
 */
export function define(): CustomElementConstructor | undefined {
  if (typeof customElements === 'undefined') return undefined;
  const existing = customElements.get(TAG_NAME);
  if (existing) {
    const version = (existing as { version?: unknown }).version;
    if (existing !== SocialLinkButton && version !== SocialLinkButton.version) {
      console.warn(developerNotes.otherVersion(String(version ?? '(unknown version)'), SocialLinkButton.version));
    }
    return existing;
  }
  customElements.define(TAG_NAME, SocialLinkButton);
  return SocialLinkButton;
}

declare global {
  interface HTMLElementTagNameMap {
    'social-link-button': SocialLinkButton;
  }
}
