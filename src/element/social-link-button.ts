import { html, LitElement, nothing } from 'lit';
import { Feedback } from './feedback.js';
import { FocusKeeper } from './focus-keeper.js';
import { LanguageController } from '../i18n/language-controller.js';
import { LinkFlowController } from './link/link-flow-controller.js';
import { ProfileStatusController } from './status/status-controller.js';
import { UnlinkController } from './unlink-controller.js';
import type { MessageId } from '../i18n/messages.js';
import { developerNotes, shownValue } from './net/developer-notes.js';
import type { Failure } from './net/failures.js';
import { DEFAULT_TIMEOUT_MS } from './net/request.js';
import { allowedHosts, callbackOrigins } from './link/link-url.js';
import { ListSettings, type ListValue } from './list-settings.js';
import { isNetworkId, NETWORK_IDS, networksToShow, openScope } from '../protocol/networks.js';
import { PrefetchIntent } from './link/prefetch-intent.js';
import { StatusChanges } from './status/status-changes.js';
import { styles } from './styles/index.js';
import type { LinkedAccount, SocialLinkEventMap, SocialLinkHealth, SocialLinkMode, SocialLinkState } from './types.js';
import { VERSION } from '../protocol/version.js';
import { renderBar } from './view/bar.js';
import { partOf, rowOf } from './view/dom.js';
import { renderRows } from './view/rows-view.js';
import { InAppController } from './in-app-controller.js';
import { renderInAppNotice } from './view/in-app-notice.js';
import { RovingController } from './view/roving-controller.js';
import { flowAction, renderProblem } from './view/problem.js';

/**
 * A button that links a user's social media accounts through the host's Ayrshare integration,
 * with the link status of each network beside it.
 *
 * @summary Link social accounts through Ayrshare and show which are linked.
 * @tag social-link-button
 *
 * @slot - The button's text; overrides `label`.
 * @slot in-app-notice - Your own words for the in-app browser notice (its "Open in your browser" link stays).
 *
 * @attr {"idle" | "opening" | "open"} state - Reflected, read-only: `opening` while fetching the linking URL, `open` while waiting on the popup.
 *
 * @event {CustomEvent<SocialLinkOpenDetail>} social-link-open - The popup or tab opened, or the page is about to redirect. `{ mode }`
 * @event {CustomEvent<SocialLinkConnectDetail>} social-link-connect - The provider reported one network's outcome. `{ network, outcome, code?, message? }`
 * @event {CustomEvent<SocialLinkDoneDetail>} social-link-done - The user finished on the linking page. `{}`
 * @event {CustomEvent<SocialLinkCloseDetail>} social-link-close - The flow ended. `{ completed }`
 * @event {CustomEvent<SocialLinkChangeDetail>} social-link-change - The set of linked networks changed (not on the first read). `{ linked, added, removed, accounts }`
 * @event {CustomEvent<SocialLinkErrorDetail>} social-link-error - Something failed. `{ code, message, status?, retryAfter? }`
 * @event {CustomEvent<SocialLinkHealthDetail>} social-link-health - A linked account's health changed (not on the first read). `{ health, changed }`
 * @event {CustomEvent<SocialLinkInAppBrowserDetail>} social-link-in-app-browser - The page is in a social app's own browser (once per connect, also with `ignore-in-app`). `{ app, platform }`
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The link button.
 * @csspart label - The button's text.
 * @csspart spinner - The button's busy indicator while the linking page is being fetched.
 * @csspart hint - "Finish in the popup window" while the popup is open.
 * @csspart bring-back - The hint's "Bring it back" button, which brings the popup to the front.
 * @csspart networks - The list of networks.
 * @csspart network - One network (also `network-linked` when linked).
 * @csspart network-linked - A linked network.
 * @csspart network-expiring - A linked network that must be reconnected within 14 days.
 * @csspart network-needs-reconnect - A linked network that must be reconnected now.
 * @csspart health - A row's "Reconnect by <date>" / "Needs reconnecting" badge.
 * @csspart link-network - An unlinked row's "Link" button (links that network only).
 * @csspart reconnect - An expiring or broken row's "Reconnect" button.
 * @csspart icon - A network's brand icon tile.
 * @csspart name - A network's name.
 * @csspart account - The linked account's name (a link when it has a profile URL).
 * @csspart avatar - The linked account's picture.
 * @csspart status - A network's "Linked" / "Not linked" / "Checking…" text.
 * @csspart error - The error message box.
 * @csspart retry - The error box's button: "Try again", "Continue" for a blocked popup, "Open a new link" for an expired one.
 * @csspart continue - The retry button when the popup was blocked.
 * @csspart unlink - A linked network's "Unlink" button.
 * @csspart confirm-unlink - The button that confirms an unlink.
 * @csspart cancel-unlink - The button that cancels an unlink.
 * @csspart unlink-progress - "Unlinking…" while the request runs.
 * @csspart in-app-notice - "You're in Instagram's browser…", shown in a social app's own browser.
 * @csspart in-app-open - The notice's "Open in your browser" link (Android: an intent to this page).
 * @csspart in-app-blocked - "Open in your browser to link", in place of Link for a network the app's browser cannot link (YouTube, Google Business Profile).
 *
 * @cssproperty --social-link-button-font - Font shorthand (default: the system UI font, 1rem/1.5).
 * @cssproperty --social-link-button-color - Text colour.
 * @cssproperty --social-link-button-muted-color - Secondary text colour.
 * @cssproperty --social-link-button-background - Background of each network row.
 * @cssproperty --social-link-button-border-color - Border of each network row.
 * @cssproperty --social-link-button-radius - Corner radius.
 * @cssproperty --social-link-button-accent - Button background.
 * @cssproperty --social-link-button-accent-text - Button text colour.
 * @cssproperty --social-link-button-linked-color - "Linked" text and badge colour.
 * @cssproperty --social-link-button-error-color - Error text and border colour.
 * @cssproperty --social-link-button-warning-color - The "needs reconnecting" badge colour.
 * @cssproperty --social-link-button-focus-ring - Focus outline colour.
 * @cssproperty --social-link-button-gap - Space between rows.
 * @cssproperty --social-link-button-icon-size - Size of a network's icon tile.
 * @cssproperty --social-link-button-avatar-size - Size of an account picture.
 */
