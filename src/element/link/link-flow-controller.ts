import type { ReactiveController } from 'lit';
import type { ConnectedHost } from '../connected-host.js';
import type { SocialLinkEventMap, SocialLinkMode, SocialLinkState } from '../types.js';
import { developerNotes } from '../net/developer-notes.js';
import { toFailure, type Failure } from '../net/failures.js';
import { RequestAborted } from '../net/request.js';
import { allowedHosts, callbackOriginAllowed, fetchLinkUrl, trustedUrl, type LinkUrl } from './link-url.js';
import { numberOrText, text, type ProviderMessage } from '../../protocol/schemas.js';
import { popupFeatures, popupName, popupsSandboxed, showConnecting } from './popup.js';
import { CompletionListener } from './completion-listener.js';
import { PopupWatcher } from './popup-watcher.js';
import { PrefetchCache, type UrlRequest } from './prefetch-handoff.js';
import { cameBack, leaveFor } from './redirect-history.js';

/**
 * Where the flow is: `opening` (popup open, fetching the linking URL), `open` (the popup shows
 * the linking page), then for ten minutes after it ended `awaiting-callback` (ended without the
 * callback: a late one still completes it) or `settled`; `idle` otherwise. In every phase but
 * `idle` the page listens, and re-reads the status when the user comes back to it.
 */
export type LinkFlowPhase = 'idle' | 'opening' | 'open' | 'awaiting-callback' | 'settled';

/** Why a flow ended: finished, popup closed (or `close()`), failed before the provider, or the element left. */
type EndReason = 'done' | 'closed' | 'failed' | 'teardown';

/** The element's settings the flow reads, each time it needs them. */
export interface LinkFlowSettings {
  readonly jwtEndpoint: string | undefined;
  readonly allowedHosts: readonly string[] | string | undefined;
  readonly callbackOrigins: readonly string[] | string | undefined;
  readonly mode: SocialLinkMode;
  readonly timeout: number;
  readonly requestInit: RequestInit | undefined;
}

/** What the flow needs from its element besides its settings. */
export interface LinkFlowHooks {
  refresh(): Promise<void>;
  /** The Ayrshare ids the element shows, sent so the linking page offers only those. */
  requestedNetworks(): readonly string[] | undefined;
  emit<K extends keyof SocialLinkEventMap>(type: K, detail: SocialLinkEventMap[K]['detail']): void;
  /** Shows and emits a flow error. */
  reportFlowError(failure: Failure): void;
  /** The "Connecting…" page's title and text, in the element's language, and that language. */
  connectingPage(): { title: string; text: string; lang: string };
}

// COOP on any page in the popup makes `closed` read true while it is still open and cuts
// `window.opener`: a callback that arrives this long after the flow ended still counts.
const LATE_CALLBACK_MS = 10 * 60_000;

/**
 * The link flow: opens the linking page in the click's own task, fetches and checks the linking
 * URL, and ends the flow on whichever signal comes first — a provider event, the callback page,
 * the popup coming back to our origin, or the popup closing.
 */
