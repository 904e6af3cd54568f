import { CALLBACK_CHANNEL } from '../../protocol/callback.js';
import { numberOrText, text } from '../../protocol/fields.js';
import type { ProviderMessage } from '../../protocol/schemas.js';
import { callbackMessage, providerMessage } from '../../protocol/validators.js';
import type { SocialLinkConnectDetail } from '../types.js';

/** What the page hears while a flow runs (and a while after). */
export interface CompletionEvents {
  /** A provider completion event from an allowed linking-page origin; `source` sent it. */
  provider(message: ProviderMessage, source: MessageEventSource | null): void;
  /**
   * The callback page's message from an allowed origin: by postMessage from `source`, or by
   * BroadcastChannel (`source` null: from any tab of our origin).
   */
  callback(source: MessageEventSource | null, broadcast: boolean): void;
  /**
   * The page is visible and focused again (the user is back from the popup); `away`: it was
   * hidden or restored from the back-forward cache, as when the linking page was a tab (on
   * phones, `window.open` gives one) and the user came back from it.
   */
  returned(away: 'shown' | 'restored' | false): void;
}

/** Origin checks for what the listener hears. */
export interface CompletionOrigins {
  provider(origin: string): boolean;
  callback(origin: string): boolean;
}

/**
 * Listens for the signals that a link finished: provider events and the callback page's
 * message (window message and BroadcastChannel), and the page getting its focus back.
 */
export class CompletionListener {
  #channel: BroadcastChannel | undefined;
  #listening = false;

  readonly #on: CompletionEvents;
  readonly #origins: CompletionOrigins;

  constructor(on: CompletionEvents, origins: CompletionOrigins) {
    this.#on = on;
    this.#origins = origins;
  }

  start(): void {
    if (this.#listening) return;
    this.#listening = true;
    window.addEventListener('message', this.#onMessage);
    window.addEventListener('focus', this.#onReturn);
    window.addEventListener('pageshow', this.#onReturn);
    document.addEventListener('visibilitychange', this.#onReturn);
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CALLBACK_CHANNEL);
      this.#channel.addEventListener('message', this.#onBroadcast);
    }
  }

  stop(): void {
    if (!this.#listening) return;
    this.#listening = false;
    window.removeEventListener('message', this.#onMessage);
    window.removeEventListener('focus', this.#onReturn);
    window.removeEventListener('pageshow', this.#onReturn);
    document.removeEventListener('visibilitychange', this.#onReturn);
    this.#channel?.close();
    this.#channel = undefined;
  }

  readonly #onMessage = (event: MessageEvent): void => {
    const provider = providerMessage.safeParse(event.data);
    if (provider.success) {
      if (this.#origins.provider(event.origin)) this.#on.provider(provider.data, event.source);
    } else if (callbackMessage.safeParse(event.data).success && this.#origins.callback(event.origin)) {
      this.#on.callback(event.source, false);
    }
  };

  readonly #onBroadcast = (event: MessageEvent): void => {
    if (callbackMessage.safeParse(event.data).success && this.#origins.callback(location.origin)) this.#on.callback(null, true);
  };

  readonly #onReturn = (event: Event): void => {
    // Becoming visible means it was hidden (a focus alone: a popup window closing beside it).
    if (document.visibilityState === 'visible') this.#on.returned(event.type === 'visibilitychange' ? 'shown' : (event as PageTransitionEvent).persisted && 'restored');
  };
}

/**
 * A provider message as the flow acts on it: one network's outcome (`social-link-connect`'s
 * detail, with only bounded text), `closed` for the page's Done, or undefined to ignore.
 */
export function connectOutcome(message: ProviderMessage): SocialLinkConnectDetail | 'closed' | undefined {
  const network = text(message.network) ?? '';
  if (message.event === 'connect:closed') return 'closed';
  if (message.event === 'connect:success') return { network, outcome: 'success' };
  if (message.event !== 'connect:error' && message.event !== 'connect:cancelled') return undefined;
  const detail: SocialLinkConnectDetail = { network, outcome: message.event === 'connect:error' ? 'error' : 'cancelled' };
  const code = numberOrText(message.code);
  const said = text(message.message);
  if (code !== undefined) detail.code = code;
  if (said !== undefined) detail.message = said;
  return detail;
}
