// The host, its custom properties (light and dark), the button, its spinner and the hint.
import { css } from 'lit';

export const base = css`
    :host {
      --_font: var(--social-link-button-font, 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
      --_text: var(--social-link-button-color, #1f2328);
      --_muted: var(--social-link-button-muted-color, #59636e);
      --_surface: var(--social-link-button-background, #ffffff);
      --_border: var(--social-link-button-border-color, #d1d9e0);
      --_radius: var(--social-link-button-radius, 8px);
      --_accent: var(--social-link-button-accent, #0969da);
      --_accent-text: var(--social-link-button-accent-text, #ffffff);
      --_linked: var(--social-link-button-linked-color, #1a7f37);
      --_error: var(--social-link-button-error-color, #d1242f);
      --_warn: var(--social-link-button-warning-color, #d4a72c);
      --_focus: var(--social-link-button-focus-ring, #0969da);
      --_gap: var(--social-link-button-gap, 0.5rem);
      --_icon: var(--social-link-button-icon-size, 1.75rem);
      --_avatar: var(--social-link-button-avatar-size, 1.25rem);
      /* The least a control measures: 24 px (WCAG 2.5.8), 44 px for a finger. */
      --_target: 24px;

      display: block;
      font: var(--_font);
      color: var(--_text);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_text: var(--social-link-button-color, #f0f6fc);
        --_muted: var(--social-link-button-muted-color, #9198a1);
        --_surface: var(--social-link-button-background, #151b23);
        --_border: var(--social-link-button-border-color, #3d444d);
        --_accent: var(--social-link-button-accent, #1f6feb);
        --_linked: var(--social-link-button-linked-color, #3fb950);
        --_error: var(--social-link-button-error-color, #ff7b72);
        --_focus: var(--social-link-button-focus-ring, #4493f8);
      }
    }
    /* A finger: a coarse pointer, or a phone-wide viewport (where a browser may not say). */
    @media (pointer: coarse), (max-width: 30em) {
      :host {
        --_target: 44px;
      }
    }
    :host([hidden]) {
      display: none;
    }
    * {
      box-sizing: border-box;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    button,
    :host([compact]) .network {
      min-width: var(--_target);
      min-height: var(--_target);
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    .button {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-height: max(2.5rem, var(--_target));
      padding: 0.5rem 1rem;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_accent-text);
      font-weight: 600;
    }
    .button:hover:not(:disabled) {
      filter: brightness(1.08);
    }
    .button:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .button[aria-busy='true'] {
      cursor: progress;
    }
    .spinner {
      flex: none;
      width: 1em;
      height: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(1turn);
      }
    }
    .hint {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .link-button {
      padding: 0;
      border: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
    }
`;
