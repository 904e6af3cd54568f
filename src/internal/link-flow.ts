import type { SocialLinkEventMap, SocialLinkMode } from '../events.js';
import { SocialLinkFailure, type Failure } from './errors.js';
import { RequestAborted } from './http.js';
import { DEFAULT_ALLOWED_HOSTS, fetchLinkUrl, isFresh, trustedUrl, type LinkUrl } from './link-url.js';
import { CALLBACK_CHANNEL, callbackMessage, providerMessage, type ProviderMessage } from './messages.js';
import { popupFeatures, popupName, popupsSandboxed, showConnecting } from './popup.js';
import { developerNotes } from './developer-notes.js';
import { toList } from './list.js';

export type LinkFlowState = 'idle' | 'opening' | 'open';

/** The element's settings the flow reads, each time it needs them. */
export interface LinkFlowSettings {
  readonly jwtEndpoint: string | undefined;
  readonly allowedHosts: readonly string[] | string | undefined;
  readonly callbackOrigins: readonly string[] | string | undefined;
  readonly mode: SocialLinkMode;
  readonly timeout: number;
  readonly requestInit: RequestInit | undefined;
}

/** What the flow needs from its element. */
export interface LinkFlowHost {
  readonly settings: LinkFlowSettings;
  requestUpdate(): void;
  refresh(): Promise<void>;
  /** The Ayrshare ids the element shows, sent so the linking page offers only those. */
  requestedNetworks(): readonly string[] | undefined;
  emit<K extends keyof SocialLinkEventMap>(type: K, detail: SocialLinkEventMap[K]['detail']): void;
  /** Shows and emits a flow error (`expired`: the linking URL had expired, offer a new one). */
  reportFlowError(failure: Failure): void;
  /** The "Connecting…" page's title and text, in the element's language, and that language. */
  connectingPage(): { title: string; text: string; lang: string };
}

const POLL_MS = 500;
const CLOSE_GRACE_MS = 150;
// COOP on any page in the popup makes `closed` read true while it is still open and cuts
// `window.opener`: a callback that arrives this long after the flow ended still counts.
const LATE_CALLBACK_MS = 10 * 60_000;
// A prefetch that failed this recently is the answer a click would get: show it instead of
// flashing a blank popup open and shut.
const PREFETCH_FAILURE_MS = 60_000;


/**
 * The link flow: opens the linking page in the click's own task, fetches and checks the linking
 * URL, and ends the flow on whichever signal comes first — a provider event, the callback page,
 * the popup coming back to our origin, or the popup closing.
 */
export class LinkFlow {
  state: LinkFlowState = 'idle';

  private popup: Window | null = null;
  private flowId = 0;
  private done = false;
  private linkedSomething = false;
  private leftOrigin = false;
  private prefetched: LinkUrl | undefined;
  private prefetching: Promise<LinkUrl> | undefined;
  private prefetchController: AbortController | undefined;
  private prefetchFailure: (Failure & { at: number }) | undefined;
  /** What the prefetched URL (or failure) is for: '' = every network shown, else one network. */
  private prefetchScope = '';
  private readonly windowName = popupName();
  private flowController: AbortController | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  /** A flow ended within the last 10 minutes. */
  private lingering = false;
  /** ...and without a callback, so a late one still completes it. */
  private awaitingLateCallback = false;
  private channel: BroadcastChannel | undefined;
  private listening = false;

  constructor(private readonly host: LinkFlowHost) {}

  /** The network the current (or last) flow is for; '' for every network shown. */
  get scope(): string {
    return this.prefetchScope;
  }

  private allowedHosts(): readonly string[] {
    const listed = toList(this.host.settings.allowedHosts);
    return listed.length ? listed : DEFAULT_ALLOWED_HOSTS;
  }

  private callbackOriginAllowed(origin: string): boolean {
    const listed = toList(this.host.settings.callbackOrigins);
    const origins = listed.length ? listed : [location.origin];
    return origins.some((entry) => {
      try {
        return new URL(entry).origin === origin;
      } catch {
        return false;
      }
    });
  }