export class SocialLinkButton extends LitElement {
  static readonly version = VERSION;
  static override styles = styles;

  static override properties = {
    jwtEndpoint: { attribute: 'jwt-endpoint' },
    profileEndpoint: { attribute: 'profile-endpoint' },
    unlinkEndpoint: { attribute: 'unlink-endpoint' },
    eventsEndpoint: { attribute: 'events-endpoint' },
    // The setters take the attribute's string (space- or comma-separated) like any other.
    networks: { noAccessor: true },
    allowedHosts: { attribute: 'allowed-hosts', noAccessor: true },
    callbackOrigins: { attribute: 'callback-origins', noAccessor: true },
    mode: {},
    label: { noAccessor: true },
    timeout: { type: Number },
    prefetch: {},
    disabled: { type: Boolean, reflect: true },
    compact: { type: Boolean, reflect: true },
    ignoreInApp: { type: Boolean, attribute: 'ignore-in-app' },
    requestInit: { attribute: false },
    strings: { attribute: false },
  };

  /** Host URL that returns a fresh linking URL (POST). */
  declare jwtEndpoint: string | undefined;
  /** Host URL that returns the link status (GET); without it no status is shown. */
  declare profileEndpoint: string | undefined;
  /** Host URL that unlinks one network (DELETE); without it no unlink control is shown. */
  declare unlinkEndpoint: string | undefined;
  /** Host URL of a Server-Sent Events stream of status changes (one per page per URL; cookies are its only credentials); without it the status is re-read only on load, after a flow and on `refresh()`. */
  declare eventsEndpoint: string | undefined;
  readonly #lists = new ListSettings(this);

