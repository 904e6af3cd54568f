// The error box, the in-app browser notice, and reduced motion.
import { css } from 'lit';

export const feedback = css`
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
    /* In a social app's own browser: the notice, and the way out (touch-sized: phones only). */
    .in-app {
      margin: 0 0 var(--_gap);
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .in-app a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      color: var(--_accent);
    }
    .in-app-blocked {
      color: var(--_muted);
      font-size: 0.875em;
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }

    /* Compact: icons only. Each is focusable and shows its name and status as a tooltip; the
       padding leaves room for the check badge. */
`;
