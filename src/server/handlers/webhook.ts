// `webhook`: Ayrshare's deliveries (../shared/AYRSHARE.md, "Webhooks"). The raw body is read
// with a bound, its HMAC checked against every configured secret and both signature headers,
// the timestamp against a tolerance; then the delivery's `hookId` is recorded, so a retried,
// duplicated or replayed delivery has its effect once. A `social` event becomes a change on the
// hub (the status cache drops its entry, open pages hear of it) and a call to the host's hook.
// Refused deliveries get a bare 401; nothing here logs, and no answer repeats the body.
import * as z from 'zod/mini';
import { AyrshareOptionError, numberOption } from '../ayrshare/errors.js';
import { parseJson, readCappedBytes } from '../http/body.js';
import { fail, json, tooLarge } from '../http/responses.js';
import type { StatusChangeType } from '../live/changes.js';
import { createMemoryHookRecord, type HookRecord } from '../live/dedupe.js';
import { sha256Hex, signedByAny, signingKeys, TIMESTAMP_HEADER, timestampState } from '../live/signature.js';
import type { SocialEvent } from './live-options.js';
import type { EndpointContext } from './options.js';

const MIN_SECRET = 16;
const HOUR_MS = 3_600_000;

const short = z.string().check(z.maxLength(512));
const socialEvent = z.object({
  action: z.literal('social'),
  type: short,
  source: z.optional(short),
  platform: z.optional(short),
  refId: z.optional(short),
  title: z.optional(short),
  displayName: z.optional(short),
  hookId: z.optional(short),
  created: z.optional(short),
  code: z.optional(z.number()),
  details: z.optional(z.object({ status: z.optional(short), code: z.optional(z.number()), message: z.optional(z.string().check(z.maxLength(2048))) })),
  refreshBy: z.optional(short),
});
const anyAction = z.object({ action: z.string() });

const ok = () => json(200, { status: 'success' });
const refused = () => fail(401, 'Unauthorized.');

function checkedSecrets(given: { secret?: string | undefined; secrets?: readonly string[] | undefined }): string[] {
  const secrets = [...(given.secrets ?? []), ...(given.secret === undefined ? [] : [given.secret])];
  if (!secrets.length) throw new AyrshareOptionError('createAyrshareHandlers: webhook needs secret (the signing secret you registered with Ayrshare).');
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET) {
      throw new AyrshareOptionError(`createAyrshareHandlers: each webhook secret must be a string of at least ${MIN_SECRET} characters.`);
    }
  }
  return secrets;
}

const changeType = (type: string): StatusChangeType => (type === 'link' || type === 'unlink' || type === 'refresh' ? type : 'changed');

export function webhookHandler(context: EndpointContext): (request: Request) => Promise<Response> {
  const { options } = context;
  const given = options.webhook;
  if (!given) return async () => fail(404, 'Webhooks are not configured: pass the webhook option.');
  const keys = signingKeys(checkedSecrets(given));
  const number = (name: keyof typeof given, fallback: number, min: number, max: number) =>
    numberOption(`webhook.${name}`, given[name], fallback, { min, max, whole: false });
  const tolerance = number('toleranceSeconds', 300, 1, 86_400);
  const keepMs = number('keepHookHours', 48, 24, 24 * 90) * HOUR_MS;
  const maxBytes = number('maxBodyBytes', 64 * 1024, 1024, 1024 * 1024);
  const hookWaitMs = number('hookWaitMs', 1000, 0, 10_000);
  const profiles = options.profiles;
  const record: HookRecord = profiles
    ? { remember: (id, ms) => profiles.rememberHook(id, ms), forget: (id) => profiles.forgetHook(id) }
    : createMemoryHookRecord();

  /** The subject and user a refId names; undefined when it names none of ours. */
  async function owner(refId: string | undefined): Promise<{ subject?: string; userId?: string } | undefined> {
    if (profiles) {
      const found = refId ? await profiles.findByRefId(refId) : undefined;
      return found && { subject: found.userId, userId: found.userId };
    }
    const key = refId && given?.profileKeyOfRefId ? await given.profileKeyOfRefId(refId) : undefined;
    return key ? { subject: await context.subjectOf(key) } : {};
  }

  /** The host's hook, waited for at most hookWaitMs; whatever it throws stays here. */
  async function tellHost(event: SocialEvent, userId: string | undefined) {
    const hook = given?.onSocialEvent;
    if (!hook) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const running = (async () => hook(event, { userId }))().catch(() => {});
    await Promise.race([running, new Promise((resolve) => (timer = setTimeout(resolve, hookWaitMs)))]);
    clearTimeout(timer);
  }

  return async (request) => {
    if (request.method !== 'POST') return fail(405, 'Use POST.', {}, { Allow: 'POST' });
    const body = await readCappedBytes(request, maxBytes);
    if (!body) return tooLarge();
    if (!(await signedByAny(body, request.headers, await keys))) return refused();
    const time = timestampState(request.headers.get(TIMESTAMP_HEADER), tolerance);
    if (time === 'stale' || time === 'malformed' || (time === 'absent' && given.requireTimestamp)) return refused();
    const payload = parseJson(new TextDecoder().decode(body));
    if (!anyAction.safeParse(payload).success) return fail(400, 'The body must be a JSON webhook.');
    // Other actions (scheduled posts, messages…) are acknowledged and left alone.
    const parsed = socialEvent.safeParse(payload);
    if (!parsed.success) return ok();
    const event = parsed.data as SocialEvent;
    // A signed body older than the hookId record is a replay the record can no longer catch.
    const created = event.created ? Date.parse(event.created) : NaN;
    if (Number.isFinite(created) && Date.now() - created > keepMs - HOUR_MS) return ok();
    const hookId = event.hookId ? `hook:${event.hookId}` : `body:${await sha256Hex(body)}`;
    if (!(await record.remember(hookId, keepMs))) return ok();
    let userId: string | undefined;
    try {
      const found = await owner(event.refId);
      if (!found) return ok();
      userId = found.userId;
      if (found.subject) {
        const platform = event.platform && /^[a-z0-9_]{1,40}$/.test(event.platform) ? event.platform : undefined;
        const source = event.source === 'user' || event.source === 'system' ? event.source : undefined;
        await context.changes.publish({
          subject: found.subject,
          type: changeType(event.type),
          ...(platform ? { platform } : {}),
          ...(source ? { source } : {}),
        });
      }
    } catch {
      // Not handled: forget the id so Ayrshare's retry is not taken for a repeat.
      await record.forget(hookId).catch(() => {});
      return fail(503, 'Try again later.', {}, { 'Retry-After': '5' });
    }
    await tellHost(event, userId);
    return ok();
  };
}
