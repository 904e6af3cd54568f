// Compact mode (icons only, names as tooltips) and forced colours.
import { css } from 'lit';

export const compact = css`
    :host([compact]) .networks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      /* A hidden tooltip past the edge must not make a phone's page scroll sideways. */
      overflow-x: clip;
    }
    :host([compact]) .network {
      content-visibility: visible;
      position: relative;
      justify-content: center;
      padding: 0.3rem;
      border: 0;
      background: none;
    }
    /* Placed by script (view/tooltip.ts) beside the icon and inside the list's box; before it
       runs, below the icon. */
    :host([compact]) .details {
      position: absolute;
      top: var(--_tip-y, calc(100% + 0.25rem));
      left: var(--_tip-x, 0);
      z-index: 1;
      width: max-content;
      max-width: min(16rem, var(--_tip-max, 16rem));
      padding: 0.35rem 0.5rem;
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--_text);
      color: var(--_surface);
      font-size: 0.8125em;
      opacity: 0;
      pointer-events: none;
    }
    :host([compact]) .network:hover .details,
    :host([compact]) .network:focus-visible .details,
    :host([compact]) .network[data-tip='shown'] .details {
      opacity: 1;
    }
    /* Escape dismisses it (WCAG 1.4.13) until the pointer or focus leaves. */
    :host([compact]) .network[data-tip='hidden'] .details {
      opacity: 0;
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
`;