export class LinkFlowController implements ReactiveController {
  phase: LinkFlowPhase = 'idle';
  readonly #windowName = popupName();
  readonly #prefetched = new PrefetchCache((network, signal) => this.#fetchUrl(network, signal));
  readonly #listener = new CompletionListener(
    {
      provider: (message, source) => {
        if (this.state !== 'idle' && !this.#otherWindow(source)) this.#onProvider(message);
      },
      callback: (source, broadcast) => {
        // While the popup handle is alive, its own postMessage is the signal to trust: a
        // broadcast could come from another tab's flow.
        if (this.state !== 'idle' ? this.#otherWindow(broadcast ? undefined : source) : this.phase !== 'awaiting-callback') return;
        this.#done();
      },
      returned: () => {
        if (this.state === 'idle' && this.phase !== 'idle') void this.#hooks.refresh();
      },
    },
    {
      provider: (origin) => Boolean(trustedUrl(origin, this.#allowedHosts())),
      callback: (origin) => callbackOriginAllowed(this.#settings.callbackOrigins, origin),
    },
  );
  #watcher: PopupWatcher | undefined;
  /** The last flow's popup, while it is still being asked to close. */
  #closing: PopupWatcher | undefined;
  /** The linking URL request this flow waits on. */
  #request: UrlRequest | undefined;
  /** Bumped whenever a flow starts or ends: answers for an older one are dropped. */
  #flowId = 0;
  /** A network was linked in this flow (a provider `connect:success`). */
  #linkedSomething = false;
  #lingerTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ConnectedHost;
  readonly #settings: LinkFlowSettings;
  readonly #hooks: LinkFlowHooks;

  constructor(
    host: ConnectedHost,
    settings: LinkFlowSettings,
    hooks: LinkFlowHooks,
  ) {
    this.#host = host;
    this.#settings = settings;
    this.#hooks = hooks;
    host.addController(this);
  }

  get state(): SocialLinkState {
    return this.phase === 'opening' || this.phase === 'open' ? this.phase : 'idle';
  }

  /** The network the current (or last) flow is for; '' for every network shown. */
  get scope(): string {
    return this.#prefetched.scope;
  }

  hostConnected(): void {
    cameBack();
  }

  hostDisconnected(): void {
    // A move (remove and insert in the same task) keeps the flow; only an element that stays
    // out of the document lets go of its popup, timers, listeners and requests.
    queueMicrotask(() => {
      if (!this.#host.isConnected) this.#end('teardown');
    });
  }

  /** Fetches the linking URL ahead of a click, for every network shown or one `network`. */
  prefetch(network = ''): void {
    if (this.#settings.jwtEndpoint && this.state === 'idle') this.#prefetched.warm(network);
  }

  /**
   * Starts the flow. Must run in the click's task: everything up to `window.open` is
   * synchronous, because Safari and Firefox drop the user activation at the first `await`.
   */
  open(network = ''): void {
    if (this.state !== 'idle') return this.focusPopup();
    // What was fetched ahead for another scope (the main button vs a row) is not this flow's.
    this.#prefetched.focus(network);
    if (!this.#settings.jwtEndpoint) {
      console.error(developerNotes.noEndpoint);
      return this.#hooks.reportFlowError({ code: 'request-failed', text: { id: 'notSetUp' } });
    }
    const taken = this.#prefetched.takeUrl();
    // allowed-hosts may have changed since the prefetch: check again.
    const ready = taken && trustedUrl(taken.href, this.#allowedHosts()) ? taken : undefined;
    const failure = this.#prefetched.takeFailure();
    if (!ready && failure) return this.#hooks.reportFlowError(failure);
    const mode = this.#settings.mode;
    if (mode === 'redirect') return this.#redirect(ready, network);
    // Outside a gesture the browser would block the popup: do not fire a doomed one.
    const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
    if (activation && !activation.isActive) return this.#blocked(ready, network);
    // The last popup may still be closing: window.open with its name must not get it closed.
    this.#closing?.stopClosing();
    this.#closing = undefined;
    let popup: Window | null = null;
    try {
      popup = window.open(ready?.href ?? '', this.#windowName, mode === 'tab' ? undefined : popupFeatures());
    } catch {
      // Firefox throws instead of returning null in a frame sandboxed without allow-popups.
    }
    if (!popup) return this.#blocked(ready, network);

    clearTimeout(this.#lingerTimer);
    const id = ++this.#flowId;
    this.#linkedSomething = false;
    this.#watcher = new PopupWatcher(popup, { closed: () => this.#end('closed'), back: () => this.#done() }, Boolean(ready));
    this.#listener.start();
    this.#setPhase(ready ? 'open' : 'opening');
    this.#hooks.emit('social-link-open', { mode });
    if (ready) return;

    showConnecting(popup, this.#hooks.connectingPage());
    this.#waitForUrl(network, id, (url) => {
      if (this.phase !== 'opening') return;
      if (popup.closed) return this.#end('closed');
      if (this.#watcher?.navigate(url.href)) return this.#setPhase('open');
      // The popup went elsewhere meanwhile and is no longer ours to navigate.
      this.#end('failed');
      this.#hooks.reportFlowError({ code: 'request-failed', text: { id: 'lostWindow' } });
    });
  }

  /** Brings the popup to the front (a second click, or the hint's "Bring it back"). */
  focusPopup(): void {
    this.#watcher?.focus();
  }

  /** Ends the flow and closes the popup, as the user closing it would. */
  close(): void {
    if (this.state !== 'idle') this.#end('closed');
  }

  #setPhase(phase: LinkFlowPhase): void {
    this.phase = phase;
    this.#host.requestUpdate();
  }

  /** Waits for the linking URL (the prefetch in flight, or a new request) for flow `id`. */
  #waitForUrl(network: string, id: number, use: (url: LinkUrl) => void): void {
    // Firefox runs other tasks inside window.open: the prefetch may have answered meanwhile.
    const arrived = this.#prefetched.takeUrl();
    if (arrived && trustedUrl(arrived.href, this.#allowedHosts())) return use(arrived);
    const request = this.#prefetched.takePending() ?? this.#prefetched.request(network);
    this.#request = request;
    request.promise.then(
      (url) => {
        if (id !== this.#flowId) return;
        this.#request = undefined;
        use(url);
      },
      (error: unknown) => {
        if (id !== this.#flowId || error instanceof RequestAborted) return;
        this.#request = undefined;
        // Nothing reached the provider, so the status cannot have changed: no re-read (and no
        // second error event from it when the host's backend is down).
        this.#end('failed');
        this.#hooks.reportFlowError(toFailure(error, 'failedLink'));
      },
    );
  }

  #redirect(ready: LinkUrl | undefined, network: string): void {
    const go = (url: LinkUrl) => {
      this.#hooks.emit('social-link-open', { mode: 'redirect' });
      // Not location.assign: the bearer URL must not become an entry Back or Forward reloads.
      leaveFor(url.href);
    };
    if (ready) return go(ready);
    this.#setPhase('opening');
    this.#waitForUrl(network, ++this.#flowId, go);
  }

  #blocked(ready: LinkUrl | undefined, network: string): void {
    if (popupsSandboxed()) {
      console.error(developerNotes.sandboxed);
      return this.#hooks.reportFlowError({ code: 'popup-blocked', text: { id: 'sandboxed' }, final: true });
    }
    // The URL was not used: keep it for the Continue click.
    if (ready) this.#prefetched.keep(ready);
    else this.prefetch(network);
    this.#hooks.reportFlowError({ code: 'popup-blocked', text: { id: 'blocked' } });
  }

  /** A message from a window other than our live popup (undefined: from no window at all). */
  #otherWindow(source: MessageEventSource | null | undefined): boolean {
    return Boolean(this.#watcher?.alive) && source !== this.#watcher?.popup;
  }

  /** The user finished (Done, or the callback page): end the flow, or complete an ended one. */
  #done(): void {
    if (this.phase === 'awaiting-callback') {
      // A late callback after the flow already ended.
      this.phase = 'settled';
      this.#hooks.emit('social-link-done', {});
      void this.#hooks.refresh();
    } else if (this.state !== 'idle') {
      this.#hooks.emit('social-link-done', {});
      this.#end('done');
    }
  }

  #end(reason: EndReason): void {
    const running = this.state !== 'idle';
    // A redirect that failed opened no window: there is nothing to report closed.
    const hadWindow = Boolean(this.#watcher);
    this.#flowId++;
    this.#watcher?.close();
    this.#closing = this.#watcher;
    this.#watcher = undefined;
    this.#request?.controller.abort();
    this.#request = undefined;
    clearTimeout(this.#lingerTimer);
    if (reason === 'teardown') {
      this.#prefetched.drop();
      this.#listener.stop();
      this.phase = 'idle';
      return;
    }
    if (!running) return;
    // Nothing reached the provider after a failure: no late callback to wait for, and nothing
    // to re-read when the window gets its focus back (Firefox and Safari fire that as the
    // popup closes).
    this.#setPhase(reason === 'failed' ? 'idle' : reason === 'done' ? 'settled' : 'awaiting-callback');
    if (hadWindow) this.#hooks.emit('social-link-close', { completed: reason === 'done' || this.#linkedSomething });
    if (reason === 'failed') return this.#listener.stop();
    void this.#hooks.refresh();
    // Listen a while longer for a callback that COOP kept from reaching us sooner.
    this.#lingerTimer = setTimeout(() => {
      this.phase = 'idle';
      this.#listener.stop();
    }, LATE_CALLBACK_MS);
  }

  #onProvider(message: ProviderMessage): void {
    const network = text(message.network) ?? '';
    if (message.event === 'connect:success') {
      this.#linkedSomething = true;
      // Ayrshare saved the account before sending this: the list updates while the popup is open.
      void this.#hooks.refresh();
      this.#hooks.emit('social-link-connect', { network, outcome: 'success' });
    } else if (message.event === 'connect:error' || message.event === 'connect:cancelled') {
      const detail: SocialLinkEventMap['social-link-connect']['detail'] = {
        network,
        outcome: message.event === 'connect:error' ? 'error' : 'cancelled',
      };
      const code = numberOrText(message.code);
      const said = text(message.message);
      if (code !== undefined) detail.code = code;
      if (said !== undefined) detail.message = said;
      this.#hooks.emit('social-link-connect', detail);
    } else if (message.event === 'connect:closed') {
      this.#done();
    }
  }

  #fetchUrl(network: string, signal: AbortSignal): Promise<LinkUrl> {
    const networks = this.#hooks.requestedNetworks();
    return fetchLinkUrl({
      endpoint: this.#settings.jwtEndpoint ?? '',
      allowedHosts: this.#allowedHosts(),
      requestInit: this.#settings.requestInit,
      timeout: this.#settings.timeout,
      signal,
      ...(networks?.length ? { networks } : {}),
      ...(network ? { network } : {}),
    });
  }

  #allowedHosts(): readonly string[] {
    return allowedHosts(this.#settings.allowedHosts);
  }
}
