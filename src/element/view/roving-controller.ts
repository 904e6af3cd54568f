import type { ReactiveController, ReactiveElement } from 'lit';

/** The element: its shadow root, and its `open(network)`. */
type Host = ReactiveElement & { open(network?: string): void };

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
const iconOf = (event: Event) => (event.target as Element).closest?.<HTMLElement>('li[role="option"]') ?? undefined;

/**
 * Compact mode's icons as one list box (WAI-ARIA listbox pattern, roving tabindex): a single tab
 * stop that remembers the last icon; arrow keys move between icons (mirrored right to left),
 * Home and End go to the first and last; Enter, Space or a click opens that network's Link or
 * Reconnect (rows marked data-link), or else shows its name and status; Escape hides that
 * tooltip again. Listens on the shadow root, once: the rows carry no listeners of their own.
 */
export class RovingController implements ReactiveController {
  /** The network whose icon is the tab stop (undefined: the first). */
  current: string | undefined;
  #wired = false;

  constructor(readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#wired) return;
    this.#wired = true;
    const root = this.host.renderRoot;
    const on = (type: string, handle: (row: HTMLElement, event: Event) => void) =>
      root.addEventListener(type, (event) => {
        const row = iconOf(event);
        if (row) handle(row, event);
      });
    on('keydown', (row, event) => this.keydown(event as KeyboardEvent, row));
    on('click', (row) => this.activate(row));
    on('focusin', (row) => this.shown(row));
    on('pointerover', (row) => this.shown(row));
    on('focusout', (row) => delete row.dataset.tip);
    on('pointerout', (row, event) => {
      if (!row.contains((event as PointerEvent).relatedTarget as Node | null)) delete row.dataset.tip;
    });
  }

  /** The tabindex of `id`'s icon among `ids` (the shown networks, in order). */
  tabIndex(id: string, ids: readonly string[]): '0' | '-1' {
    return id === (ids.includes(this.current!) ? this.current : ids[0]) ? '0' : '-1';
  }

  /** Focus or hover on an icon: focus makes it the tab stop; its tooltip is placed. */
  shown(row: HTMLElement): void {
    if (row.matches(':focus') && row.dataset.network !== this.current) {
      this.current = row.dataset.network;
      this.host.requestUpdate();
    }
    placeTip(row);
  }

  /** A key on `row`'s icon. */
  keydown(event: KeyboardEvent, row: HTMLElement): void {
    const { key } = event;
    if (key === 'Escape') row.dataset.tip = 'hidden';
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      this.activate(row);
    }
    const rows = [...row.parentElement!.children] as HTMLElement[];
    const at = rows.indexOf(row);
    const mirrored = getComputedStyle(row).direction === 'rtl' && (key === 'ArrowLeft' || key === 'ArrowRight');
    const step = (STEP[key] ?? 0) * (mirrored ? -1 : 1);
    const next = step ? rows[(at + step + rows.length) % rows.length] : key === 'Home' ? rows[0] : key === 'End' ? rows.at(-1) : undefined;
    if (!next) return;
    event.preventDefault();
    next.tabIndex = 0;
    row.tabIndex = -1;
    next.focus();
  }

  /** Enter, Space or a click on `row`'s icon. */
  activate(row: HTMLElement): void {
    if (row.hasAttribute('data-link')) return this.host.open(row.dataset.network);
    row.dataset.tip = 'shown';
    placeTip(row);
  }
}

/**
 * Places `row`'s tooltip (its name and status) beside the icon, inside the icon list's box: never
 * outside the element or over the button above the list. CSSOM, not a style attribute: allowed
 * under a strict style-src.
 */
function placeTip(row: HTMLElement): void {
  const tip = row.querySelector<HTMLElement>('.details')!;
  const area = row.parentElement!.getBoundingClientRect();
  const at = row.getBoundingClientRect();
  const set = (name: string, px: number) => row.style.setProperty(name, `${px}px`);
  set('--_tip-max', area.width);
  const { width, height } = tip.getBoundingClientRect();
  // After the icon (in reading order) when that fits, else before it, else as near as fits.
  const after = getComputedStyle(row).direction === 'rtl' ? at.left - 4 - width : at.right + 4;
  const before = after > at.left ? at.left - 4 - width : at.right + 4;
  const fits = (x: number) => x >= area.left && x + width <= area.right;
  const x = fits(after) ? after : fits(before) ? before : Math.max(area.left, Math.min(after, area.right - width));
  // Centred on the icon, moved into the list near its edges (a tooltip taller than the list
  // starts at its top: it may reach below, never over the button).
  const y = Math.max(area.top, Math.min(at.top + (at.height - height) / 2, area.bottom - height));
  set('--_tip-x', x - at.left);
  set('--_tip-y', y - at.top);
}
