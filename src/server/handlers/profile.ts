// `profile-endpoint`: GET → `{ activeSocialAccounts, displayNames }` (docs/contract.md §3),
// through the status cache (live/status-cache.ts) unless `statusCache: false`.
import { profileStatusAnswer } from '../../protocol/schemas.js';
import { accountsAnswer } from '../ayrshare/outbound.js';
import { unreadableAnswer, UpstreamError } from '../ayrshare/errors.js';
import { checkedCall } from '../http/requests.js';
import { json } from '../http/responses.js';
import type { StatusAnswer } from '../live/status-cache.js';
import { budgetedCall } from './live-status.js';
import type { EndpointContext } from './options.js';

/** What Ayrshare says of `who`'s accounts, asked through `call`; throws UpstreamError (never stored by the cache). */
async function askAyrshare(context: EndpointContext, who: string, call: EndpointContext['call']): Promise<StatusAnswer> {
  // A user without a profile has nothing linked: no call to Ayrshare, and no profile made.
  const profileKey = await context.profileKeyOf(who, 'find');
  if (!profileKey) return accountsAnswer([], []);
  const parsed = profileStatusAnswer.safeParse(await call('/user', { method: 'GET', profileKey }));
  if (!parsed.success) throw new UpstreamError(unreadableAnswer());
  return accountsAnswer(parsed.data.activeSocialAccounts ?? [], parsed.data.displayNames ?? []);
}

export async function profile(request: Request, context: EndpointContext): Promise<Response> {
  const checked = await checkedCall(request, 'GET', context.checks);
  if (checked instanceof Response) return checked;
  const { who } = checked;
  const { statusCache } = context;
  if (!statusCache) return json(200, await askAyrshare(context, who, context.call));
  const subject = await context.subjectOf(who);
  try {
    const read = await statusCache.read(subject, () => askAyrshare(context, who, budgetedCall(context, subject)), request.signal);
    // The same body either way, so the element reads it as ever; the headers say how old it is.
    const headers: Record<string, string> = read.ageMs > 0 ? { Age: String(Math.floor(read.ageMs / 1000)) } : {};
    if (read.stale) headers['X-Social-Link-Stale'] = '1';
    return json(200, read.answer, headers);
  } catch (error) {
    // The caller left; the shared call goes on for the others. Nobody reads this answer.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    throw error;
  }
}
