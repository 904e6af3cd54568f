// The simulated webhooks, as ../shared/AYRSHARE.md describes Ayrshare's: registration
// (`POST/DELETE/GET /api/hook/webhook`, a profile's hook winning over the primary's), a secret
// per profile rotated with `POST /api/hook/webhook/secret` (for the grace window deliveries carry
// the old secret's signature and the new one's as -V2), and signed `social` deliveries on link,
// unlink (user or system) and refresh, retried after a failure with the same hookId. Unlike
// Ayrshare, http://127.0.0.1 and http://localhost hook URLs are accepted, for tests and the demo.
import { randomBytes } from 'node:crypto';
import { isNetworkId, type NetworkId } from '../protocol/networks.js';
import { readJsonObject } from '../server/http/body.js';
import { json } from '../server/http/responses.js';
import { linkingUrl } from '../server/ayrshare/outbound.js';
import { sign } from '../server/live/signature.js';
import { apiError, type SimulatorState } from './state.js';

export type SocialType = 'link' | 'unlink' | 'refresh';

/** One attempt at a delivery, as the simulator records it. */
export interface WebhookDelivery {
  hookId: string;
  url: string;
  attempt: number;
  type: SocialType;
  source: 'user' | 'system';
  platform: NetworkId;
  /** The receiver's status; 0 when it was not reached (or `webhookFailFirst` lost it). */
  status: number;
}

interface Hook {
  url: string;
  created: string;
}

interface Signing {
  secret: string;
  previous?: string;
  previousUntil?: number;
}

const PRIMARY = '';
const DELIVERY_TIMEOUT_MS = 10_000;

const validSecret = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 256;

