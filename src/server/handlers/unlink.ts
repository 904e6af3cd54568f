// `unlink-endpoint`: DELETE `{ platform }` → `{ status, platform }` (docs/contract.md §3).
import { isNetworkId, NETWORK_IDS } from '../../protocol/networks.js';
import { unlinkBody } from '../../protocol/schemas.js';
import { checkedCall } from '../http/requests.js';
import { fail, json } from '../http/responses.js';
import { budgetedCall } from './live-status.js';
import type { EndpointContext } from './options.js';

export async function unlink(request: Request, context: EndpointContext): Promise<Response> {
  const { checks, profileKeyOf, changes, subjectOf } = context;
  const checked = await checkedCall(request, 'DELETE', checks);
  if (checked instanceof Response) return checked;
  const parsed = unlinkBody.safeParse(checked.body);
  if (!parsed.success || !isNetworkId(parsed.data.platform)) {
    return fail(400, `The body must be { "platform": "<one of ${NETWORK_IDS.join(', ')}>" }.`);
  }
  // No profile, nothing linked: the account is as unlinked as asked.
  const profileKey = await profileKeyOf(checked.who, 'find');
  if (!profileKey) return json(200, { status: 'success', platform: parsed.data.platform });
  const platform = parsed.data.platform;
  const subject = await subjectOf(checked.who);
  // Spent from the profile's budget; the cached status goes once Ayrshare has answered.
  await budgetedCall(context, subject, 'changed')('/profiles/social', { method: 'DELETE', profileKey, body: { platform } });
  // The user's other tabs and servers hear of it; a hub that fails does not undo the unlink.
  await changes.publish({ subject, type: 'unlink', platform, source: 'user' }).catch(() => {});
  return json(200, { status: 'success', platform: parsed.data.platform });
}
