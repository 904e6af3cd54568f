import type { ReactiveController } from 'lit';
import type { ConnectedHost } from '../connected-host.js';
import type { SocialLinkState } from '../types.js';
import { developerNotes } from '../net/developer-notes.js';
import { toFailure } from '../net/failures.js';
import { RequestAborted } from '../net/request.js';
import { callbackOriginAllowed, fetchLinkUrl, trustedUrl, type LinkUrl } from './link-url.js';
import type { LinkFlowHooks, LinkFlowPhase, LinkFlowSettings } from './link-flow-hooks.js';
import { popupFeatures, popupName, popupsSandboxed, showConnecting } from './popup.js';
import { CompletionListener, connectOutcome } from './completion-listener.js';
import { PopupWatcher } from './popup-watcher.js';
import { PrefetchHandoff, type UrlRequest } from './prefetch-handoff.js';
import { cameBack, leaveFor } from './redirect-history.js';

export type { LinkFlowHooks, LinkFlowPhase, LinkFlowSettings } from './link-flow-hooks.js';

/**
 * Why a flow ended: finished, popup closed (or `close()`), the user came back from the linking
 * page's tab (left open), failed before the provider, or the element left.
 */
type EndReason = 'done' | 'closed' | 'returned' | 'failed' | 'teardown';

// COOP on any page in the popup makes `closed` read true while it is still open and cuts
// `window.opener`: a callback that arrives this long after the flow ended still counts.
const LATE_CALLBACK_MS = 10 * 60_000;
// Coming back as the linking tab closes itself: its last message may still be on its way.
const RETURN_GRACE_MS = 150;

/**
 * The link flow: opens the linking page in the click's own task, fetches and checks the linking
 * URL, and ends the flow on whichever signal comes first — a provider event, the callback page,
 * the popup coming back to our origin, or the popup closing.
 */