export function simulatedWebhooks(state: SimulatorState) {
  const { profiles, settings } = state;
  /** Owner (a Profile Key, or '' for the primary profile) → action → hook. */
  const hooks = new Map<string, Map<string, Hook>>();
  const signing = new Map<string, Signing>();
  const deliveries: WebhookDelivery[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const primaryRefId = randomBytes(20).toString('hex');

  function reset() {
    hooks.clear();
    signing.clear();
    deliveries.length = 0;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  }

  function later(ms: number, work: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      work();
    }, ms);
    timer.unref?.();
    timers.add(timer);
  }

  // https, or http on this machine: the rule the handlers hold linking URLs to.
  const hookUrl = (value: unknown) => (typeof value === 'string' && value.length <= 2048 ? linkingUrl(value) : undefined);

  async function api(request: Request, path: string): Promise<Response | undefined> {
    if (path !== '/hook/webhook' && path !== '/hook/webhook/secret') return undefined;
    const action = 'webhook';
    if (request.headers.get('authorization') !== `Bearer ${state.apiKey}`) {
      return apiError(401, 'authorization', 102, 'API Key not valid. Check your Authorization header.');
    }
    const key = request.headers.get('profile-key');
    const profile = key === null ? undefined : profiles.get(key);
    if (key !== null && !profile) return apiError(401, action, 188, 'Profile-Key missing or not valid.');
    const owner = key ?? PRIMARY;
    const refId = profile?.refId ?? primaryRefId;
    const body = request.method === 'GET' ? {} : await readJsonObject(request);
    if (!body) return apiError(400, action, 101, 'Body is not valid JSON.');
    const own = hooks.get(owner) ?? new Map<string, Hook>();
    if (path === '/hook/webhook/secret' && request.method === 'POST') {
      if (!validSecret(body.secret)) return apiError(400, action, 101, 'A secret is required.');
      const current = signing.get(owner)?.secret;
      signing.set(owner, current ? { secret: body.secret, previous: current, previousUntil: Date.now() + settings.webhookRotationGraceMs } : { secret: body.secret });
      return json(200, { status: 'success', refId });
    }
    if (path !== '/hook/webhook') return apiError(404, action, 404, 'Not found.');
    if (request.method === 'GET') {
      return json(200, { status: 'success', refId, webhooks: [...own].map(([name, hook]) => ({ action: name, url: hook.url, created: hook.created })) });
    }
    const name = typeof body.action === 'string' && /^[a-z]{1,30}$/.test(body.action) ? body.action : undefined;
    if (!name) return apiError(400, action, 101, 'A valid action is required.');
    if (request.method === 'DELETE') {
      if (!own.delete(name)) return apiError(404, action, 404, 'No webhook registered for this action.');
      return json(200, { status: 'success', action: name, refId });
    }
    if (request.method !== 'POST') return apiError(404, action, 404, 'Not found.');
    const url = hookUrl(body.url);
    if (!url) return apiError(400, action, 101, 'The url must be https.');
    if (body.secret !== undefined) {
      if (!validSecret(body.secret)) return apiError(400, action, 101, 'Secret not valid.');
      signing.set(owner, { secret: body.secret });
    }
    own.set(name, { url, created: new Date().toISOString() });
    hooks.set(owner, own);
    return json(200, { status: 'success', action: name, url, refId });
  }

  async function headersFor(body: string, owner: string, hookId: string, attempt: number): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-Authorization-Timestamp': String(Math.floor(Date.now() / 1000)),
      'X-Ayrshare-Delivery-Id': hookId,
      'X-Ayrshare-Delivery-Attempt': String(attempt + 1),
    };
    const keys = signing.get(owner);
    if (!keys) return headers;
    const encoding = settings.webhookEncoding;
    const rotating = keys.previous !== undefined && (keys.previousUntil ?? 0) > Date.now();
    headers['X-Authorization-Content-SHA256'] = await sign(body, rotating ? (keys.previous as string) : keys.secret, encoding);
    if (rotating) headers['X-Authorization-Content-SHA256-V2'] = await sign(body, keys.secret, encoding);
    return headers;
  }

  async function attempt(record: Omit<WebhookDelivery, 'attempt' | 'status'>, body: string, owner: string, n: number): Promise<boolean> {
    let status = 0;
    if (!(settings.webhookFailFirst && n === 0)) {
      try {
        const answer = await fetch(record.url, {
          method: 'POST',
          body,
          headers: await headersFor(body, owner, record.hookId, n),
          redirect: 'manual',
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        });
        status = answer.status;
        await answer.body?.cancel();
      } catch {
        status = 0;
      }
    }
    deliveries.push({ ...record, attempt: n + 1, status });
    if (deliveries.length > 1000) deliveries.shift();
    return status >= 200 && status < 300;
  }

  function send(record: Omit<WebhookDelivery, 'attempt' | 'status'>, body: string, owner: string, n = 0) {
    void attempt(record, body, owner, n).then((ok) => {
      const delay = settings.webhookRetryDelaysMs[n];
      if (!ok && delay !== undefined) later(delay, () => send(record, body, owner, n + 1));
    });
  }

  /** A `social` event for `profileKey`'s profile, to its hook or else the primary's. */
  function socialEvent(profileKey: string, type: SocialType, source: 'user' | 'system', platform: NetworkId, refreshBy?: string) {
    const profile = profiles.get(profileKey);
    if (!profile) return;
    const owner = hooks.get(profileKey)?.has('social') ? profileKey : PRIMARY;
    const hook = hooks.get(owner)?.get('social');
    if (!hook) return;
    const hookId = randomBytes(12).toString('hex');
    const body = JSON.stringify({
      action: 'social',
      type,
      source,
      platform,
      refId: profile.refId,
      title: profile.title,
      displayName: profile.accounts.get(platform)?.displayName ?? '',
      hookId,
      created: new Date().toISOString(),
      code: 200,
      ...(type === 'refresh' && refreshBy ? { refreshBy } : {}),
    });
    const record = { hookId, url: hook.url, type, source, platform };
    send(record, body, owner);
    // The same delivery twice, as an at-least-once sender may.
    if (settings.webhookDuplicate) send(record, body, owner);
  }

  /** The webhook switches of `configure` (see AyrshareSimulator.configure); `only`: one profile's. */
  function configure(changes: Record<string, unknown>, only?: string) {
    if (changes.webhookEncoding === 'hex' || changes.webhookEncoding === 'base64') settings.webhookEncoding = changes.webhookEncoding;
    for (const name of ['webhookDuplicate', 'webhookFailFirst'] as const) {
      if (typeof changes[name] === 'boolean') settings[name] = changes[name];
    }
    const delays = changes.webhookRetryDelaysMs;
    if (Array.isArray(delays) && delays.length <= 9 && delays.every((d) => typeof d === 'number' && d >= 0 && d <= 3_600_000)) {
      settings.webhookRetryDelaysMs = delays.map((d: number) => Math.round(d));
    }
    const grace = changes.webhookRotationGraceMs;
    if (typeof grace === 'number' && grace >= 0 && grace <= 7 * 86_400_000) settings.webhookRotationGraceMs = Math.round(grace);
    // "Ayrshare unlinks Instagram (system)": every profile (or `only`) with it linked loses it, and is told.
    if (isNetworkId(changes.systemUnlink)) {
      for (const [key, profile] of profiles) {
        if (only !== undefined && key !== only) continue;
        if (profile.accounts.delete(changes.systemUnlink)) socialEvent(key, 'unlink', 'system', changes.systemUnlink);
      }
    }
  }

  return { api, socialEvent, configure, reset, deliveries };
}
