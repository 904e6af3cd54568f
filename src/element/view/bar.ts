// The bar: the link button (spinner while opening) and, while the popup is open, the hint with
// "Bring it back".
import { html, nothing } from 'lit';
import type { LanguageController } from '../../i18n/language-controller.js';
import type { SocialLinkMode, SocialLinkState } from '../types.js';

export interface BarContext {
  words: LanguageController;
  state: SocialLinkState;
  mode: SocialLinkMode;
  label: string;
  disabled: boolean;
  open(): void;
  /** Hover, focus or touch on the button. */
  intent(): void;
  bringBack(): void;
}

export function renderBar({ words, state, mode, label, disabled, open, intent, bringBack }: BarContext) {
  const opensNew = mode === 'tab' ? words.t('opensTab') : mode === 'redirect' ? '' : words.t('opensWindow');
  return html`<div class="bar">
    <button
      part="button"
      class="button"
      type="button"
      ?disabled=${disabled}
      aria-busy=${state === 'opening' ? 'true' : 'false'}
      @click=${open}
      @pointerenter=${intent}
      @focus=${intent}
      @touchstart=${intent}
    >
      ${state === 'opening' ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
      <span part="label"><slot>${label}</slot></span>
      ${opensNew ? html`<span class="sr-only">${opensNew}</span>` : nothing}
    </button>
    ${state === 'open' && mode !== 'redirect'
      ? html`<span part="hint" class="hint">
          ${words.t(mode === 'tab' ? 'tabHint' : 'popupHint')}
          <button part="bring-back" class="link-button" type="button" @click=${bringBack}>${words.t('bringBack')}</button>
        </span>`
      : nothing}
  </div>`;
}
