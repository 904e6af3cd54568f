import { hostText, SocialLinkFailure, taskSentence, type Failure, type Task } from './failures.js';
import type { Text } from '../../i18n/messages.js';
import { developerNotes } from './developer-notes.js';
import { MAX_RETRY_AFTER_S } from '../../protocol/limits.js';

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** The host's `requestInit`: merged under ours, so method, body and Accept stay ours. */
  requestInit?: RequestInit;
  timeout: number;
  /** Aborting it drops the request silently (the caller no longer wants the answer). */
  signal?: AbortSignal;
  /** What the request is for: picks the sentences its failures are reported with. */
  task: Task;
  /** The network being unlinked, for the unlink sentences. */
  networkName?: string;
  /** An empty 2xx body is fine (unlink answers may carry none). */
  emptyOk?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
// setTimeout stores its delay in 32 bits: anything longer fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Thrown when `signal` aborted the request: not an error to report. */
export class RequestAborted extends Error {}

/** A `timeout` setting as a usable delay: not a positive number → the default; clamped to what timers hold. */
function effectiveTimeout(value: number): number {
  const timeout = Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
  return Math.min(timeout, MAX_TIMER_MS);
}

function serverCode(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
}

/** Retry-After as seconds (a number of seconds, or an HTTP date), when it is at most an hour. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\s*\d+\s*$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds <= MAX_RETRY_AFTER_S ? Math.max(1, Math.ceil(seconds)) : undefined;
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false; // fetch reports the malformed URL
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const fail = (failure: Failure) => new SocialLinkFailure(failure);

/**
 * Sends one request to a host endpoint and returns its parsed JSON body. Every failure becomes a
 * SocialLinkFailure with the code docs/contract.md §5 lists: a network error or non-2xx is `request-failed`, a body
 * that is not JSON `invalid-response`, no complete answer within `timeout` ms `timeout`.
 */
export async function requestJson(request: JsonRequest): Promise<unknown> {
  const { url, method, body, requestInit = {}, signal, emptyOk } = request;
  const timeout = effectiveTimeout(request.timeout);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const abort = () => controller.abort();
  const external = [signal, requestInit.signal ?? undefined].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  for (const s of external) {
    if (s.aborted) controller.abort();
    s.addEventListener('abort', abort, { once: true });
  }

  const headers = new Headers(requestInit.headers);
  headers.set('Accept', 'application/json');
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  // Marks the page's own script to a server that gets no Origin or Fetch Metadata (plain http
  // off localhost, Safari before 16.4): an <img> or no-cors request cannot carry this header.
  // Same-origin only, where it needs no CORS preflight.
  if (sameOrigin(url)) headers.set('X-Requested-With', 'social-link-button');

  try {
    let text: string;
    let response: Response;
    try {
      response = await fetch(url, {
        ...requestInit,
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
      });
      // The timer covers the body too: a server can send headers and then hang.
      text = await response.text();
    } catch {
      if (timedOut) throw fail({ code: 'timeout', text: taskSentence('slow', request.task, request.networkName) });
      if (controller.signal.aborted) throw new RequestAborted();
      throw fail({ code: 'request-failed', text: taskSentence('failed', request.task, request.networkName) });
    }

    const json = parseJson(text);
    if (!response.ok) {
      if (response.status === 429) {
        const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
        const text: Text =
          seconds === undefined
            ? { id: 'tooMany' }
            : seconds <= 90
              ? { id: 'tooManySeconds', params: { count: seconds } }
              : { id: 'tooManyMinutes', params: { count: Math.ceil(seconds / 60) } };
        throw fail({ code: 'request-failed', text, status: 429, ...(seconds === undefined ? {} : { retryAfter: seconds }) });
      }
      if (response.status === 403 && serverCode(json) === 'origin-not-allowed') {
        // The host's server does not list this page's origin: the developer can fix that, the
        // user cannot.
        console.error(developerNotes.origin(url, location.origin));
        throw fail({ code: 'request-failed', text: { id: 'notAllowed' }, status: 403 });
      }
      throw fail({ code: 'request-failed', text: hostText(json) ?? taskSentence('failed', request.task, request.networkName), status: response.status });
    }
    if (json === undefined && emptyOk && text.trim() === '') return undefined;
    if (json === undefined) {
      console.warn(developerNotes.notJson(url));
      throw fail({ code: 'invalid-response', text: taskSentence('failed', request.task, request.networkName) });
    }
    // Ayrshare reports some failures as 200 with `status: "error"`; host endpoints pass them on.
    if (typeof json === 'object' && json !== null && (json as { status?: unknown }).status === 'error') {
      throw fail({ code: 'request-failed', text: hostText(json) ?? taskSentence('failed', request.task, request.networkName), status: response.status });
    }
    return json;
  } finally {
    clearTimeout(timer);
    for (const s of external) s.removeEventListener('abort', abort);
  }
}
