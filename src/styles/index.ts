// The element's styles: one sheet per concern, and the brand colours as rules keyed by
// data-network (no inline style attributes, so strict style-src CSPs are fine).
import { unsafeCSS } from 'lit';
import { NETWORK_IDS, NETWORKS } from '../networks.js';
import { base } from './base.js';
import { compact } from './compact.js';
import { feedback } from './feedback.js';
import { rows } from './rows.js';

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// Near-black tiles (X, Threads, TikTok) vanish on a dark surface and near-white or yellow ones
// (Snapchat) on a light one: those get an edge in the muted text colour, which keeps >= 3:1
// against the surface in either scheme (and follows the host's custom properties).
const edge = (color: string) => {
  const l = luminance(color);
  return l < 0.05 || l > 0.75 ? ';--_edge:inset 0 0 0 1px var(--_muted)' : '';
};

const brandRules = unsafeCSS(
  NETWORK_IDS.map((id) => `[data-network='${id}']{--_brand:${NETWORKS[id].color};--_ink:${NETWORKS[id].ink}${edge(NETWORKS[id].color)}}`).join(''),
);

export const styles = [base, rows, feedback, compact, brandRules];