  private setState(state: LinkFlowState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /**
   * Fetches the linking URL ahead of a click (hover, focus, touch) — for every network shown, or
   * for one `network` (a row's Link or Reconnect). One slot: intent on another scope replaces it.
   */
  prefetch(network = ''): void {
    if (!this.host.settings.jwtEndpoint || this.state !== 'idle') return;
    if (network !== this.prefetchScope) this.dropPrefetch();
    if (this.prefetching) return;
    if (this.prefetched && isFresh(this.prefetched)) return;
    // A recent failure stands until a click shows it (the click's own focus must not retry).
    if (this.prefetchFailure && Date.now() - this.prefetchFailure.at < PREFETCH_FAILURE_MS) return;
    this.prefetched = undefined;
    this.prefetchFailure = undefined;
    this.prefetchScope = network;
    const controller = new AbortController();
    this.prefetchController = controller;
    const pending = this.fetchUrl(controller.signal, network);
    this.prefetching = pending;
    pending.then(
      (url) => {
        if (this.prefetching === pending) this.prefetched = url;
      },
      (error: unknown) => {
        if (this.prefetching !== pending || error instanceof RequestAborted) return;
        this.prefetchFailure = { ...toFailure(error), at: Date.now() };
      },
    ).finally(() => {
      if (this.prefetching === pending) {
        this.prefetching = undefined;
        this.prefetchController = undefined;
      }
    });
  }

  private dropPrefetch(): void {
    this.prefetchController?.abort();
    this.prefetchController = undefined;
    this.prefetching = undefined;
    this.prefetched = undefined;
    this.prefetchFailure = undefined;
  }

  private fetchUrl(signal: AbortSignal, network: string): Promise<LinkUrl> {
    const request: Parameters<typeof fetchLinkUrl>[0] = {
      endpoint: this.host.settings.jwtEndpoint ?? '',
      allowedHosts: this.allowedHosts(),
      requestInit: this.host.settings.requestInit,
      timeout: this.host.settings.timeout,
      signal,
    };
    const networks = this.host.requestedNetworks();
    if (networks?.length) request.networks = networks;
    if (network) request.network = network;
    return fetchLinkUrl(request);
  }

  /** A fresh prefetched URL, taken so that it is used at most once. */
  private takeFresh(): LinkUrl | undefined {
    const url = this.prefetched;
    this.prefetched = undefined;
    // allowed-hosts may have changed since the prefetch: check again.
    return url && isFresh(url) && trustedUrl(url.href, this.allowedHosts()) ? url : undefined;
  }

  /** The URL for the flow now starting: the prefetch in flight, or a new request. */
  private pendingUrl(network: string): Promise<LinkUrl> {
    const inflight = this.prefetching;
    this.prefetching = undefined;
    if (inflight) {
      this.flowController = this.prefetchController;
      this.prefetchController = undefined;
      return inflight;
    }
    this.flowController = new AbortController();
    return this.fetchUrl(this.flowController.signal, network);
  }

  /**
   * Starts the flow. Must run in the click's task: everything up to `window.open` is
   * synchronous, because Safari and Firefox drop the user activation at the first `await`.
   */
  open(network = ''): void {
    if (this.state !== 'idle') {
      this.focusPopup();
      return;
    }
    // What was fetched ahead for another scope (the main button vs a row) is not this flow's.
    if (network !== this.prefetchScope) this.dropPrefetch();
    this.prefetchScope = network;
    if (!this.host.settings.jwtEndpoint) {
      console.error(developerNotes.noEndpoint);
      this.host.reportFlowError({ code: 'request-failed', text: { id: 'notSetUp' } });
      return;
    }
    const mode = this.host.settings.mode;
    const ready = this.takeFresh();
    const failure = this.prefetchFailure;
    this.prefetchFailure = undefined;
    if (!ready && !this.prefetching && failure && Date.now() - failure.at < PREFETCH_FAILURE_MS) {
      this.host.reportFlowError(failure);
      return;
    }
    if (mode === 'redirect') {
      this.redirect(ready, network);
      return;
    }
    // Outside a gesture the browser would block the popup: do not fire a doomed one.
    const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
    if (activation && !activation.isActive) {
      this.block(ready, network);
      return;
    }
    let popup: Window | null = null;
    try {
      popup =
        mode === 'tab'
          ? window.open(ready?.href ?? '', this.windowName)
          : window.open(ready?.href ?? '', this.windowName, popupFeatures());
    } catch {
      // Firefox throws instead of returning null in a frame sandboxed without allow-popups.
    }
    if (!popup) {
      this.block(ready, network);
      return;
    }
    const flowId = ++this.flowId;
    this.popup = popup;
    this.done = false;
    this.linkedSomething = false;
    this.leftOrigin = Boolean(ready);
    this.awaitingLateCallback = false;
    this.listen();
    this.startPolling();
    this.setState(ready ? 'open' : 'opening');
    this.host.emit('social-link-open', { mode });
    if (ready) return;

    showConnecting(popup, this.host.connectingPage());
    this.pendingUrl(network).then(
      (url) => {
        if (flowId !== this.flowId || this.state !== 'opening') return;
        this.flowController = undefined;
        if (popup.closed) {
          this.finish();
          return;
        }
        this.leftOrigin = true;
        try {
          // replace(): the popup's history keeps no blank page to go back to.
          popup.location.replace(url.href);
        } catch {
          // The popup went elsewhere meanwhile and is no longer ours to navigate.
          this.closePopup();
          this.finish(false);
          this.host.reportFlowError({ code: 'request-failed', text: { id: 'lostWindow' } });
          return;
        }
        this.setState('open');
      },
      (error: unknown) => {
        if (flowId !== this.flowId || error instanceof RequestAborted) return;
        this.flowController = undefined;
        popup.close();
        // Nothing reached the provider, so the status cannot have changed: no re-read (and no
        // second error event from it when the host's backend is down).
        this.finish(false);
        this.host.reportFlowError(toFailure(error));
      },
    );
  }

  private redirect(ready: LinkUrl | undefined, network: string): void {
    const go = (url: LinkUrl) => {
      this.host.emit('social-link-open', { mode: 'redirect' });
      location.assign(url.href);
    };
    if (ready) {
      go(ready);
      return;
    }
    const flowId = ++this.flowId;
    this.setState('opening');
    this.pendingUrl(network).then(
      (url) => {
        if (flowId !== this.flowId) return;
        this.flowController = undefined;
        go(url);
      },
      (error: unknown) => {
        if (flowId !== this.flowId || error instanceof RequestAborted) return;
        this.flowController = undefined;
        this.setState('idle');
        this.host.reportFlowError(toFailure(error));
      },
    );
  }

  private block(ready: LinkUrl | undefined, network: string): void {
    if (popupsSandboxed()) {
      console.error(developerNotes.sandboxed);
      this.host.reportFlowError({ code: 'popup-blocked', text: { id: 'sandboxed' }, final: true });
      return;
    }
    // The URL was not used: keep it for the Continue click.
    if (ready) this.prefetched = ready;
    else this.prefetch(network);
    this.host.reportFlowError({ code: 'popup-blocked', text: { id: 'blocked' } });
  }

  private closePopup(): void {
    const popup = this.popup;
    if (!popup) return;
    // Chromium can ignore close() while the popup is mid-way through a cross-site navigation
    // (its browsing context is moving to another process): ask again a moment later.
    const attempt = (left: number) => {
      try {
        if (popup.closed) return;
        popup.close();
      } catch {
        return; // already gone
      }
      if (left > 0) setTimeout(() => attempt(left - 1), 250);
    };
    attempt(4);
  }

  /** Brings the popup to the front (a second click, or the hint's "Bring it back"). */
  focusPopup(): void {
    try {
      this.popup?.focus();
    } catch {
      // a window we can no longer reach
    }
  }

  /** Ends the flow and closes the popup, as the user closing it would. */
  close(): void {
    if (this.state === 'idle') return;
    this.flowController?.abort();
    this.flowController = undefined;
    this.closePopup();
    this.finish();
  }

  private startPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = setInterval(() => this.poll(), POLL_MS);
  }

