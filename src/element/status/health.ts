// A linked account's health, judged from the status answer's signals and this page's provider
// errors: healthy, expiring (relink within 14 days) or needs-reconnect.
import type { HealthSignals, ProfileStatus } from './status-answer.js';
import type { SocialLinkHealth } from '../types.js';

const DAY_MS = 86_400_000;
// LinkedIn must be relinked yearly; Ayrshare warns about 15 days ahead. Within 14 days of the
// date, the row asks for it.
const EXPIRING_WITHIN_MS = 14 * DAY_MS;
// The largest time a Date can hold (ECMAScript's time value range).
const MAX_DATE_MS = 8.64e15;

/** Judges one linked account's health. */
export function judgeHealth(signals: HealthSignals | undefined, providerError: boolean, now: number): SocialLinkHealth {
  if (providerError || signals?.needsReconnect || signals?.refreshRequired === true) return { state: 'needs-reconnect' };
  // The date itself when the status gives one; else whole days from today (so the same answer
  // read again gives the same date).
  const by =
    typeof signals?.refreshRequired === 'string'
      ? Date.parse(signals.refreshRequired)
      : signals?.refreshDaysRemaining !== undefined
        ? Math.floor(now / DAY_MS + signals.refreshDaysRemaining) * DAY_MS
        : undefined;
  // Outside what a Date holds, toISOString throws: such a date is no signal at all.
  if (by === undefined || !(Math.abs(by) <= MAX_DATE_MS)) return { state: 'healthy' };
  const reconnectBy = new Date(by).toISOString();
  if (by <= now) return { state: 'needs-reconnect', reconnectBy };
  return by - now <= EXPIRING_WITHIN_MS ? { state: 'expiring', reconnectBy } : { state: 'healthy', reconnectBy };
}

/** A change of one linked network's health, to announce. */
export interface HealthChange {
  id: string;
  health: SocialLinkHealth;
}

/** Every linked network's health, and what changed since the last look. */
export class HealthTracker {
  /** Networks the provider reported an error for in this page's flows (cleared by a success). */
  readonly #providerErrors = new Set<string>();

  map(status: ProfileStatus | undefined, now = Date.now()): Map<string, SocialLinkHealth> {
    const health = new Map<string, SocialLinkHealth>();
    for (const id of status?.linked ?? []) health.set(id, judgeHealth(status?.health.get(id), this.#providerErrors.has(id), now));
    return health;
  }

  /** A new status: provider errors of networks no longer linked are forgotten. */
  read(status: ProfileStatus): void {
    if (!this.#providerErrors.size) return;
    const linked = new Set(status.linked);
    for (const id of this.#providerErrors) if (!linked.has(id)) this.#providerErrors.delete(id);
  }

  /** A provider outcome; true when it made a linked network need a reconnect. */
  outcome(id: string, outcome: 'success' | 'error' | 'cancelled', status: ProfileStatus | undefined): boolean {
    if (outcome === 'success') this.#providerErrors.delete(id);
    if (outcome !== 'error' || !status?.linked.includes(id) || this.#providerErrors.has(id)) return false;
    this.#providerErrors.add(id);
    return true;
  }
}

/**
 * The networks whose health changed between `before` and `after` (a newly linked network's
 * health is part of its link), and of those, the ones whose state changed (to announce).
 */
export function healthChanges(
  before: Map<string, SocialLinkHealth>,
  after: Map<string, SocialLinkHealth>,
  added: ReadonlySet<string>,
): { changed: string[]; announce: HealthChange[] } {
  const changed: string[] = [];
  const announce: HealthChange[] = [];
  for (const [id, health] of after) {
    const old = before.get(id);
    const isNew = added.has(id) || !old;
    // By day: the date is shown as a day, and a source that recomputes it per read (to the
    // millisecond) would otherwise report a change on every refresh.
    if (!isNew && old.state === health.state && old.reconnectBy?.slice(0, 10) === health.reconnectBy?.slice(0, 10)) continue;
    if (isNew && health.state === 'healthy') continue;
    changed.push(id);
    if (old?.state !== health.state) announce.push({ id, health });
  }
  return { changed, announce };
}
