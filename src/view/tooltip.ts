// Compact mode's tooltip (a row's name and status): beside its icon, inside the icon list's box,
// so it never leaves the element or covers the button above the list.

const GAP = 4;

/** Places `row`'s tooltip beside its icon (inline end first, else start), clamped to the list. */
export function placeTip(row: HTMLElement): void {
  const tip = row.querySelector<HTMLElement>('.details');
  const list = row.parentElement;
  if (!tip || !list) return;
  const area = list.getBoundingClientRect();
  const at = row.getBoundingClientRect();
  // CSSOM, not a style attribute: allowed under a strict style-src.
  row.style.setProperty('--_tip-max', `${Math.max(0, area.width)}px`);
  const size = tip.getBoundingClientRect();
  const rtl = getComputedStyle(row).direction === 'rtl';
  const after = rtl ? at.left - GAP - size.width : at.right + GAP;
  const before = rtl ? at.right + GAP : at.left - GAP - size.width;
  const fits = (left: number) => left >= area.left - 0.5 && left + size.width <= area.right + 0.5;
  const left = fits(after) ? after : fits(before) ? before : clamp(after, area.left, area.right - size.width);
  // Centred on the icon's row, moved into the list when near its top or bottom edge; a tooltip
  // taller than the list starts at its top (it may then reach below, never over the button).
  const top = clamp(at.top + (at.height - size.height) / 2, area.top, Math.max(area.top, area.bottom - size.height));
  row.style.setProperty('--_tip-x', `${left - at.left}px`);
  row.style.setProperty('--_tip-y', `${top - at.top}px`);
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));