  private poll(): void {
    const popup = this.popup;
    if (!popup || popup.closed) {
      // A page that posts and then closes itself (the callback page, Ayrshare after Done) can
      // close before its message is delivered here: give the message a moment to arrive first.
      clearInterval(this.pollTimer);
      const flowId = this.flowId;
      setTimeout(() => {
        if (flowId === this.flowId) this.finish();
      }, CLOSE_GRACE_MS);
      return;
    }
    // Where the callback page is on our own origin, we see the popup come back ourselves.
    try {
      const { href, origin } = popup.location;
      if (this.leftOrigin && origin === location.origin && href !== 'about:blank') this.markDone();
    } catch {
      this.leftOrigin = true;
    }
  }

  /** The user finished (Done, or the callback page): re-read and end the flow. */
  private markDone(): void {
    if (this.done) return;
    this.done = true;
    this.host.emit('social-link-done', {});
    if (this.state === 'idle') {
      // A late callback after the flow already ended.
      this.awaitingLateCallback = false;
      void this.host.refresh();
      return;
    }
    this.closePopup();
    this.finish();
  }

  private finish(reread = true): void {
    if (this.state === 'idle' && !this.popup) return;
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.popup = null;
    this.flowController?.abort();
    this.flowController = undefined;
    const completed = this.done || this.linkedSomething;
    this.awaitingLateCallback = !this.done;
    this.setState('idle');
    this.host.emit('social-link-close', { completed });
    if (!reread) {
      // Nothing reached the provider: no late callback to wait for, and nothing to re-read when
      // the window gets its focus back (Firefox and Safari fire that as the popup closes).
      this.unlisten();
      return;
    }
    void this.host.refresh();
    // Listen a while longer for a callback that COOP kept from reaching us sooner.
    this.lingering = true;
    clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => {
      this.lingering = false;
      this.awaitingLateCallback = false;
      this.unlisten();
    }, LATE_CALLBACK_MS);
  }

  private listen(): void {
    clearTimeout(this.lingerTimer);
    if (this.listening) return;
    this.listening = true;
    window.addEventListener('message', this.onMessage);
    window.addEventListener('focus', this.onReturn);
    document.addEventListener('visibilitychange', this.onReturn);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(CALLBACK_CHANNEL);
      this.channel.addEventListener('message', this.onChannelMessage);
    }
  }

  private unlisten(): void {
    if (!this.listening) return;
    this.listening = false;
    window.removeEventListener('message', this.onMessage);
    window.removeEventListener('focus', this.onReturn);
    document.removeEventListener('visibilitychange', this.onReturn);
    this.channel?.close();
    this.channel = undefined;
  }

  private popupAlive(): boolean {
    return this.popup !== null && !this.popup.closed;
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const provider = providerMessage.safeParse(event.data);
    if (provider.success) {
      if (this.state === 'idle') return;
      if (!trustedUrl(event.origin, this.allowedHosts())) return;
      if (this.popupAlive() && event.source !== this.popup) return;
      this.onProviderMessage(provider.data);
      return;
    }
    if (!callbackMessage.safeParse(event.data).success) return;
    if (!this.callbackOriginAllowed(event.origin)) return;
    if (this.state !== 'idle') {
      if (this.popupAlive() && event.source !== this.popup) return;
    } else if (!this.awaitingLateCallback) {
      return;
    }
    this.markDone();
  };

  private readonly onChannelMessage = (event: MessageEvent): void => {
    if (!callbackMessage.safeParse(event.data).success) return;
    if (!this.callbackOriginAllowed(location.origin)) return;
    // While the popup handle is alive, its own postMessage is the signal to trust: a broadcast
    // could come from another tab's flow.
    if (this.state !== 'idle' ? this.popupAlive() : !this.awaitingLateCallback) return;
    this.markDone();
  };

  private onProviderMessage(message: ProviderMessage): void {
    const network = message.network ?? '';
    switch (message.event) {
      case 'connect:success':
        this.linkedSomething = true;
        // Ayrshare saved the account before sending this: the list updates while the popup is open.
        void this.host.refresh();
        this.host.emit('social-link-connect', { network, outcome: 'success' });
        break;
      case 'connect:error':
      case 'connect:cancelled': {
        const detail: SocialLinkEventMap['social-link-connect']['detail'] = {
          network,
          outcome: message.event === 'connect:error' ? 'error' : 'cancelled',
        };
        if (message.code !== undefined) detail.code = message.code;
        if (message.message !== undefined) detail.message = message.message;
        this.host.emit('social-link-connect', detail);
        break;
      }
      case 'connect:closed':
        this.markDone();
        break;
      default:
        break;
    }
  }

  private readonly onReturn = (): void => {
    if (document.visibilityState !== 'visible') return;
    if (this.state === 'idle' && this.lingering) void this.host.refresh();
  };

  /** Removed for good: close the popup and stop every timer, listener and request. */
  teardown(): void {
    this.flowId++;
    clearInterval(this.pollTimer);
    clearTimeout(this.lingerTimer);
    this.pollTimer = undefined;
    this.lingerTimer = undefined;
    this.flowController?.abort();
    this.flowController = undefined;
    this.dropPrefetch();
    this.closePopup();
    this.popup = null;
    this.lingering = false;
    this.awaitingLateCallback = false;
    this.state = 'idle';
    this.unlisten();
  }
}

function toFailure(error: unknown): Failure {
  return error instanceof SocialLinkFailure ? error.failure : { code: 'request-failed', text: { id: 'failedLink' } };
}
