// The profile endpoint's answer (docs/contract.md §3) as the element uses it: linked ids,
// accounts with only bounded text, and each account's health signals before they are judged.
import { SocialLinkFailure } from '../net/failures.js';
import { text } from '../../protocol/fields.js';
import type { DisplayNameEntry } from '../../protocol/schemas.js';
import { displayNameEntry, profileStatusAnswer } from '../../protocol/validators.js';
import { developerNotes } from '../net/developer-notes.js';
import type { LinkedAccount } from '../types.js';

/** What the status answer says of a linked account's health, before it is judged. */
export interface HealthSignals {
  refreshDaysRemaining?: number;
  /** A date by which the account must be relinked, or true when it must be now. */
  refreshRequired?: string | true;
  needsReconnect?: true;
}

export interface ProfileStatus {
  /** Linked network ids, in the answer's order, without duplicates. */
  linked: string[];
  accounts: LinkedAccount[];
  /** Health signals per linked network (only networks that carry any). */
  health: Map<string, HealthSignals>;
}

// Ayrshare counts days to a yearly relink: a value beyond ten years either way is noise (1e21
// days is no date at all), and is ignored rather than shown.
const MAX_DAYS = 3650;

function plausibleDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DAYS;
}

export function toProfileStatus(answer: unknown, endpoint = 'profile-endpoint'): ProfileStatus {
  const parsed = profileStatusAnswer.safeParse(answer);
  if (!parsed.success) {
    console.warn(developerNotes.statusAnswer(endpoint));
    throw new SocialLinkFailure({ code: 'invalid-response', text: { id: 'failedStatus' } });
  }
  const linked = [...new Set(parsed.data.activeSocialAccounts ?? [])];
  // By platform, first entry wins: one pass, not a search per network. A malformed entry (no
  // platform, not an object) drops only itself.
  const entries = new Map<string, DisplayNameEntry>();
  for (const raw of parsed.data.displayNames ?? []) {
    const entry = displayNameEntry.safeParse(raw);
    if (entry.success && !entries.has(entry.data.platform)) entries.set(entry.data.platform, entry.data);
  }
  const health = new Map<string, HealthSignals>();
  const accounts = linked.map((platform): LinkedAccount => {
    const entry = entries.get(platform);
    const signals: HealthSignals = {};
    if (plausibleDays(entry?.refreshDaysRemaining)) signals.refreshDaysRemaining = entry.refreshDaysRemaining;
    if (entry?.refreshRequired === true) signals.refreshRequired = true;
    if (typeof entry?.refreshRequired === 'string' && Number.isFinite(Date.parse(entry.refreshRequired))) {
      signals.refreshRequired = entry.refreshRequired;
    }
    if (entry?.needsReconnect === true) signals.needsReconnect = true;
    if (Object.keys(signals).length) health.set(platform, signals);
    const account: LinkedAccount = { platform };
    const username = text(entry?.username);
    // Ayrshare names Facebook pages and LinkedIn companies with `pageName`.
    const displayName = text(entry?.displayName) ?? text(entry?.pageName);
    const profileUrl = text(entry?.profileUrl);
    const userImage = text(entry?.userImage);
    if (username) account.username = username;
    if (displayName) account.displayName = displayName;
    if (profileUrl) account.profileUrl = profileUrl;
    if (userImage) account.userImage = userImage;
    return account;
  });
  return { linked, accounts, health };
}
