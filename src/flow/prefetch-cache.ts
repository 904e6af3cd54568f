import { RequestAborted } from '../internal/http.js';
import { isFresh, type LinkUrl } from '../internal/link-url.js';
import { toFailure, type Failure } from '../internal/errors.js';

// A prefetch that failed this recently is the answer a click would get: show it instead of
// flashing a blank popup open and shut.
const FAILURE_STANDS_MS = 60_000;

/** A request for the linking URL: its answer, and the controller that can abort it. */
export interface UrlRequest {
  promise: Promise<LinkUrl>;
  controller: AbortController;
}

/**
 * One slot of linking URL fetched ahead of a click (hover, focus, touch), scoped to what it is
 * for: '' = every network shown, else one network (a row's Link or Reconnect). Intent on another
 * scope replaces it.
 */
export class PrefetchCache {
  /** What the slot holds (or last held) a URL for. */
  scope = '';
  #url: LinkUrl | undefined;
  #pending: UrlRequest | undefined;
  #failure: (Failure & { at: number }) | undefined;
  readonly #fetchUrl: (network: string, signal: AbortSignal) => Promise<LinkUrl>;

  constructor(fetchUrl: (network: string, signal: AbortSignal) => Promise<LinkUrl>) {
    this.#fetchUrl = fetchUrl;
  }

  /** Points the slot at `network`, dropping whatever it held for another scope. */
  focus(network: string): void {
    if (network !== this.scope) this.drop();
    this.scope = network;
  }

  /** Fetches ahead for `network`, unless the slot already has (or is getting) its URL. */
  warm(network: string): void {
    this.focus(network);
    if (this.#pending || (this.#url && isFresh(this.#url))) return;
    // A recent failure stands until a click shows it (the click's own focus must not retry).
    if (this.#failure && Date.now() - this.#failure.at < FAILURE_STANDS_MS) return;
    this.#url = undefined;
    this.#failure = undefined;
    const request = this.request(network);
    this.#pending = request;
    request.promise.then(
      (url) => {
        if (this.#pending === request) this.#url = url;
      },
      (error: unknown) => {
        if (this.#pending !== request || error instanceof RequestAborted) return;
        this.#failure = { ...toFailure(error, 'failedLink'), at: Date.now() };
      },
    ).finally(() => {
      if (this.#pending === request) this.#pending = undefined;
    });
  }

  /** A new request for `network`'s linking URL. */
  request(network: string): UrlRequest {
    const controller = new AbortController();
    return { promise: this.#fetchUrl(network, controller.signal), controller };
  }

  /** The fresh URL, taken so that it is used at most once. */
  takeUrl(): LinkUrl | undefined {
    const url = this.#url;
    this.#url = undefined;
    return url && isFresh(url) ? url : undefined;
  }

  /** Puts back a URL a blocked click did not use, for the Continue click. */
  keep(url: LinkUrl): void {
    this.#url = url;
  }

  /** The recent failure a click should show instead of opening (when nothing is in flight). */
  takeFailure(): Failure | undefined {
    const failure = this.#failure;
    this.#failure = undefined;
    if (!failure || this.#pending || Date.now() - failure.at >= FAILURE_STANDS_MS) return undefined;
    const { at: _at, ...rest } = failure;
    return rest;
  }

  /** The request in flight, handed over to the flow that starts now. */
  takePending(): UrlRequest | undefined {
    const pending = this.#pending;
    this.#pending = undefined;
    return pending;
  }

  drop(): void {
    this.#pending?.controller.abort();
    this.#pending = undefined;
    this.#url = undefined;
    this.#failure = undefined;
  }
}
