import type { ReactiveController } from 'lit';
import type { ConnectedHost } from './connected-host.js';
import { toFailure, type Failure } from './net/failures.js';
import { RequestAborted, requestJson } from './net/request.js';
import { networkName } from '../protocol/networks.js';
import { partOf } from './view/dom.js';

/** The element's settings unlinking reads, each time it needs them. */
export interface UnlinkSettings {
  readonly unlinkEndpoint: string | undefined;
  readonly requestInit: RequestInit | undefined;
  readonly timeout: number;
}

/** What unlinking tells its element. */
export interface UnlinkOptions {
  /** Unlinked: re-read the status. */
  unlinked(): Promise<void>;
  /** The unlink of `platform` starts: an earlier unlink problem is over. */
  started(platform: string): void;
  failed(failure: Failure, platform: string): void;
  /** After the next update, keyboard focus goes to what `target` returns (the control that replaced the one pressed). */
  keepFocus(target: () => HTMLElement | undefined): void;
  /** A network's row in the element's shadow root. */
  row(platform: string): HTMLElement | undefined;
}

/** A row's Unlink: the confirmation, the request, and its progress. */
export class UnlinkController implements ReactiveController {
  /** The network whose unlink awaits confirmation. */
  confirming: string | undefined;
  /** The network being unlinked. */
  unlinking: string | undefined;
  #controller: AbortController | undefined;

  readonly #host: ConnectedHost;
  readonly #settings: UnlinkSettings;
  readonly #options: UnlinkOptions;

  constructor(host: ConnectedHost, settings: UnlinkSettings, options: UnlinkOptions) {
    this.#host = host;
    this.#settings = settings;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#controller?.abort();
    });
  }

  /** Shows or hides the confirmation for `platform`; focus moves to the control that replaced the one pressed. */
  confirm(platform: string, on: boolean): void {
    this.confirming = on ? platform : undefined;
    this.#options.keepFocus(() => partOf(this.#options.row(platform), on ? 'confirm-unlink' : 'unlink'));
    this.#host.requestUpdate();
  }

  /** Unlinks `platform` (the confirm button, or Try again). */
  start(platform: string): void {
    // The confirm button becomes "Unlinking…": the row keeps focus meanwhile and after.
    this.#options.keepFocus(() => this.#options.row(platform));
    this.#options.started(platform);
    void this.#unlink(platform);
  }

  async #unlink(platform: string): Promise<void> {
    const url = this.#settings.unlinkEndpoint;
    if (!url || this.unlinking) return;
    this.confirming = undefined;
    this.unlinking = platform;
    this.#host.requestUpdate();
    const controller = new AbortController();
    this.#controller = controller;
    try {
      await requestJson({
        url,
        method: 'DELETE',
        body: { platform },
        requestInit: this.#settings.requestInit,
        timeout: this.#settings.timeout,
        signal: controller.signal,
        task: 'Unlink',
        networkName: networkName(platform),
        emptyOk: true,
      });
      this.#done();
      await this.#options.unlinked();
    } catch (error) {
      this.#done();
      if (!(error instanceof RequestAborted)) this.#options.failed(toFailure(error, 'failedUnlink', { name: networkName(platform) }), platform);
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  #done(): void {
    this.unlinking = undefined;
    this.#host.requestUpdate();
  }
}
