// The element's styles: one sheet per concern, and the brand colours as rules keyed by
// data-network (no inline style attributes, so strict style-src CSPs are fine).
import { unsafeCSS } from 'lit';
import { NETWORK_IDS, NETWORKS } from '../../protocol/networks.js';
import { base } from './base.js';
import { compact } from './compact.js';
import { feedback } from './feedback.js';
import { rows } from './rows.js';

// Near-black tiles (X, Threads, TikTok) vanish on a dark surface and Snapchat's yellow on a light
// one: those get an edge in the muted text colour, which keeps >= 3:1 against the surface in
// either scheme (and follows the host's custom properties).
const EDGED = ['threads', 'tiktok', 'twitter', 'snapchat'];

const brandRules = unsafeCSS(
  NETWORK_IDS.map((id) => `[data-network='${id}']{--_brand:${NETWORKS[id].color};--_ink:${NETWORKS[id].ink}${EDGED.includes(id) ? ';--_edge:inset 0 0 0 1px var(--_muted)' : ''}}`).join(''),
);

export const styles = [base, rows, feedback, compact, brandRules];
