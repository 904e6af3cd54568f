import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps focus in the element when an update replaces the control that had it (Continue opened
 * the popup, Unlink became "Unlinking…", Try again started over): focus goes where the action
 * said, else to a near control — never to <body>.
 */
export class FocusKeeper implements ReactiveController {
  /** Focus was inside the element when this update began. */
  #hadFocus = false;
  /** Where focus goes after this update. */
  #next: (() => HTMLElement | undefined) | undefined;

  readonly #host: ReactiveElement;
  readonly #fallback: () => HTMLElement | undefined;

  constructor(host: ReactiveElement, fallback: () => HTMLElement | undefined) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  /** After the next update, focus what `target` returns (if focus was in the element). */
  moveTo(target: () => HTMLElement | undefined): void {
    this.#next = target;
  }

  hostUpdate(): void {
    this.#hadFocus = Boolean(this.#host.shadowRoot?.activeElement);
  }

  hostUpdated(): void {
    const next = this.#next;
    this.#next = undefined;
    const root = this.#host.shadowRoot;
    if (!root) return;
    const active = document.activeElement;
    const lost = this.#hadFocus && !root.activeElement && (!active || active === document.body);
    if (next && (lost || root.activeElement)) next()?.focus();
    else if (lost) this.#fallback()?.focus();
  }
}
