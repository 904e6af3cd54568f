import { css, unsafeCSS } from 'lit';
import { NETWORK_IDS, NETWORKS } from './networks.js';

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
    .networks {
      display: grid;
      gap: var(--_gap);
      margin: var(--_gap) 0 0;
      padding: 0;
      list-style: none;
    }
    /* Icon, then name over status; actions (Unlink, its confirmation) wrap under the text when
       the row is narrow instead of squeezing it. Every row is two lines tall from the first
       render, so nothing shifts when the status arrives. */
    .network {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      min-width: 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .network:focus {
      outline: none;
    }
    .network:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
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
    }
    .icon svg {
      width: 60%;
      height: 60%;
      fill: currentColor;
    }
    /* Not linked: the glyph in the muted text colour on the row (>= 4.5:1 in both schemes),
       never a faded brand colour (Snapchat's yellow would vanish). */
    .network:not([data-linked]) .icon {
      background: transparent;
      color: var(--_muted);
      box-shadow: inset 0 0 0 1px var(--_border);
    }
    .badge {
      position: absolute;
      inset-inline-end: -0.3rem;
      bottom: -0.3rem;
      width: 0.9rem;
      height: 0.9rem;
      border-radius: 50%;
      background: var(--_linked);
      color: #fff;
      box-shadow: 0 0 0 2px var(--_surface);
    }
    .badge.warn {
      background: var(--_warn);
      color: #1f2328;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5rem;
    }
    .health {
      padding: 0 0.4rem;
      font-size: 0.75em;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_warn) 22%, transparent);
      color: var(--_text);
      font-weight: 600;
    }
    .network[data-health='needs-reconnect'] .health {
      background: color-mix(in srgb, var(--_error) 18%, transparent);
    }
    .badge svg {
      display: block;
      width: 100%;
      height: 100%;
      fill: none;
      stroke: currentColor;
      stroke-width: 3;
    }
    .details {
      display: grid;
      flex: 1 1 7rem;
      min-width: 0;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .sub {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      min-width: 0;
      min-height: max(var(--_avatar), 1.5em);
      color: var(--_muted);
      font-size: 0.875em;
    }
    .status {
      flex: none;
    }
    .network[data-linked] .status {
      color: var(--_linked);
      font-weight: 600;
    }
    /* "Checking…" is plain muted text: an animation on every row of every element cost a
       quarter of the first render with 200 elements (bench). */
    .pending {
      font-style: italic;
    }
    .account {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      min-width: 0;
    }
    .account::before {
      content: '·' / '';
    }
    .account .who,
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
    .actions {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 0.35rem 0.5rem;
      margin-inline-start: auto;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .confirm-buttons {
      display: inline-flex;
      gap: 0.35rem;
    }
    .small {
      padding: 0.2rem 0.6rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_text);
      font-size: inherit;
    }
    .small:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }
    .small.primary {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_accent-text);
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
    .network .error {
      flex: 1 1 100%;
      margin: 0;
    }
    .error:focus {
      outline: none;
    }
    .retry {
      padding: 0.25rem 0.75rem;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }

    /* Compact: icons only. Each is focusable and shows its name and status as a tooltip; the
       padding leaves room for the check badge. */
    :host([compact]) .networks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    :host([compact]) .network {
      position: relative;
      padding: 0.3rem;
      border: 0;
      background: none;
    }
    :host([compact]) .details {
      position: absolute;
      bottom: calc(100% + 0.25rem);
      left: 50%;
      z-index: 1;
      width: max-content;
      max-width: 16rem;
      padding: 0.35rem 0.5rem;
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_text);
      color: var(--_surface);
      font-size: 0.8125em;
      opacity: 0;
      pointer-events: none;
      transform: translateX(-50%);
    }
    :host([compact]) .network:hover .details,
    :host([compact]) .network:focus-visible .details {
      opacity: 1;
    }
    :host([compact]) .sub,
    :host([compact]) .network[data-linked] .status {
      min-height: 0;
      color: inherit;
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
