// The page-wide status registry: one source per profile endpoint, shared by every element on
// the page — one request in flight at a time, and every element hears every answer.
import { SocialLinkFailure, type Failure } from '../net/failures.js';
import { RequestAborted, requestJson } from '../net/request.js';
import { toProfileStatus, type ProfileStatus } from './status-answer.js';


export type StatusResult = { status: ProfileStatus } | { error: Failure };

export interface StatusReadOptions {
  requestInit?: RequestInit;
  timeout: number;
  /** The answer must be newer than now: a read in flight may predate a change, so read once more after it. */
  fresh?: boolean;
}

type Listener = (result: StatusResult) => void;

interface Source {
  listeners: Set<Listener>;
  inflight?: { promise: Promise<StatusResult | undefined>; controller: AbortController; young?: boolean };
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
  if (source.inflight) {
    // A read started in this same run of script is fresh enough (elements told of one change join).
    if (!options.fresh || source.inflight.young) return source.inflight.promise;
    // Every fresh read asked meanwhile joins the one read started after it.
    return source.inflight.promise.then(() =>
      source.listeners.size ? readStatus(endpoint, { ...options, fresh: false }) : undefined,
    );
  }

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
          if (typeof reportError === 'function') reportError(error);
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
  const inflight: Source['inflight'] = (source.inflight = { promise: shared, controller, young: true });
  queueMicrotask(() => (inflight.young = false));
  return shared;
}
