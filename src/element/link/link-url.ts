import { text } from '../../protocol/fields.js';
import { linkUrlAnswer } from '../../protocol/validators.js';
import { SocialLinkFailure } from '../net/failures.js';
import { requestJson } from '../net/request.js';
import { isLoopback } from '../net/safe-url.js';
import { developerNotes } from '../net/developer-notes.js';
import { DEFAULT_ALLOWED_HOSTS, LINK_LIFETIME_MS } from '../../protocol/link.js';
import { toList } from '../../protocol/list.js';
import { GENERIC_SECOND_LEVELS, PLATFORM_SUFFIXES, WILDCARD_TLDS } from './public-suffixes.js';
import { isListedSuffix } from './public-suffix-rules.js';
import { loadWholeList, wholeList } from './public-suffix-loader.js';

// Without `expiresAt` a URL counts as fresh a minute less than Ayrshare's default lifetime: the
// host's clock and ours may differ, and the request took time.
const DEFAULT_LIFETIME_MS = LINK_LIFETIME_MS - 60_000;
// Margin so a URL is not opened seconds before it expires.
const EXPIRY_MARGIN_MS = 10_000;

/**
 * The jwt-endpoint's answer (docs/contract.md §3): Ayrshare's generateJWT and link-session answers
 * pass unchanged; only `url` and `expiresAt` are read.
 */

export interface LinkUrl {
  /** The bearer URL: kept in memory only, never in an event, attribute, log or storage. */
  readonly href: string;
  readonly expiresAt: number;
}

const warned = new Set<string>();

/**
 * Whether `suffix` (no leading or trailing dot) is a public suffix, judged by the compact part
 * of the Public Suffix List that ships (src/element/link/public-suffixes.ts); empty labels count too.
 */
function isPublicSuffix(suffix: string): boolean {
  const labels = suffix.split('.');
  const [first, tld = ''] = labels;
  if (labels.length === 1 || labels.includes('')) return true;
  if (labels.length === 2 && (WILDCARD_TLDS.has(tld) || (GENERIC_SECOND_LEVELS.has(first!) && /^[a-z]{2}$/.test(tld)))) return true;
  return PLATFORM_SUFFIXES.has(suffix);
}

/** The part of a `*.` entry after the star, as a URL's hostname spells it ('' when it is none). */
function remainder(wanted: string): string {
  try {
    return new URL(`https://x${wanted.slice(1)}`).hostname.slice(2).replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** Entries the whole list must judge: wildcards that the compact part did not refuse. */
const undecided = (entries: readonly string[]): boolean =>
  entries.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted.startsWith('*.') && !isPublicSuffix(remainder(wanted));
  });

function hostMatches(url: URL, entry: string): boolean {
  const wanted = entry.trim().toLowerCase();
  if (!wanted) return false;
  if (wanted === '*' || wanted.startsWith('*.')) {
    const suffix = remainder(wanted);
    // Until the whole list has answered (or when it could not load), a wildcard the compact
    // part let through matches nothing: failing closed.
    const list = isPublicSuffix(suffix) || wholeList();
    if (!list) return false;
    if (list === true || isListedSuffix(suffix, list)) {
      // A wildcard over every host, or over everyone's sites under a public suffix (*.com,
      // *.co.uk, *.github.io), would let any server's answer open any page: never honoured.
      if (!warned.has(wanted)) {
        warned.add(wanted);
        console.warn(developerNotes.publicWildcard(wanted));
      }
      return false;
    }
    // A trailing dot names the same domain.
    return url.hostname.endsWith(`.${suffix}`);
  }
  // An entry with a port matches hostname and port; without one, the hostname on any port.
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(wanted);
  if (withPort) return url.hostname === withPort[1] && (url.port || defaultPort(url)) === withPort[2];
  return url.hostname === wanted;
}

function defaultPort(url: URL): string {
  return url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '';
}

