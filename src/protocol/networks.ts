import { toList } from './list.js';
/** Network ids exactly as Ayrshare names them (docs/contract.md §4), in their default order. */
export const NETWORK_IDS = [
  'bluesky',
  'facebook',
  'gmb',
  'instagram',
  'linkedin',
  'pinterest',
  'reddit',
  'snapchat',
  'telegram',
  'threads',
  'tiktok',
  'twitter',
  'youtube',
] as const;

export type NetworkId = (typeof NETWORK_IDS)[number];

export interface NetworkInfo {
  readonly name: string;
  /** Tile colour. */
  readonly color: string;
  /** Glyph colour on the tile. */
  readonly ink: string;
}

export const NETWORKS: Record<NetworkId, NetworkInfo> = {
  bluesky: { name: 'Bluesky', color: '#1185FE', ink: '#fff' },
  facebook: { name: 'Facebook', color: '#0866FF', ink: '#fff' },
  gmb: { name: 'Google Business Profile', color: '#4285F4', ink: '#fff' },
  instagram: { name: 'Instagram', color: '#FF0069', ink: '#fff' },
  linkedin: { name: 'LinkedIn', color: '#0A66C2', ink: '#fff' },
  pinterest: { name: 'Pinterest', color: '#BD081C', ink: '#fff' },
  reddit: { name: 'Reddit', color: '#FF4500', ink: '#fff' },
  snapchat: { name: 'Snapchat', color: '#FFFC00', ink: '#000' },
  telegram: { name: 'Telegram', color: '#26A5E4', ink: '#fff' },
  threads: { name: 'Threads', color: '#000000', ink: '#fff' },
  tiktok: { name: 'TikTok', color: '#000000', ink: '#fff' },
  twitter: { name: 'X', color: '#000000', ink: '#fff' },
  youtube: { name: 'YouTube', color: '#FF0000', ink: '#fff' },
};

// Names people type for a network that Ayrshare spells differently. A Map, not an object
// literal: ids come from outside, and `constructor` or `__proto__` must not find inherited keys.
const ALIASES = new Map<string, NetworkId>([
  ['x', 'twitter'],
  ['google', 'gmb'],
  ['googlebusiness', 'gmb'],
  ['googlebusinessprofile', 'gmb'],
  ['google-business-profile', 'gmb'],
]);

export function isNetworkId(value: unknown): value is NetworkId {
  return typeof value === 'string' && (NETWORK_IDS as readonly string[]).includes(value);
}

/** Maps one user-typed network name to its Ayrshare id, or undefined when unknown. */
export function toNetworkId(value: string): NetworkId | undefined {
  const key = value.trim().toLowerCase();
  if (isNetworkId(key)) return key;
  return ALIASES.get(key);
}

/** The name people know a network by (`X` for `twitter`); an unknown id is its own name. */
export function networkName(id: string): string {
  const known = toNetworkId(id);
  return known ? NETWORKS[known].name : id;
}

/**
 * The networks an element shows for its `networks` setting, in order, without duplicates: known
 * names map to Ayrshare's ids (x → twitter); an id we do not know is still shown when listed
 * (docs/contract.md §3: unknown ids are rendered only if listed), with a generic icon. Unset: every network.
 */
export function networksToShow(networks: readonly string[] | string | undefined): string[] {
  const listed = toList(networks);
  const ids = (listed.length ? listed : NETWORK_IDS).map((id) => toNetworkId(id) ?? id.trim().toLowerCase()).filter(Boolean);
  return [...new Set(ids)];
}

/**
 * What `open(network)` is for: '' (every network shown) when no network is given, else the
 * Ayrshare id of a known name (`LinkedIn`, `x`) or an id the element lists in `networks`.
 * Undefined for anything else: a value of another type never reaches a request body.
 */
export function openScope(value: unknown, shown: readonly string[]): string | undefined {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string') return undefined;
  const id = toNetworkId(value) ?? value.trim().toLowerCase();
  return isNetworkId(id) || shown.includes(id) ? id : undefined;
}
