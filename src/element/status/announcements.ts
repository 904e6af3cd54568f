// What the live region says when the status changes: one short announcement, however large
// the change ("X and LinkedIn linked.", "LinkedIn needs reconnecting by Dec 2.").
import type { LanguageController } from '../../i18n/language-controller.js';
import type { HealthChange } from './health.js';
import { networkName } from '../../protocol/networks.js';

/** "X and LinkedIn linked." / "Facebook unlinked." — a list in the element's language, capped to a few names. */
export function linkSentences(added: string[], removed: string[], words: LanguageController): string[] {
  const names = (ids: string[]) => words.list(ids.slice(0, 4).map(networkName).concat(ids.length > 4 ? ['…'] : []));
  const sentences: string[] = [];
  if (added.length) sentences.push(words.t('nowLinked', { names: names(added) }));
  if (removed.length) sentences.push(words.t('nowUnlinked', { names: names(removed) }));
  return sentences;
}

/** One sentence per network whose health state changed. */
export function healthSentences(changes: HealthChange[], words: LanguageController): string[] {
  return changes.map(({ id, health }) => {
    const name = networkName(id);
    if (health.state === 'needs-reconnect') return words.t('nowBroken', { name });
    if (health.state === 'expiring') return words.t('nowExpiring', { name, date: words.date(health.reconnectBy) });
    return words.t('nowHealthy', { name });
  });
}

/** At most three sentences, then "…". */
export function oneAnnouncement(sentences: string[]): string {
  return sentences.length > 3 ? `${sentences.slice(0, 3).join(' ')} …` : sentences.join(' ');
}