/**
 * Whether `value` may be opened as the linking page (docs/contract.md §6): https on an allowed host,
 * or http on an allowed loopback host. Also used for the origin of provider messages.
 */
export function trustedUrl(value: string, allowedHosts: readonly string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
  if (!schemeOk) return undefined;
  return allowedHosts.some((entry) => hostMatches(url, entry)) ? url : undefined;
}

/** The element's `allowed-hosts`, or Ayrshare's own linking page when it lists none. */
export function allowedHosts(setting: readonly string[] | string | undefined): string[] {
  const listed = toList(setting);
  // Starts loading the whole Public Suffix List as soon as a wildcard needs it.
  if (undecided(listed)) void loadWholeList();
  return listed.length ? listed : [...DEFAULT_ALLOWED_HOSTS];
}

/** `callback-origins` as it applies: the list given, else the page's own origin (none outside a browser). */
export function callbackOrigins(setting: readonly string[] | string | undefined): string[] {
  const listed = toList(setting);
  return listed.length || typeof location === 'undefined' ? listed : [location.origin];
}

/** Whether a callback message from `origin` counts, by the origins in force. */
export function callbackOriginAllowed(origins: readonly string[], origin: string): boolean {
  return origins.some((entry) => {
    try {
      return new URL(entry).origin === origin;
    } catch {
      return false;
    }
  });
}

export function isFresh(linkUrl: LinkUrl, now = Date.now()): boolean {
  return now < linkUrl.expiresAt - EXPIRY_MARGIN_MS;
}

export interface LinkUrlRequest {
  endpoint: string;
  allowedHosts: readonly string[];
  requestInit?: RequestInit;
  timeout: number;
  signal?: AbortSignal;
  /** The networks the element shows: the linking page should offer only those. */
  networks?: readonly string[];
  /** One network to link or reconnect. */
  network?: string;
}

/** POSTs the jwt-endpoint and returns a checked linking URL, or throws a SocialLinkFailure. */
export async function fetchLinkUrl(request: LinkUrlRequest): Promise<LinkUrl> {
  const fetchedAt = Date.now();
  const answer = await requestJson({
    url: request.endpoint,
    method: 'POST',
    body: {
      origin: location.origin,
      ...(request.networks?.length ? { networks: [...request.networks] } : {}),
      ...(request.network ? { network: request.network } : {}),
    },
    requestInit: request.requestInit,
    timeout: request.timeout,
    signal: request.signal,
    task: 'Link',
  });
  const parsed = linkUrlAnswer.safeParse(answer);
  if (!parsed.success) {
    console.warn(developerNotes.linkAnswer(request.endpoint));
    throw new SocialLinkFailure({ code: 'invalid-response', text: { id: 'failedLink' } });
  }
  // A wildcard entry matches only once the whole list has answered: wait for it (no longer than
  // the request may take, as a list that never answers must not freeze the element).
  if (undecided(request.allowedHosts)) await Promise.race([loadWholeList(), new Promise((resolve) => setTimeout(resolve, request.timeout))]);
  const url = trustedUrl(parsed.data.url, request.allowedHosts);
  if (!url) {
    // The sentence names the host only: the URL itself carries the bearer token.
    let host = 'an unknown address';
    try {
      host = new URL(parsed.data.url).host || host;
    } catch {
      // not a URL at all
    }
    console.error(developerNotes.untrusted(host));
    throw new SocialLinkFailure({ code: 'untrusted-url', text: { id: 'untrusted' } });
  }
  const expiresAt = text(parsed.data.expiresAt);
  const expiry = expiresAt ? Date.parse(expiresAt) : Number.NaN;
  if (Number.isFinite(expiry) && expiry <= Date.now()) {
    // The provider would only show its "link expired" page: say so here, and offer a new one.
    throw new SocialLinkFailure({ code: 'invalid-response', text: { id: 'expired' }, expired: true });
  }
  return {
    href: url.href,
    expiresAt: Number.isFinite(expiry) ? expiry : fetchedAt + DEFAULT_LIFETIME_MS,
  };
}
