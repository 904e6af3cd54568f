// The element's styles: one sheet per concern, and the brand colours as rules keyed by
// data-network (no inline style attributes, so strict style-src CSPs are fine).
import { unsafeCSS } from 'lit';
import { NETWORK_IDS, NETWORKS } from '../networks.js';
import { base } from './base.js';
import { compact } from './compact.js';
import { feedback } from './feedback.js';
import { rows } from './rows.js';

const brandRules = unsafeCSS(
  NETWORK_IDS.map((id) => `[data-network='${id}']{--_brand:${NETWORKS[id].color};--_ink:${NETWORKS[id].ink}}`).join(''),
);

export const styles = [base, rows, feedback, compact, brandRules];
