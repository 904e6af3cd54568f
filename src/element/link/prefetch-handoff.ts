import { RequestAborted } from '../net/request.js';
import { isFresh, type LinkUrl } from './link-url.js';
import { toFailure, type Failure } from '../net/failures.js';

// A prefetch that failed this recently is the answer a click would get: show it instead of
// flashing a blank popup open and shut.
const FAILURE_STANDS_MS = 60_000;
// Each link request counts against Ayrshare's 300 per 5 minutes (and a day of refusals
// suspends the profile): fetching ahead may cost at most this many a minute per element.
const PREFETCHES_PER_MINUTE = 6;

/** A request for the linking URL: its answer, and the controller that can abort it. */
export interface UrlRequest {
  promise: Promise<LinkUrl>;
  controller: AbortController;
}

/** What is known ahead of a click for one scope. */
interface Slot {
  url?: LinkUrl;
  pending?: UrlRequest;
  failure?: Failure & { at: number };
}

/**
 * Hands a linking URL fetched ahead of a click (hover, focus, touch) to the flow the click
 * starts, once: one slot per scope ('' = every network shown, else one network: a row's Link or
 * Reconnect). A scope whose URL is still fresh (or on its way) is not fetched again, and at most
 * six are fetched a minute.
 */
export class PrefetchHandoff {
  /** The scope the flow starting now is for: the slot the take…() calls read. */
  #scope = '';
  readonly #slots = new Map<string, Slot>();
  /** When the prefetches of the last minute started. */
  #started: number[] = [];
  readonly #fetchUrl: (network: string, signal: AbortSignal) => Promise<LinkUrl>;

  constructor(fetchUrl: (network: string, signal: AbortSignal) => Promise<LinkUrl>) {
    this.#fetchUrl = fetchUrl;
  }

  /** Points the take…() calls at `network`'s slot: what was fetched for another scope is not this flow's. */
  retarget(network: string): void {
    this.#scope = network;
  }

  /** Fetches ahead for `network`, unless its URL is fresh or on its way, or the minute's budget is spent. */
  warm(network: string): void {
    const slot = this.#slots.get(network) ?? {};
    if (slot.pending || (slot.url && isFresh(slot.url))) return;
    // A recent failure stands until a click shows it (the click's own focus must not retry).
    if (slot.failure && Date.now() - slot.failure.at < FAILURE_STANDS_MS) return;
    const now = Date.now();
    this.#started = this.#started.filter((at) => now - at < 60_000);
    if (this.#started.length >= PREFETCHES_PER_MINUTE) return;
    this.#started.push(now);
    const request = this.request(network);
    const fresh: Slot = { pending: request };
    this.#slots.set(network, fresh);
    request.promise.then(
      (url) => {
        if (fresh.pending === request) fresh.url = url;
      },
      (error: unknown) => {
        if (fresh.pending !== request || error instanceof RequestAborted) return;
        fresh.failure = { ...toFailure(error, 'failedLink'), at: Date.now() };
      },
    ).finally(() => {
      if (fresh.pending === request) fresh.pending = undefined;
    });
  }

  /** A new request for `network`'s linking URL. */
  request(network: string): UrlRequest {
    const controller = new AbortController();
    return { promise: this.#fetchUrl(network, controller.signal), controller };
  }

  /** The flow's fresh URL, taken so that it is used at most once. */
  takeUrl(): LinkUrl | undefined {
    const slot = this.#slots.get(this.#scope);
    const url = slot?.url;
    if (slot) slot.url = undefined;
    return url && isFresh(url) ? url : undefined;
  }

  /** Puts back a URL a blocked click did not use, for the Continue click. */
  keep(url: LinkUrl): void {
    this.#slots.set(this.#scope, { url });
  }

  /** The recent failure a click should show instead of opening (when nothing is in flight). */
  takeFailure(): Failure | undefined {
    const slot = this.#slots.get(this.#scope);
    const failure = slot?.failure;
    if (slot) slot.failure = undefined;
    if (!failure || slot?.pending || Date.now() - failure.at >= FAILURE_STANDS_MS) return undefined;
    const { at: _at, ...rest } = failure;
    return rest;
  }

  /** The flow's request in flight, handed over to the flow that starts now. */
  takePending(): UrlRequest | undefined {
    const slot = this.#slots.get(this.#scope);
    const pending = slot?.pending;
    if (slot) slot.pending = undefined;
    return pending;
  }

  drop(): void {
    for (const slot of this.#slots.values()) slot.pending?.controller.abort();
    this.#slots.clear();
  }
}
