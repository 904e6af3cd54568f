// Facts about the linking URL that the element, the handlers and the simulator share
// (docs/contract.md §3 and §6).

/** How long a linking URL lives when the host sets no `expiresIn`: Ayrshare's default. */
export const LINK_LIFETIME_MS = 5 * 60_000;

/** Ayrshare's own linking page; white-labelled hosts are added through `allowed-hosts`. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['profile.ayrshare.com'];
