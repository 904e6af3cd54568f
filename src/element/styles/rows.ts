// The network list: rows, icons, badges, status, account, and row actions.
import { css } from 'lit';

export const rows = css`
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
      /* Rows off screen (many elements on a page) skip style and layout until scrolled near.
         The placeholder is a row's content height (two lines: 24 + 21 px at 16 px), so
         nothing moves when one renders. */
      content-visibility: auto;
      contain-intrinsic-block-size: auto 2.8125rem;
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
      box-shadow: var(--_edge, none);
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
      /* One line: the badge moves under the name as a whole rather than wrapping into a blob. */
      white-space: nowrap;
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
    /* The text asks for its whole width (basis auto = its content): when it and the actions do
       not fit side by side, the actions wrap under it before the text is squeezed or cut. */
    .details {
      display: grid;
      flex: 1 1 auto;
      min-width: 0;
      /* Always beside the icon: a long title wraps its badge under the name instead. */
      max-width: calc(100% - var(--_icon) - 0.75rem);
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
    /* A link in the account's line, as tall as 24 px without making the line taller. */
    .account a {
      padding-block: 2px;
      margin-block: -2px;
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
`;
