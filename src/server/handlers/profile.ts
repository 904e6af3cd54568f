// `profile-endpoint`: GET → `{ activeSocialAccounts, displayNames }` (docs/contract.md §3).
import { profileStatusAnswer } from '../../protocol/schemas.js';
import { accountsAnswer } from '../ayrshare/outbound.js';
import { unreadableAnswer } from '../ayrshare/errors.js';
import { checkedCall } from '../http/requests.js';
import { json } from '../http/responses.js';
import type { EndpointContext } from './options.js';

export async function profile(request: Request, { checks, call, profileKeyOf }: EndpointContext): Promise<Response> {
  const checked = await checkedCall(request, 'GET', checks);
  if (checked instanceof Response) return checked;
  // A user without a profile has nothing linked: no call to Ayrshare, and no profile made.
  const profileKey = await profileKeyOf(checked.who, 'find');
  if (!profileKey) return json(200, accountsAnswer([], []));
  const answer = await call('/user', { method: 'GET', profileKey });
  const parsed = profileStatusAnswer.safeParse(answer);
  if (!parsed.success) return unreadableAnswer();
  return json(200, accountsAnswer(parsed.data.activeSocialAccounts ?? [], parsed.data.displayNames ?? []));
}
