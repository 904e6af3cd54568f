import { SocialLinkFailure, type SocialLinkErrorDetail } from './errors.js';
import { RequestAborted, requestJson } from './http.js';
import { profileStatusAnswer } from './schemas.js';
import { developerNotes, strings } from './strings.js';

/** One linked account, as `accounts` exposes it (SPEC section 2). */
export interface LinkedAccount {
  platform: string;
  username?: string;
  displayName?: string;
  profileUrl?: string;
  userImage?: string;
}

export interface ProfileStatus {
  /** Linked network ids, in the answer's order, without duplicates. */
  linked: string[];
  accounts: LinkedAccount[];
}

export type StatusResult = { status: ProfileStatus } | { error: SocialLinkErrorDetail };

export interface StatusReadOptions {
  requestInit?: RequestInit;
  timeout: number;
}

type Listener = (result: StatusResult) => void;

interface Source {
  listeners: Set<Listener>;
  inflight?: { promise: Promise<StatusResult | undefined>; controller: AbortController };
}

// One source per profile endpoint URL, shared by every element on the page: one request in
// flight at a time, and every element hears every answer.
const sources = new Map<string, Source>();

function sourceFor(endpoint: string): Source {
  let source = sources.get(endpoint);
  if (!source) {
    source = { listeners: new Set() };
    sources.set(endpoint, source);
  }
  return source;
}

export function toProfileStatus(answer: unknown, endpoint = 'profile-endpoint'): ProfileStatus {
  const parsed = profileStatusAnswer.safeParse(answer);
  if (!parsed.success) {
    console.warn(developerNotes.invalid(endpoint, 'expected { activeSocialAccounts, displayNames? }'));
    throw new SocialLinkFailure('invalid-response', strings.failed.status);
  }
  const linked = [...new Set(parsed.data.activeSocialAccounts ?? [])];
  const accounts = linked.map((platform): LinkedAccount => {
    const entry = parsed.data.displayNames?.find((d) => d.platform === platform);
    const account: LinkedAccount = { platform };
    if (entry?.username) account.username = entry.username;
    // Ayrshare names Facebook pages and LinkedIn companies with `pageName`.
    const displayName = entry?.displayName ?? entry?.pageName;
    if (displayName) account.displayName = displayName;
    if (entry?.profileUrl) account.profileUrl = entry.profileUrl;
    if (entry?.userImage) account.userImage = entry.userImage;
    return account;
  });
  return { linked, accounts };
}

/** Hears every status answer for `endpoint` until the returned function is called. */
export function subscribe(endpoint: string, listener: Listener): () => void {
  const source = sourceFor(endpoint);
  source.listeners.add(listener);
  return () => {
    source.listeners.delete(listener);
    if (source.listeners.size > 0) return;
    // Nobody is left to hear the answer: stop the request and forget the source.
    source.inflight?.controller.abort();
    sources.delete(endpoint);
  };
}

/**
 * Reads the status of `endpoint`, joining the request already in flight if there is one, and
 * hands the result to every listener of that endpoint. Never rejects. Resolves undefined when
 * the request was abandoned because no one listens any more.
 */
export function readStatus(
  endpoint: string,
  options: StatusReadOptions,
): Promise<StatusResult | undefined> {
  const source = sourceFor(endpoint);
  if (source.inflight) return source.inflight.promise;

  const controller = new AbortController();
  const promise = (async (): Promise<StatusResult> => {
    try {
      const answer = await requestJson({
        url: endpoint,
        method: 'GET',
        requestInit: options.requestInit,
        timeout: options.timeout,
        signal: controller.signal,
        task: 'status',
      });
      return { status: toProfileStatus(answer, endpoint) };
    } catch (error) {
      if (error instanceof RequestAborted) throw error;
      if (error instanceof SocialLinkFailure) return { error: error.toDetail() };
      return { error: { code: 'request-failed', message: strings.failed.status } };
    }
  })();
  const shared = promise.then(
    (result) => {
      source.inflight = undefined;
      // One element failing to take the answer must not leave the others stale.
      for (const listener of [...source.listeners]) {
        try {
          listener(result);
        } catch (error) {
          if (typeof reportError === "function") reportError(error);
          else console.error(error);
        }
      }
      return result;
    },
    () => {
      source.inflight = undefined;
      return undefined;
    },
  );
  source.inflight = { promise: shared, controller };
  return shared;
}
