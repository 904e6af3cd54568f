// `jwt-endpoint`: POST `{ origin, networks?, network? }` → `{ url, expiresAt? }`
// (docs/contract.md §3), through a link session (default) or the legacy generateJWT.
import { LINK_LIFETIME_MS } from '../../protocol/link.js';
import { isNetworkId, NETWORK_IDS } from '../../protocol/networks.js';
import { linkUrlAnswer, linkUrlBody } from '../../protocol/schemas.js';
import { UpstreamError } from '../ayrshare/errors.js';
import { isoFromMs, isoTime, linkingUrl } from '../ayrshare/outbound.js';
import { checkedCall } from '../http/requests.js';
import { fail, json } from '../http/responses.js';
import { budgetedCall } from './live-status.js';
import type { EndpointContext } from './options.js';

/** The linking URL of Ayrshare's answer, when it is one the element may open (https). */
const linkingAnswerUrl = (answer: unknown) => linkingUrl(linkUrlAnswer.safeParse(answer).data?.url);
const noLinkingPage = () => fail(502, 'The social media service didn’t send a page for linking accounts.');

export async function linkUrl(request: Request, context: EndpointContext): Promise<Response> {
  const { options, checks, profileKeyOf } = context;
  const checked = await checkedCall(request, 'POST', checks);
  if (checked instanceof Response) return checked;
  const { origin, body, who } = checked;
  const parsedBody = linkUrlBody.safeParse(body);
  if (!parsedBody.success || (parsedBody.data.origin !== undefined && parsedBody.data.origin !== origin)) {
    return fail(400, 'The body must be { "origin": "<this page’s origin>", "networks"?: [ids], "network"?: id }.');
  }
  const { network } = parsedBody.data;
  // Each id once (a body of 16 KiB holds a thousand repeats), all of them known ids.
  const networks = parsedBody.data.networks && [...new Set(parsedBody.data.networks)];
  if ((network !== undefined && !isNetworkId(network)) || (networks && !networks.every(isNetworkId))) {
    return fail(400, `Networks must be among ${NETWORK_IDS.join(', ')}.`);
  }
  // What the page may offer: the server's list, narrowed by what the element asks for.
  let offered: string[] | undefined = options.allowedSocial ? [...new Set(options.allowedSocial)] : undefined;
  const asked = new Set<string>(network !== undefined ? [network] : networks);
  if (asked.size) offered = offered ? offered.filter((id) => asked.has(id)) : [...asked];
  if (offered && offered.length === 0) return fail(400, 'That network isn’t available here.');

  const common: Record<string, unknown> = { origin };
  const redirect = typeof options.redirect === 'function' ? options.redirect(request) : options.redirect;
  if (redirect) common.redirect = redirect;
  if (offered) common.allowedSocial = offered;
  if (options.logout !== undefined) common.logout = options.logout;
  if (options.expiresIn !== undefined) common.expiresIn = options.expiresIn;
  // Only a valid request creates a user's profile: each one is paid for at Ayrshare.
  const profileKey = await profileKeyOf(who, 'ensure');
  // Each call spends from the profile's budget; a link may follow, so its cached status goes.
  const call = budgetedCall(context, await context.subjectOf(who), 'linking');

  if (options.linkMethod === 'generateJWT') {
    const requestedAt = Date.now();
    const answer = await call('/profiles/generateJWT', {
      method: 'POST',
      profileKey,
      profileKeyHeader: false,
      body: { ...common, domain: options.domain, privateKey: options.privateKey, profileKey },
    });
    const url = linkingAnswerUrl(answer);
    if (!url) return noLinkingPage();
    const lifetime = options.expiresIn ? options.expiresIn * 60_000 : LINK_LIFETIME_MS;
    // A host's expiresIn past year 2100 (or not a number) leaves the time out, never throws.
    const expiresAt = isoFromMs(requestedAt + lifetime);
    return json(200, expiresAt ? { url, expiresAt } : { url });
  }

  let answer: unknown;
  if (options.directConnect && network !== undefined) {
    try {
      answer = await call('/profiles/link-sessions', {
        method: 'POST',
        profileKey,
        body: { ...common, mode: 'connect', network },
      });
    } catch (error) {
      // No Max Pack, or the network has no direct connect: the grid page with only this
      // network does the same job in one more click. Rate limits and outages are not
      // retried.
      const refused = error instanceof UpstreamError && error.upstreamStatus > 0 && error.upstreamStatus < 500 && ![401, 429].includes(error.upstreamStatus);
      if (!refused) throw error;
    }
  }
  answer ??= await call('/profiles/link-sessions', { method: 'POST', profileKey, body: common });
  const url = linkingAnswerUrl(answer);
  if (!url) return noLinkingPage();
  // Only the two fields the element reads, each re-serialized from its parsed value: never
  // Ayrshare's sessionId, title or anything else it adds.
  const expiresAt = isoTime(linkUrlAnswer.safeParse(answer).data?.expiresAt);
  return json(200, expiresAt ? { url, expiresAt } : { url });
}
