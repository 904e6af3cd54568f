// `unlink-endpoint`: DELETE `{ platform }` → `{ status, platform }` (docs/contract.md §3).
import { isNetworkId, NETWORK_IDS } from '../../protocol/networks.js';
import { unlinkBody } from '../../protocol/schemas.js';
import { checkedCall } from '../http/requests.js';
import { fail, json } from '../http/responses.js';
import type { EndpointContext } from './options.js';

export async function unlink(request: Request, { checks, call, profileKeyOf, changes, subjectOf }: EndpointContext): Promise<Response> {
  const checked = await checkedCall(request, 'DELETE', checks);
  if (checked instanceof Response) return checked;
  const parsed = unlinkBody.safeParse(checked.body);
  if (!parsed.success || !isNetworkId(parsed.data.platform)) {
    return fail(400, `The body must be { "platform": "<one of ${NETWORK_IDS.join(', ')}>" }.`);
  }
  // No profile, nothing linked: the account is as unlinked as asked.
  const profileKey = await profileKeyOf(checked.who, 'find');
  if (profileKey) await call('/profiles/social', { method: 'DELETE', profileKey, body: { platform: parsed.data.platform } });
  // The user's other tabs and servers hear of it; a hub that fails does not undo the unlink.
  const platform = parsed.data.platform;
  if (profileKey) await changes.publish({ subject: await subjectOf(checked.who), type: 'unlink', platform, source: 'user' }).catch(() => {});
  return json(200, { status: 'success', platform: parsed.data.platform });
}
