import { SocialLinkFailure } from './errors.js';

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** The host's `requestInit`: merged under ours, so method, body and Accept stay ours. */
  requestInit?: RequestInit;
  timeout: number;
  /** Aborting it drops the request silently (the caller no longer wants the answer). */
  signal?: AbortSignal;
  /** What the request does, as the subject of the error sentence: "Loading the link status". */
  purpose: string;
  /** An empty 2xx body is fine (unlink answers may carry none). */
  emptyOk?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Thrown when `signal` aborted the request: not an error to report. */
export class RequestAborted extends Error {}

// Server messages are shown to the user as text; keep them to one readable sentence.
function serverMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && message.trim() && message.length <= 300
    ? message.trim()
    : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends one request to a host endpoint and returns its parsed JSON body. Every failure becomes a
 * SocialLinkFailure with the SPEC's code: a network error or non-2xx is `request-failed`, a body
 * that is not JSON `invalid-response`, no complete answer within `timeout` ms `timeout`.
 */
export async function requestJson(request: JsonRequest): Promise<unknown> {
  const { url, method, body, requestInit = {}, signal, purpose, emptyOk } = request;
  // A `timeout` attribute that is not a positive number falls back to the default.
  const timeout = Number.isFinite(request.timeout) && request.timeout > 0 ? request.timeout : DEFAULT_TIMEOUT_MS;
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
    } catch (error) {
      if (timedOut) {
        throw new SocialLinkFailure(
          'timeout',
          `${purpose} took longer than ${Math.round(timeout / 100) / 10} s.`,
        );
      }
      if (controller.signal.aborted) throw new RequestAborted();
      throw new SocialLinkFailure('request-failed', `${purpose} failed: the server could not be reached.`);
    }

    const json = parseJson(text);
    if (!response.ok) {
      throw new SocialLinkFailure(
        'request-failed',
        serverMessage(json) ?? `${purpose} failed (HTTP ${response.status}).`,
        response.status,
      );
    }
    if (json === undefined && emptyOk && text.trim() === '') return undefined;
    if (json === undefined) {
      throw new SocialLinkFailure('invalid-response', `${purpose} failed: the answer is not JSON.`);
    }
    // Ayrshare reports some failures as 200 with `status: "error"`; host endpoints pass them on.
    if (typeof json === 'object' && json !== null && (json as { status?: unknown }).status === 'error') {
      throw new SocialLinkFailure(
        'request-failed',
        serverMessage(json) ?? `${purpose} failed.`,
        response.status,
      );
    }
    return json;
  } finally {
    clearTimeout(timer);
    for (const s of external) s.removeEventListener('abort', abort);
  }
}
