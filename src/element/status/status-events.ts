import type { ReactiveController } from 'lit';
import type { ConnectedHost } from '../connected-host.js';
import { developerNotes } from '../net/developer-notes.js';
import { safeLinkUrl } from '../net/safe-url.js';
import { loadPart } from '../parts/parts.js';

/** The element's settings this controller reads, each update. */
export interface StatusEventsSettings {
  readonly eventsEndpoint: string | undefined;
  readonly profileEndpoint: string | undefined;
  readonly requestInit: RequestInit | undefined;
}

/**
 * Follows the element's `events-endpoint` while it is connected and has a profile endpoint:
 * holds its share of the page's one stream on that endpoint and calls `changed` when the
 * status may have changed. Without the attribute it does nothing at all (the stream's code is a
 * part, parts/events-source.ts, loaded the first time an element follows one).
 */
export class StatusEventsController implements ReactiveController {
  /** What is followed now, as written (with the credentials mode); undefined: nothing. */
  #followed: string | undefined;
  #unsubscribe: (() => void) | undefined;

  readonly #host: ConnectedHost;
  readonly #settings: StatusEventsSettings;
  readonly #changed: () => void;

  constructor(host: ConnectedHost, settings: StatusEventsSettings, changed: () => void) {
    this.#host = host;
    this.#settings = settings;
    this.#changed = changed;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    // A move (remove and insert in the same task) keeps the stream.
    queueMicrotask(() => this.#host.isConnected || this.#stop());
  }

  #follow(): void {
    const { eventsEndpoint, profileEndpoint, requestInit } = this.#settings;
    // EventSource sends no custom headers: cookies are its only credentials.
    const withCredentials = requestInit?.credentials === 'include';
    const wanted = this.#host.isConnected && profileEndpoint && eventsEndpoint ? `${+withCredentials}${eventsEndpoint}` : undefined;
    if (wanted === this.#followed) return;
    this.#stop();
    this.#followed = wanted;
    if (!wanted) return;
    const url = safeLinkUrl(eventsEndpoint, document.baseURI);
    if (!url) return console.error(developerNotes.eventsUrl(String(eventsEndpoint)));
    void loadPart('events').then((events) => {
      // Still what is wanted once the part is here (not stopped or changed meanwhile).
      if (events && this.#followed === wanted && !this.#unsubscribe && this.#host.isConnected) this.#unsubscribe = events.subscribeEvents(url, withCredentials, this.#changed);
    });
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#followed = undefined;
  }
}
