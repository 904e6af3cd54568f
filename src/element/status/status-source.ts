import { SocialLinkFailure, type Failure } from '../net/failures.js';
import { RequestAborted, requestJson } from '../net/request.js';
import { displayNameEntry, profileStatusAnswer, text, type DisplayNameEntry } from '../../protocol/schemas.js';
import { developerNotes } from '../net/developer-notes.js';
import type { LinkedAccount } from '../types.js';

export type { LinkedAccount } from '../types.js';

/** What the status answer says of a linked account's health, before it is judged. */
export interface HealthSignals {
  refreshDaysRemaining?: number;
  /** A date by which the account must be relinked, or true when it must be now. */
  refreshRequired?: string | true;
  needsReconnect?: true;
}

export interface ProfileStatus {
  /** Linked network ids, in the answer's order, without duplicates. */
  linked: string[];
  accounts: LinkedAccount[];
  /** Health signals per linked network (only networks that carry any). */
  health: Map<string, HealthSignals>;
}

export type StatusResult = { status: ProfileStatus } | { error: Failure };

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

// Ayrshare counts days to a yearly relink: a value beyond ten years either way is noise (1e21
// days is no date at all), and is ignored rather than shown.
const MAX_DAYS = 3650;

function plausibleDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DAYS;
}

export function toProfileStatus(answer: unknown, endpoint = 'profile-endpoint'): ProfileStatus {
  const parsed = profileStatusAnswer.safeParse(answer);
  if (!parsed.success) {
    console.warn(developerNotes.invalid(endpoint, 'expected { activeSocialAccounts, displayNames? }'));
    throw new SocialLinkFailure({ code: 'invalid-response', text: { id: 'failedStatus' } });
  }
  const linked = [...new Set(parsed.data.activeSocialAccounts ?? [])];
  // By platform, first entry wins: one pass, not a search per network. A malformed entry (no
  // platform, not an object) drops only itself.
  const entries = new Map<string, DisplayNameEntry>();
  for (const raw of parsed.data.displayNames ?? []) {
    const entry = displayNameEntry.safeParse(raw);
    if (entry.success && !entries.has(entry.data.platform)) entries.set(entry.data.platform, entry.data);
  }
  const health = new Map<string, HealthSignals>();
  const accounts = linked.map((platform): LinkedAccount => {
    const entry = entries.get(platform);
    const signals: HealthSignals = {};
    if (plausibleDays(entry?.refreshDaysRemaining)) signals.refreshDaysRemaining = entry.refreshDaysRemaining;
    if (entry?.refreshRequired === true) signals.refreshRequired = true;
    if (typeof entry?.refreshRequired === 'string' && Number.isFinite(Date.parse(entry.refreshRequired))) {
      signals.refreshRequired = entry.refreshRequired;
    }
    if (entry?.needsReconnect === true) signals.needsReconnect = true;
    if (Object.keys(signals).length) health.set(platform, signals);
    const account: LinkedAccount = { platform };
    const username = text(entry?.username);
    // Ayrshare names Facebook pages and LinkedIn companies with `pageName`.
    const displayName = text(entry?.displayName) ?? text(entry?.pageName);
    const profileUrl = text(entry?.profileUrl);
    const userImage = text(entry?.userImage);
    if (username) account.username = username;
    if (displayName) account.displayName = displayName;
    if (profileUrl) account.profileUrl = profileUrl;
    if (userImage) account.userImage = userImage;
    return account;
  });
  return { linked, accounts, health };
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
        task: 'Status',
      });
      return { status: toProfileStatus(answer, endpoint) };
    } catch (error) {
      if (error instanceof RequestAborted) throw error;
      if (error instanceof SocialLinkFailure) return { error: error.failure };
      return { error: { code: 'request-failed', text: { id: 'failedStatus' } } };
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
