// "You're in Instagram's browser": what the in-app browser costs, and the way out — an intent
// link to this page on Android, the app's own menu in words everywhere.
import { html, nothing } from 'lit';
import type { LanguageController } from '../../i18n/language-controller.js';
import type { InAppController } from '../in-app-controller.js';

export function renderInAppNotice(inApp: InAppController, words: LanguageController) {
  const found = inApp.active;
  if (!found) return nothing;
  const escape = inApp.escape();
  return html`<p part="in-app-notice" class="in-app">
    <slot name="in-app-notice">${words.t('inApp', { app: found.app })} ${words.t('inAppMenu')}</slot>
    ${escape ? html`<a part="in-app-open" href=${escape}>${words.t('openBrowser')}</a>` : nothing}
  </p>`;
}