export class LinkFlowController implements ReactiveController {
  phase: LinkFlowPhase = 'idle';
  readonly #windowName = popupName();
  readonly #prefetched = new PrefetchHandoff((network, signal) => this.#fetchUrl(network, signal));
  readonly #listener = new CompletionListener(
    {
      provider: (message, source) => {
        if (this.state === 'idle' || this.#otherWindow(source)) return;
        const outcome = connectOutcome(message);
        if (outcome === 'closed') return this.#done();
        if (outcome?.outcome === 'success') {
          this.#linkedSomething = true;
          // Ayrshare saved the account before sending this: the list updates while the popup is open.
          void this.#hooks.refresh();
        }
        if (outcome) this.#hooks.connected(outcome);
      },
      callback: (source, broadcast) => {
        // While the popup handle is alive, its own postMessage is the signal to trust: a
        // broadcast could come from another tab's flow.
        if (this.state !== 'idle' ? this.#otherWindow(broadcast ? undefined : source) : this.phase !== 'awaiting-callback') return;
        this.#done();
      },
      returned: (away) => {
        // Back from the linking page's tab (phones open one for window.open): the flow ends
        // there, leaving the tab to the user; a late callback still completes it. A desktop
        // popup beside the page is not left by switching tabs: its own close ends that flow.
        const left = away === 'restored' || (away && (this.#settings.mode === 'tab' || matchMedia('(pointer: coarse)').matches));
        if (left && this.phase === 'open') this.#lingerTimer ??= setTimeout(() => this.#end('returned'), RETURN_GRACE_MS);
        else if (this.state === 'idle' && this.phase !== 'idle') void this.#hooks.refresh();
      },
    },
    {
      provider: (origin) => Boolean(trustedUrl(origin, this.#settings.allowedHosts)),
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
    if (this.state !== 'idle') return this.raisePopup();
    // What was fetched ahead for another scope (the main button vs a row) is not this flow's.
    this.#prefetched.retarget(network);
    if (!this.#settings.jwtEndpoint) {
      console.error(developerNotes.noEndpoint());
      return this.#hooks.failed({ code: 'request-failed', text: { id: 'notSetUp' } }, network);
    }
    const taken = this.#prefetched.takeUrl();
    // allowed-hosts may have changed since the prefetch: check again.
    const ready = taken && trustedUrl(taken.href, this.#settings.allowedHosts) ? taken : undefined;
    const failure = this.#prefetched.takeFailure();
    if (!ready && failure) return this.#hooks.failed(failure, network);
    const mode = this.#hooks.inApp() ? 'redirect' : this.#settings.mode;
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
    this.#lingerTimer = undefined;
    const id = ++this.#flowId;
    this.#linkedSomething = false;
    this.#watcher = new PopupWatcher(popup, { closed: () => this.#end('closed'), back: () => this.#done() }, Boolean(ready));
    this.#listener.start();
    this.#setPhase(ready ? 'open' : 'opening');
    this.#hooks.opened(mode);
    if (ready) return;

    showConnecting(popup, this.#hooks.connectingPage());
    this.#waitForUrl(network, id, (url) => {
      if (this.phase !== 'opening') return;
      if (popup.closed) return this.#end('closed');
      if (this.#watcher?.navigate(url.href)) return this.#setPhase('open');
      // The popup went elsewhere meanwhile and is no longer ours to navigate.
      this.#end('failed');
      this.#hooks.failed({ code: 'request-failed', text: { id: 'lostWindow' } }, network);
    });
  }

  /** Brings the popup to the front (a second click, or the hint's "Bring it back"). */
  raisePopup(): void {
    this.#watcher?.raise();
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
    if (arrived && trustedUrl(arrived.href, this.#settings.allowedHosts)) return use(arrived);
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
        this.#hooks.failed(toFailure(error, 'failedLink'), network);
      },
    );
  }

  #redirect(ready: LinkUrl | undefined, network: string): void {
    const go = (url: LinkUrl) => {
      this.#hooks.opened('redirect');
      // Not location.assign: the bearer URL must not become an entry Back or Forward reloads.
      leaveFor(url.href);
    };
    if (ready) return go(ready);
    this.#setPhase('opening');
    this.#waitForUrl(network, ++this.#flowId, go);
  }

  #blocked(ready: LinkUrl | undefined, network: string): void {
    if (popupsSandboxed()) {
      console.error(developerNotes.sandboxed());
      return this.#hooks.failed({ code: 'popup-blocked', text: { id: 'sandboxed' }, final: true }, network);
    }
    // The URL was not used: keep it for the Continue click.
    if (ready) this.#prefetched.keep(ready);
    else this.prefetch(network);
    this.#hooks.failed({ code: 'popup-blocked', text: { id: 'blocked' } }, network);
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
      this.#hooks.done();
      void this.#hooks.refresh();
    } else if (this.state !== 'idle') {
      this.#hooks.done();
      this.#end('done');
    }
  }

  #end(reason: EndReason): void {
    const running = this.state !== 'idle';
    // A redirect that failed opened no window: there is nothing to report closed.
    const hadWindow = Boolean(this.#watcher);
    this.#flowId++;
    if (reason === 'returned') this.#watcher?.stop();
    else {
      this.#watcher?.close();
      this.#closing = this.#watcher;
    }
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
    if (hadWindow) this.#hooks.closed(reason === 'done' || this.#linkedSomething);
    if (reason === 'failed') return this.#listener.stop();
    void this.#hooks.refresh();
    // Listen a while longer for a callback that COOP kept from reaching us sooner.
    this.#lingerTimer = setTimeout(() => {
      this.phase = 'idle';
      this.#listener.stop();
    }, LATE_CALLBACK_MS);
  }

  #fetchUrl(network: string, signal: AbortSignal): Promise<LinkUrl> {
    const networks = this.#hooks.requestedNetworks();
    return fetchLinkUrl({
      endpoint: this.#settings.jwtEndpoint ?? '',
      allowedHosts: this.#settings.allowedHosts,
      requestInit: this.#settings.requestInit,
      timeout: this.#settings.timeout,
      signal,
      ...(networks?.length ? { networks } : {}),
      ...(network ? { network } : {}),
    });
  }
}
