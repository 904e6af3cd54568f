// The simulator's health switch: marks linked accounts as due for renewal (`expiring`, with a
// fixed relink date and a `refresh` webhook) or broken (`needs-reconnect`), or healthy again.
import { isNetworkId } from '../protocol/networks.js';
import { EXPIRING_DAYS, seedAccount, type SimulatorState } from './state.js';

export function applyHealth(state: SimulatorState, health: unknown, profileKey: string): void {
  const { settings, healthDates, profiles, socialEvent } = state;
  if (typeof health === 'object' && health !== null && !Array.isArray(health)) {
    for (const [network, wanted] of Object.entries(health as Record<string, unknown>)) {
      if (!isNetworkId(network)) continue;
      if (wanted === 'healthy') {
        delete settings.health[network];
        delete healthDates[network];
      }
      if (wanted !== 'expiring' && wanted !== 'needs-reconnect') continue;
      // The relink date is fixed when the switch is turned on: every read gives the same one,
      // as Ayrshare's would (a date recomputed per read looked like a change on each refresh).
      if (wanted === 'expiring' && settings.health[network] !== 'expiring') {
        healthDates[network] = new Date(Date.now() + EXPIRING_DAYS * 86_400_000).toISOString();
        socialEvent(profileKey, 'refresh', 'system', network, healthDates[network]);
      }
      if (wanted !== 'expiring') delete healthDates[network];
      settings.health[network] = wanted;
      const accounts = profiles.get(profileKey)?.accounts;
      if (accounts && !accounts.has(network)) accounts.set(network, seedAccount(network));
    }
  }
}
