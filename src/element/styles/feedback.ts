// The error box, and reduced motion.
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
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }

    /* Compact: icons only. Each is focusable and shows its name and status as a tooltip; the
       padding leaves room for the check badge. */
`;
