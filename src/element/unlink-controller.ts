import type { ReactiveController } from 'lit';
import type { ConnectedHost } from './connected-host.js';
import { toFailure, type Failure } from './net/failures.js';
import { RequestAborted, requestJson } from './net/request.js';
import { networkName } from '../protocol/networks.js';

/** What unlinking reads from its element, and tells it. */
export interface UnlinkOptions {
  endpoint(): string | undefined;
  requestInit(): RequestInit | undefined;
  timeout(): number;
  /** Unlinked: re-read the status. */
  unlinked(): Promise<void>;
  failed(failure: Failure, platform: string): void;
}

/** A row's Unlink: the confirmation, the request, and its progress. */
export class UnlinkController implements ReactiveController {
  /** The network whose unlink awaits confirmation. */
  confirming: string | undefined;
  /** The network being unlinked. */
  unlinking: string | undefined;
  #controller: AbortController | undefined;

  readonly #host: ConnectedHost;
  readonly #options: UnlinkOptions;

  constructor(host: ConnectedHost, options: UnlinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#controller?.abort();
    });
  }

  /** Shows or hides the confirmation for `platform`. */
  confirm(platform: string, on: boolean): void {
    this.confirming = on ? platform : undefined;
    this.#host.requestUpdate();
  }

  async unlink(platform: string): Promise<void> {
    const url = this.#options.endpoint();
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
        requestInit: this.#options.requestInit(),
        timeout: this.#options.timeout(),
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
