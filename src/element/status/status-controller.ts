import type { ReactiveController } from 'lit';
import type { ConnectedHost } from '../connected-host.js';
import type { Failure } from '../net/failures.js';
import type { ProfileStatus } from './status-answer.js';
import { readStatus, subscribe, type StatusResult } from './status-source.js';
import { StatusEventsController } from './status-events.js';

/** The element's settings the controller reads, each time it needs them. */
export interface ProfileStatusSettings {
  /** The profile endpoint as written (relative URLs resolve against the page). */
  readonly profileEndpoint: string | undefined;
  readonly requestInit: RequestInit | undefined;
  readonly timeout: number;
  /** The events endpoint as written: while set, pushed changes re-read the status. */
  readonly eventsEndpoint: string | undefined;
}

/** What the controller tells its element. */
export interface ProfileStatusOptions {  /** A status arrived; `previous` is the one shown before (undefined: the first). */
  changed(status: ProfileStatus, previous: ProfileStatus | undefined): void;
  /** Reading the status failed. */
  failed(failure: Failure): void;
  /** A failure is over: a status arrived, or the endpoint changed. */
  cleared(): void;
}

/**
 * The link status of the element's profile endpoint: subscribes while the element is
 * connected (every element on an endpoint shares one request and hears every answer), follows
 * endpoint changes, and holds the status, whether it is loading, and the last failure.
 */
export class ProfileStatusController implements ReactiveController {
  status: ProfileStatus | undefined;
  loading = false;
  error: Failure | undefined;
  /** The endpoint followed now, resolved; undefined when there is none. */
  endpoint: string | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The endpoint as written when it was last followed (resolving it again each update is waste). */
  #written: string | undefined;

  readonly #host: ConnectedHost;
  readonly #settings: ProfileStatusSettings;
  readonly #options: ProfileStatusOptions;

  constructor(host: ConnectedHost, settings: ProfileStatusSettings, options: ProfileStatusOptions) {
    this.#host = host;
    this.#settings = settings;
    this.#options = options;
    host.addController(this);
    new StatusEventsController(host, settings, () => void this.refresh(true));
  }

  hostConnected(): void {
    this.#follow();
  }

  /** Before each render: an endpoint that changed is followed at once. */
  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    // A move (remove and insert in the same task) keeps the status.
    queueMicrotask(() => {
      if (this.#host.isConnected) return;
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      this.endpoint = undefined;
    });
  }

  /**
   * Re-reads the status (`fresh`: after the read in flight, if any, since it may predate a
   * change). Never rejects; a failure goes to `failed`.
   */
  async refresh(fresh?: boolean): Promise<void> {
    const endpoint = this.endpoint;
    if (!endpoint) return;
    this.loading = true;
    this.#host.requestUpdate();
    try {
      await readStatus(endpoint, { requestInit: this.#settings.requestInit, timeout: this.#settings.timeout, fresh });
    } catch (error) {
      // readStatus reports through the listeners; anything else is a bug, not the caller's.
      console.error(error);
    }
  }

  // A new endpoint drops the old one's answers (they may still be in flight) and its status,
  // so nothing from the previous endpoint is ever shown or reported.
  #follow(): void {
    if (!this.#host.isConnected) return;
    const written = this.#settings.profileEndpoint;
    if (written === this.#written && (this.#unsubscribe || !written)) return;
    this.#written = written;
    const endpoint = resolve(written);
    if (endpoint === this.endpoint) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.endpoint = endpoint;
    this.status = undefined;
    this.loading = false;
    if (this.error) {
      this.error = undefined;
      this.#options.cleared();
    }
    if (!endpoint) return;
    this.#unsubscribe = subscribe(endpoint, (result) => this.#apply(result));
    void this.refresh();
  }

  #apply(result: StatusResult): void {
    this.loading = false;
    this.#host.requestUpdate();
    if ('error' in result) {
      this.error = result.error;
      this.#options.failed(result.error);
      return;
    }
    const previous = this.status;
    this.status = result.status;
    if (this.error) {
      this.error = undefined;
      this.#options.cleared();
    }
    this.#options.changed(result.status, previous);
  }
}

function resolve(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, document.baseURI).href;
  } catch {
    // Kept as written: the request then fails and the user sees request-failed.
    return value;
  }
}
