// The demo's live status (simulator mode): the simulator's signed `social` webhooks reach the
// reference `webhook` handler at /api/social/webhook, and open pages hear of every change through
// the `events` handler at /api/social/events. The signing secret is made once into the data
// folder (`webhook-secret`, like the profile secret). The hook is registered on the simulator's
// primary profile, whose hook gets the events of every profile without one of its own, so the
// users' profiles, made later by the directory, need no registration each.
// The real Ayrshare: nothing is registered automatically (a registration replaces the account's
// hook); docs/going-live.md, "Webhooks", says how to register by hand.
import type { SocialEvent, WebhookOptions } from '../src/entries/server.js';
import { SIMULATOR_API_KEY } from '../src/simulator/simulator.js';
import { DEMO_USERS, type DemoUsers } from './demo-users.js';

export const WEBHOOK_PATH = '/api/social/webhook';
export const EVENTS_PATH = '/api/social/events';

/** The `webhook` option: the folder's secret; each accepted delivery is told in the event feed. */
export function demoWebhookOptions(users: DemoUsers): WebhookOptions {
  return {
    secret: users.webhookSecret,
    // Only signed, fresh, first-seen deliveries get here.
    onSocialEvent(event: SocialEvent, { userId }) {
      const who = DEMO_USERS.find((u) => u.id === userId)?.name ?? 'no demo user';
      const source = event.source === 'system' ? ' by Ayrshare (system)' : '';
      users.note(`webhook (signature checked): ${event.platform ?? 'a network'} ${event.type}${source} for ${who}`);
    },
  };
}

/**
 * Registers the demo's webhook with the simulator once the dev server's port is known. A failure
 * is told in the event feed and on the console; the demo runs on (pages still refresh on focus).
 */
export async function registerDemoWebhook(users: DemoUsers, port: number): Promise<string | undefined> {
  const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  try {
    const answer = await fetch(`${users.simulator.apiUrl}/hook/webhook`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SIMULATOR_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'social', url, secret: users.webhookSecret }),
    });
    await answer.body?.cancel();
    if (!answer.ok) throw new Error(`the simulator answered ${answer.status}`);
    users.note(`webhook registered with the simulator: ${url}`);
    return url;
  } catch (error) {
    users.note(`webhook not registered (${(error as Error).message}): pages update on focus only`);
    return undefined;
  }
}
