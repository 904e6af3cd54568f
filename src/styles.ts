import { css, unsafeCSS } from 'lit';
import { NETWORK_IDS, NETWORKS } from './internal/networks.js';

// Brand colours as rules keyed by data-network: no inline style attributes, so strict
// style-src CSPs are fine.
const brandRules = unsafeCSS(
  NETWORK_IDS.map(
    (id) => `[data-network='${id}']{--_brand:${NETWORKS[id].color};--_ink:${NETWORKS[id].ink}}`,
  ).join(''),
);

export const styles = [
  css`
    :host {
      --_font: var(--social-link-button-font, inherit);
      --_text: var(--social-link-button-color, #1f2328);
      --_muted: var(--social-link-button-muted-color, #59636e);
      --_surface: var(--social-link-button-background, #ffffff);
      --_border: var(--social-link-button-border-color, #d1d9e0);
      --_radius: var(--social-link-button-radius, 8px);
      --_accent: var(--social-link-button-accent, #0969da);
      --_accent-text: var(--social-link-button-accent-text, #ffffff);
      --_linked: var(--social-link-button-linked-color, #1a7f37);
      --_error: var(--social-link-button-error-color, #d1242f);
      --_focus: var(--social-link-button-focus-ring, #0969da);
      --_gap: var(--social-link-button-gap, 0.5rem);
      --_icon: var(--social-link-button-icon-size, 1.75rem);
      --_avatar: var(--social-link-button-avatar-size, 1.25rem);

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
    button {
      font: inherit;
      cursor: pointer;
    }
    button:focus-visible,
    a:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .button {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      min-height: 2.5rem;
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
    .networks {
      display: grid;
      gap: var(--_gap);
      margin: var(--_gap) 0 0;
      padding: 0;
      list-style: none;
    }
    .network {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-width: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .icon {
      position: relative;
      flex: none;
      display: grid;
      place-items: center;
      width: var(--_icon);
      height: var(--_icon);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_brand, #59636e);
      color: var(--_ink, #fff);
      box-shadow: inset 0 0 0 1px rgb(255 255 255 / 0.15);
    }
    .icon svg {
      width: 60%;
      height: 60%;
      fill: currentColor;
    }
    .network:not([data-linked]) .icon {
      filter: grayscale(1);
      opacity: 0.55;
    }
    .badge {
      position: absolute;
      right: -0.3rem;
      bottom: -0.3rem;
      width: 0.9rem;
      height: 0.9rem;
      border-radius: 50%;
      background: var(--_linked);
      color: #fff;
      box-shadow: 0 0 0 2px var(--_surface);
    }
    .badge svg {
      display: block;
      width: 100%;
      height: 100%;
      fill: none;
      stroke: currentColor;
      stroke-width: 3;
    }
    .text {
      display: grid;
      flex: 1;
      min-width: 0;
    }
    .name {
      font-weight: 600;
    }
    .account {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      min-width: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .account span,
    .account a {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .account a {
      color: inherit;
    }
    .avatar {
      flex: none;
      width: var(--_avatar);
      height: var(--_avatar);
      border-radius: 50%;
      object-fit: cover;
    }
    .status {
      flex: none;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .network[data-linked] .status {
      color: var(--_linked);
      font-weight: 600;
    }
    .unlink {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .small {
      padding: 0.2rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_text);
      font-size: 0.875em;
    }
    .small:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .danger {
      border-color: var(--_error);
      color: var(--_error);
    }
    .error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-top: var(--_gap);
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_error);
      border-radius: var(--_radius);
      color: var(--_error);
    }
    .retry {
      padding: 0.25rem 0.75rem;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
    }

    /* Compact: icons only; names are the tooltips and accessible names. */
    :host([compact]) .networks {
      display: flex;
      flex-wrap: wrap;
    }
    :host([compact]) .network {
      padding: 0;
      border: 0;
      background: none;
    }
    :host([compact]) .text,
    :host([compact]) .status,
    :host([compact]) .unlink,
    :host([compact]) .small {
      display: none;
    }

    @media (forced-colors: active) {
      .icon {
        forced-color-adjust: none;
        background: Canvas;
        color: CanvasText;
        border: 1px solid CanvasText;
      }
      .network:not([data-linked]) .icon {
        color: GrayText;
        border-color: GrayText;
        filter: none;
        opacity: 1;
      }
      .badge {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
        box-shadow: 0 0 0 2px Canvas;
      }
      .network[data-linked] .status {
        color: CanvasText;
      }
      .error {
        color: CanvasText;
        border-color: CanvasText;
      }
      .button {
        border-color: ButtonText;
      }
    }
  `,
  brandRules,
];
