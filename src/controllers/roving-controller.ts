import type { ReactiveElement } from 'lit';
import { placeTip } from '../view/tooltip.js';

/** Opens a network's Link or Reconnect; undefined when linking is not possible for it. */
export type IconAction = (() => void) | undefined;

/**
 * Compact mode's icons as one list box (WAI-ARIA listbox pattern, roving tabindex): a single tab stop that
 * remembers the last icon; arrow keys move between icons (mirrored right to left), Home and End
 * go to the first and last; Enter or Space opens that network's Link or Reconnect, or else shows
 * its name and status; Escape hides that tooltip again.
 */
export class RovingController {
  /** The network whose icon is the tab stop (undefined: the first). */
  #current: string | undefined;
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  /** The tabindex of `id`'s icon among `ids` (the shown networks, in order). */
  tabIndex(id: string, ids: readonly string[]): '0' | '-1' {
    const current = this.#current !== undefined && ids.includes(this.#current) ? this.#current : ids[0];
    return id === current ? '0' : '-1';
  }

  /** Focus or hover on an icon: it becomes the tab stop, and its tooltip is placed. */
  shown(row: HTMLElement): void {
    const id = row.dataset.network;
    if (id !== undefined && row.matches(':focus') && id !== this.#current) {
      this.#current = id;
      this.#host.requestUpdate();
    }
    placeTip(row);
  }

  /** A key on `row`'s icon. */
  keydown(event: KeyboardEvent, row: HTMLElement, action: IconAction): void {
    const id = row.dataset.network ?? '';
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(row, action);
      return;
    }
    if (event.key === 'Escape') {
      row.dataset.tip = 'hidden';
      return;
    }
    const rows = [...(row.parentElement?.querySelectorAll<HTMLElement>(':scope > li[data-network]') ?? [])];
    const at = rows.indexOf(row);
    const rtl = getComputedStyle(row).direction === 'rtl';
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 };
    let next: number | undefined;
    if (event.key in step) next = (at + (step[event.key] ?? 0) + rows.length) % rows.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = rows.length - 1;
    const target = next === undefined ? undefined : rows[next];
    if (!target || at < 0) return;
    event.preventDefault();
    this.#current = target.dataset.network ?? id;
    target.tabIndex = 0;
    row.tabIndex = -1;
    target.focus();
    this.#host.requestUpdate();
  }

  /** Enter, Space or a click on `row`'s icon. */
  activate(row: HTMLElement, action: IconAction): void {
    if (action) return action();
    row.dataset.tip = 'shown';
    placeTip(row);
  }

  /** Focus or the pointer left the icon: its tooltip goes back to following hover and focus. */
  left(row: HTMLElement): void {
    delete row.dataset.tip;
  }
}