  /** Networks to show, in this order (default: every network). Aliases such as `x` and `google` are understood. */
  get networks(): string[] { return [...(this.#lists.get('networks') ?? NETWORK_IDS)]; }
  set networks(value: ListValue) { this.#lists.set('networks', value); }

  /** Hosts the linking URL may point to (default: `profile.ayrshare.com`). */
  get allowedHosts(): string[] { return allowedHosts(this.#lists.get('allowedHosts')); }
  set allowedHosts(value: ListValue) { this.#lists.set('allowedHosts', value); }

  /** Origins whose callback message is accepted (default: the page's own). */
  get callbackOrigins(): string[] { return callbackOrigins(this.#lists.get('callbackOrigins')); }
  set callbackOrigins(value: ListValue) { this.#lists.set('callbackOrigins', value); }
  /** How the linking page opens. */
  declare mode: SocialLinkMode;
  /** Milliseconds each request to a host endpoint may take. */
  declare timeout: number;
  /** `intent`: fetch the linking URL on hover, focus or touch. */
  declare prefetch: 'intent' | 'none';
  /** Disables the button. */
  declare disabled: boolean;
  /** Icons only; each icon is focusable and shows its name and status as a tooltip. */
  declare compact: boolean;
  /** Turns the in-app browser handling off: no notice, popups as `mode` says, every Link offered. */
  declare ignoreInApp: boolean;
  /** Merged into every request to the host endpoints (headers for CSRF or auth, credentials). */
  declare requestInit: RequestInit | undefined;
  /**
   * Your own words for any message, by id (`{ label: 'Connect', tryAgain: 'Retry' }`); they win
   * over the locale's. Ids and English texts: the README's "Languages" section.
   */
  declare strings: Partial<Record<MessageId, string>> | undefined;
  #ownLabel: string | undefined;

  /** The button's text (default: "Link social accounts", in the element's language); the default slot overrides it. */
  get label(): string { return this.#ownLabel ?? this.#words.t('label'); }
  set label(value: string | null | undefined) {
    const old = this.#ownLabel;
    this.#ownLabel = value ?? undefined;
    this.requestUpdate('label', old);
  }

  readonly #words = new LanguageController(this, () => this.strings);
  readonly #feedback = new Feedback(this, this.#words, (detail) => this.#emit('social-link-error', detail));
  readonly #changes = new StatusChanges(this.#words, (type, detail) => this.#emit(type, detail), (text) => this.#feedback.announce(text));
  readonly #focusKeeper = new FocusKeeper(this, () => partOf(this.renderRoot, 'retry') ?? partOf(this.renderRoot, 'button'));
  readonly #roving = new RovingController(this);
  readonly #profile = new ProfileStatusController(this, this, {
    changed: (status, previous) => this.#changes.read(status, previous),
    failed: (failure) => this.#feedback.report({ failure, source: 'status', retry: () => void this.refresh(), action: 'retry' }),
    cleared: () => this.#feedback.clear('status'),
  });
  readonly #inApp = new InAppController(this);
  readonly #flow = new LinkFlowController(this, this, {
    refresh: () => this.refresh(),
    inApp: () => this.#inApp.redirects,
    requestedNetworks: () => (this.#lists.get('networks')?.length ? networksToShow(this.networks).filter(isNetworkId) : undefined),
    opened: (mode) => this.#emit('social-link-open', { mode }),
    connected: (detail) => {
      if (this.#changes.outcome(detail, this.#profile.status)) this.requestUpdate();
      this.#emit('social-link-connect', detail);
    },
    done: () => this.#emit('social-link-done', {}),
    closed: (completed) => this.#emit('social-link-close', { completed }),
    failed: (failure, network) =>
      this.#feedback.report({ failure, source: 'flow', network, retry: () => this.open(network), action: flowAction(failure) }),
    connectingPage: () => ({ title: this.#words.t('connecting'), text: this.#words.t('connectingText'), lang: this.#words.lang }),
  });

  readonly #unlinks = new UnlinkController(this, this, {
    unlinked: () => this.refresh(),
    started: () => this.#feedback.clear('unlink'),
    failed: (failure, platform) =>
      this.#feedback.report({ failure, source: 'unlink', network: platform, retry: () => this.#unlinks.start(platform), action: 'retry' }),
    keepFocus: (target) => this.#focusKeeper.moveTo(target),
    row: (platform) => rowOf(this.renderRoot, platform),
  });

  constructor() {
    super();
    this.mode = 'popup';
    this.timeout = DEFAULT_TIMEOUT_MS;
    this.prefetch = 'intent';
    this.disabled = false;
    this.compact = false;
    this.ignoreInApp = false;
  }

  /** The social app whose own browser this page is in (`Instagram`, `TikTok`…), or null. */
  get inAppBrowser(): string | null { return this.#inApp.detected?.app ?? null; }

  /** `idle`, `opening` (fetching the linking URL) or `open` (waiting on the popup); reflected. */
  get state(): SocialLinkState { return this.#flow.state; }

  /** Networks linked, per the last status read. */
  get linked(): string[] { return [...(this.#profile.status?.linked ?? [])]; }

  /** Per linked network: `{ platform, username?, displayName?, profileUrl?, userImage? }`. */
  get accounts(): LinkedAccount[] { return (this.#profile.status?.accounts ?? []).map((account) => ({ ...account })); }

  /** Per linked network: `{ state: 'healthy' | 'expiring' | 'needs-reconnect', reconnectBy? }`. */
  get health(): Record<string, SocialLinkHealth> { return Object.fromEntries(this.#changes.health.map(this.#profile.status)); }

  /**
   * Opens the linking page — for every network shown, or for one `network` (link or reconnect
   * just that one). Call it from a user gesture (a click or key press handler): outside one,
   * browsers block popups, and the element shows Continue instead.
   */
  open(network?: string): void {
    if (this.disabled) return;
    this.#intents.cancel();
    this.#feedback.clear('flow');
    // Checked before anything opens: a popup for a network that cannot be linked only fails.
    const scope = openScope(network, networksToShow(this.networks));
    if (scope !== undefined) return this.#flow.open(scope);
    console.error(developerNotes.unknownNetwork(shownValue(network)));
    const failure: Failure = { code: 'invalid-network', text: { id: 'failedLink' }, final: true };
    this.#feedback.report({ failure, source: 'flow', retry: () => undefined, action: 'none' });
  }

  /** Closes the linking popup and ends the flow. */
  close(): void { this.#flow.close(); }

  /** Re-reads the link status. Never rejects; failures arrive as `social-link-error`. */
  refresh(): Promise<void> { return this.#profile.refresh(); }

  override updated(): void {
    if (this.getAttribute('state') !== this.#flow.state) this.setAttribute('state', this.#flow.state);
  }

  readonly #intents = new PrefetchIntent(
    this,
    () => (this.#feedback.problem?.source === 'flow' ? (this.#feedback.problem.network ?? '') : undefined),
    (scope) => this.prefetch === 'intent' && !this.disabled && this.#flow.prefetch(scope),
  );

  #emit<K extends keyof SocialLinkEventMap>(type: K, detail: SocialLinkEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Hover or focus on the button: fetch its linking URL ahead if it lasts. */
  readonly #onIntent = (): void => this.#intents.soon('');

  override render() {
    const problem = this.#feedback.problem;
    // The language sets the direction (ar, he: right to left) unless a nearer dir does.
    return html`<div part="base" class="base" dir=${this.#words.dir ?? nothing}>
      ${renderInAppNotice(this.#inApp, this.#words)}
      ${renderBar({
        words: this.#words,
        state: this.#flow.state,
        mode: this.#inApp.redirects ? 'redirect' : this.mode,
        label: this.label,
        disabled: this.disabled,
        open: () => this.open(),
        intent: this.#onIntent,
        bringBack: () => this.#flow.raisePopup(),
      })}
      ${problem && problem.source !== 'unlink' ? renderProblem(problem, this.#words, (network) => this.#intents.soon(network)) : nothing}
      ${this.#profile.endpoint ? this.#renderRows() : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.#feedback.announcement}</div>
    </div>`;
  }

  #renderRows() {
    const parts = { words: this.#words, profile: this.#profile, changes: this.#changes, feedback: this.#feedback };
    return renderRows(this, { ...parts, unlinks: this.#unlinks, intents: this.#intents, roving: this.#roving, inApp: this.#inApp });
  }
}
