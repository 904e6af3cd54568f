// What a new status (or a provider's outcome) changed, told to the host and to the user:
// `social-link-change` and `social-link-health`, and one short announcement.
import { healthSentences, linkSentences, oneAnnouncement } from './announcements.js';
import type { LanguageController } from '../../i18n/language-controller.js';
import { HealthTracker, healthChanges } from './health.js';
import type { ProfileStatus } from './status-answer.js';
import { toNetworkId } from '../../protocol/networks.js';
import type { SocialLinkConnectDetail, SocialLinkEventMap, SocialLinkHealth } from '../types.js';

type Emit = <K extends keyof SocialLinkEventMap>(type: K, detail: SocialLinkEventMap[K]['detail']) => void;

export class StatusChanges {
  readonly health = new HealthTracker();

  readonly #words: LanguageController;
  readonly #emit: Emit;
  readonly #announce: (text: string) => void;

  constructor(words: LanguageController, emit: Emit, announce: (text: string) => void) {
    this.#words = words;
    this.#emit = emit;
    this.#announce = announce;
  }

  /** A new status: what changed since the one shown before (nothing is told the first time). */
  read(status: ProfileStatus, previous: ProfileStatus | undefined): void {
    this.health.read(status);
    if (!previous) return;
    const healthBefore = this.health.map(previous);
    const before = new Set(previous.linked);
    const now = new Set(status.linked);
    const added = status.linked.filter((id) => !before.has(id));
    const removed = previous.linked.filter((id) => !now.has(id));
    if (added.length || removed.length) {
      // A Set, not added.includes per account: with 80k ids that search took seconds.
      const wanted = new Set(added);
      const accounts = status.accounts.filter((account) => wanted.has(account.platform)).map((account) => ({ ...account }));
      this.#emit('social-link-change', { linked: [...status.linked], added, removed, accounts });
    }
    const sentences = [...linkSentences(added, removed, this.#words), ...this.#healthChanged(status, healthBefore, new Set(added))];
    if (sentences.length) this.#announce(oneAnnouncement(sentences));
  }

  /** A provider's outcome for one network: an error marks a linked network as needing a reconnect. True if health changed. */
  outcome(detail: SocialLinkConnectDetail, status: ProfileStatus | undefined): boolean {
    const id = toNetworkId(detail.network) ?? detail.network;
    const before = this.health.map(status);
    if (!this.health.outcome(id, detail.outcome, status)) return false;
    const sentences = this.#healthChanged(status, before, new Set());
    if (sentences.length) this.#announce(sentences.join(' '));
    return true;
  }

  /** Emits `social-link-health` for what changed since `before`; returns the sentences to announce. */
  #healthChanged(status: ProfileStatus | undefined, before: Map<string, SocialLinkHealth>, added: ReadonlySet<string>): string[] {
    const after = this.health.map(status);
    const { changed, announce } = healthChanges(before, after, added);
    if (changed.length) this.#emit('social-link-health', { health: Object.fromEntries(after), changed });
    return healthSentences(announce, this.#words);
  }
}
