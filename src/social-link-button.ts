import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { SocialLinkFailure, type Failure } from './internal/errors.js';
import { DEFAULT_TIMEOUT_MS, RequestAborted, requestJson } from './internal/http.js';
import { icons } from './internal/icons.js';
import { LinkFlow, type LinkFlowState } from './internal/link-flow.js';
import { isNetworkId, NETWORK_IDS, networkName, toNetworkId } from './internal/networks.js';
import {
  readStatus,
  subscribe,
  type HealthSignals,
  type LinkedAccount,
  type ProfileStatus,
  type StatusResult,
} from './internal/profile-status.js';
import { safeImageUrl, safeLinkUrl } from './internal/safe-url.js';
import { format, formatList, type MessageId, type Text } from './i18n.js';
import { directionOf, languageOf, loadLocale, watchLanguage } from './internal/language.js';
import { toList } from './internal/list.js';
import type { SocialLinkEventMap, SocialLinkHealth, SocialLinkMode } from './events.js';
import { styles } from './styles.js';
import { VERSION } from './version.js';

export type { LinkedAccount } from './internal/profile-status.js';
export type SocialLinkState = LinkFlowState;

interface Problem {
  failure: Failure;
  /** What the error box's button does. */
  retry: () => void;
  source: 'status' | 'flow' | 'unlink';
  /** The error box's button: Try again, Continue (blocked popup), Open a new link (expired), or none. */
  action: 'retry' | 'continue' | 'new-link' | 'none';
  /** For an unlink problem: the network whose row shows it; for a flow problem: its scope. */
  network?: string;
}

// Lists in attributes are space- or comma-separated (SPEC section 2).
const listConverter = {
  fromAttribute: (value: string | null): string[] | undefined => (value === null ? undefined : toList(value)),
  toAttribute: (value: string[] | string | undefined): string | null =>
    value === undefined ? null : toList(value).join(' '),
};

function accountName(account: LinkedAccount | undefined): string | undefined {
  return account?.displayName ?? account?.username;
}

const DAY_MS = 86_400_000;
// LinkedIn must be relinked yearly; Ayrshare warns about 15 days ahead. Within 14 days of the
// date, the row asks for it.
const EXPIRING_WITHIN_MS = 14 * DAY_MS;

/** Judges a linked account's health from the status signals and this session's provider errors. */
function judgeHealth(signals: HealthSignals | undefined, providerError: boolean, now: number): SocialLinkHealth {
  if (providerError || signals?.needsReconnect || signals?.refreshRequired === true) return { state: 'needs-reconnect' };
  // The date itself when the status gives one; else whole days from today (so the same answer
  // read again gives the same date).
  const by =
    typeof signals?.refreshRequired === 'string'
      ? Date.parse(signals.refreshRequired)
      : signals?.refreshDaysRemaining !== undefined
        ? Math.floor(now / DAY_MS + signals.refreshDaysRemaining) * DAY_MS
        : undefined;
  if (by === undefined) return { state: 'healthy' };
  const reconnectBy = new Date(by).toISOString();
  if (by <= now) return { state: 'needs-reconnect', reconnectBy };
  return by - now <= EXPIRING_WITHIN_MS ? { state: 'expiring', reconnectBy } : { state: 'healthy', reconnectBy };
}

// A chain link, for a network id we have no brand glyph for.
const GENERIC_ICON = [
  '0 0 16 16',
  'M6.5 9.5a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.7.7 1 1 .7-.7a1.6 1.6 0 0 1 2.2 2.2l-2.1 2.1a1.6 1.6 0 0 1-2.2 0zM9.5 6.5a3 3 0 0 0-4.2 0L3.2 8.6a3 3 0 0 0 4.2 4.2l.7-.7-1-1-.7.7a1.6 1.6 0 0 1-2.2-2.2l2.1-2.1a1.6 1.6 0 0 1 2.2 0z',
] as const;

const checkGlyph = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 8.5l2.5 2.5L12 5.5" /></svg>`;
const warnGlyph = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 4v5M8 11.5v.5" /></svg>`;

/**
 * A button that links a user's social media accounts through the host's Ayrshare integration,
 * with the link status of each network beside it.
 *
 * @summary Link social accounts through Ayrshare and show which are linked.
 * @tag social-link-button
 *
 * @slot - The button's text; overrides `label`.
 *
 * @attr {"idle" | "opening" | "open"} state - Reflected, read-only: `opening` while fetching the linking URL, `open` while waiting on the popup.
 *
 * @event social-link-open - The popup or tab opened, or the page is about to redirect. `{ mode }`
 * @event social-link-connect - The provider reported one network's outcome. `{ network, outcome, code?, message? }`
 * @event social-link-done - The user finished on the linking page. `{}`
 * @event social-link-close - The flow ended. `{ completed }`
 * @event social-link-change - The set of linked networks changed (not on the first read). `{ linked, added, removed, accounts }`
 * @event social-link-error - Something failed. `{ code, message, status?, retryAfter? }`
 * @event social-link-health - A linked account's health changed (not on the first read). `{ health, changed }`
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
    networks: { converter: listConverter },
    allowedHosts: { attribute: 'allowed-hosts', converter: listConverter },
    callbackOrigins: { attribute: 'callback-origins', converter: listConverter },
    mode: {},
    label: { noAccessor: true },
    timeout: { type: Number },
    prefetch: {},
    disabled: { type: Boolean, reflect: true },
    compact: { type: Boolean, reflect: true },
    requestInit: { attribute: false },
    strings: { attribute: false },
    status: { state: true },
    problem: { state: true },
    loading: { state: true },
    announcement: { state: true },
    confirming: { state: true },
    unlinking: { state: true },
  };

  /** Host URL that returns a fresh linking URL (POST). */
  declare jwtEndpoint: string | undefined;
  /** Host URL that returns the link status (GET); without it no status is shown. */
  declare profileEndpoint: string | undefined;
  /** Host URL that unlinks one network (DELETE); without it no unlink control is shown. */
  declare unlinkEndpoint: string | undefined;
  /** Networks to show, in this order. Aliases such as `x` and `google` are understood. */
  declare networks: string[] | string | undefined;
  /** Hosts the linking URL may point to. */
  declare allowedHosts: string[] | string | undefined;
  /** Origins whose callback message is accepted (default: the page's own). */
  declare callbackOrigins: string[] | string | undefined;
  /** How the linking page opens. */
  declare mode: SocialLinkMode;
  private ownLabel: string | undefined;

  /** The button's text (default: "Link social accounts", in the element's language); the default slot overrides it. */
  get label(): string {
    return this.ownLabel ?? this.t('label');
  }

  set label(value: string | null | undefined) {
    const old = this.ownLabel;
    this.ownLabel = value ?? undefined;
    this.requestUpdate('label', old);
  }
  /** Milliseconds each request to a host endpoint may take. */
  declare timeout: number;
  /** `intent`: fetch the linking URL on hover, focus or touch. */
  declare prefetch: 'intent' | 'none';
  /** Disables the button. */
  declare disabled: boolean;
  /** Icons only; each icon is focusable and shows its name and status as a tooltip. */
  declare compact: boolean;
  /** Merged into every request to the host endpoints (headers for CSRF or auth, credentials). */
  declare requestInit: RequestInit | undefined;
  /**
   * Your own words for any message, by id (`{ label: 'Connect', tryAgain: 'Retry' }`); they win
   * over the locale's. Ids and English texts: the README's "Languages" section.
   */
  declare strings: Partial<Record<MessageId, string>> | undefined;

  declare private status: ProfileStatus | undefined;
  declare private problem: Problem | undefined;
  declare private loading: boolean;
  declare private announcement: string;
  /** The network whose unlink awaits confirmation. */
  declare private confirming: string | undefined;
  /** The network being unlinked. */
  declare private unlinking: string | undefined;

  private readonly flow = new LinkFlow({
    settings: this,
    requestUpdate: () => this.requestUpdate(),
    refresh: () => this.refresh(),
    requestedNetworks: () => (toList(this.networks).length ? this.shownNetworks().filter(isNetworkId) : undefined),
    emit: (type, detail) => {
      if (type === 'social-link-connect') this.onConnectOutcome(detail as SocialLinkEventMap['social-link-connect']['detail']);
      this.emit(type, detail);
    },
    reportFlowError: (failure) => {
      const scope = this.flow.scope;
      this.report({
        failure,
        source: 'flow',
        network: scope,
        retry: () => this.open(scope),
        action: failure.final ? 'none' : failure.code === 'popup-blocked' ? 'continue' : failure.expired ? 'new-link' : 'retry',
      });
    },
    connectingPage: () => ({
      title: this.t('connecting'),
      text: this.t('connectingText'),
      lang: this.speakingLang(),
    }),
  });
  /** Networks the provider reported an error for in this page's flows (cleared by a success). */
  private readonly providerErrors = new Set<string>();
  private unsubscribe: (() => void) | undefined;
  private unwatchLanguage: (() => void) | undefined;
  private subscribedEndpoint: string | undefined;
  private unlinkController: AbortController | undefined;
  /** Focus was inside the element when this update began. */
  private hadFocus = false;
  /** Where focus goes after this update, when an action replaced the control that had it. */
  private focusNext: (() => HTMLElement | undefined) | undefined;

  constructor() {
    super();
    this.mode = 'popup';
    this.timeout = DEFAULT_TIMEOUT_MS;
    this.prefetch = 'intent';
    this.disabled = false;
    this.compact = false;
    this.loading = false;
    this.announcement = '';
  }

  /** The language the element speaks: its `lang`, the nearest ancestor's, then the document's. */
  private language(): string {
    return languageOf(this);
  }

  /** A message in the element's language (its `strings` first). */
  private t(id: MessageId, params?: Record<string, string | number>): string {
    return this.say(params ? { id, params } : { id });
  }

  private say(text: Text): string {
    return format(text, this.speakingLang(), this.strings);
  }

  /** The language now: the one this update looked up, else a fresh lookup. */
  private speakingLang(): string {
    return this.renderLanguage ?? this.language();
  }

  /** The language of the render in progress: looked up once per update, not per sentence. */
  private renderLanguage: string | undefined;

  /** `idle`, `opening` (fetching the linking URL) or `open` (waiting on the popup); reflected. */
  get state(): SocialLinkState {
    return this.flow.state;
  }

  /** Networks linked, per the last status read. */
  get linked(): string[] {
    return [...(this.status?.linked ?? [])];
  }

  /** Per linked network: `{ platform, username?, displayName?, profileUrl?, userImage? }`. */
  get accounts(): LinkedAccount[] {
    return (this.status?.accounts ?? []).map((account) => ({ ...account }));
  }

  /** Per linked network: `{ state: 'healthy' | 'expiring' | 'needs-reconnect', reconnectBy? }`. */
  get health(): Record<string, SocialLinkHealth> {
    return Object.fromEntries(this.healthMap());
  }

  private healthMap(status = this.status, now = Date.now()): Map<string, SocialLinkHealth> {
    const health = new Map<string, SocialLinkHealth>();
    for (const id of status?.linked ?? []) health.set(id, judgeHealth(status?.health.get(id), this.providerErrors.has(id), now));
    return health;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLanguage ??= watchLanguage(this);
    this.syncSubscription();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (remove and insert in the same task) keeps the flow and the status; only an
    // element that stays out of the document lets go of its popup, timers and requests.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.unwatchLanguage?.();
      this.unwatchLanguage = undefined;
      this.flow.teardown();
      this.unlinkController?.abort();
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.subscribedEndpoint = undefined;
    });
  }

  /**
   * Opens the linking page — for every network shown, or for one `network` (link or reconnect
   * just that one). Call it from a user gesture (a click or key press handler): outside one,
   * browsers block popups, and the element shows Continue instead.
   */
  open(network?: string): void {
    if (this.disabled) return;
    if (this.problem?.source === 'flow') this.problem = undefined;
    this.flow.open(network ?? '');
  }

  /** Closes the linking popup and ends the flow. */
  close(): void {
    this.flow.close();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('profileEndpoint')) this.syncSubscription();
    this.renderLanguage = this.language();
    loadLocale(this.renderLanguage)?.then(() => this.requestUpdate());
    this.hadFocus = Boolean(this.shadowRoot?.activeElement);
  }

  override updated(): void {
    this.renderLanguage = undefined;
    if (this.getAttribute('state') !== this.flow.state) this.setAttribute('state', this.flow.state);
    const next = this.focusNext;
    this.focusNext = undefined;
    const root = this.shadowRoot;
    if (!root) return;
    // The control that had focus went away (Continue opened the popup, Unlink became
    // "Unlinking…", Try again started over): put focus somewhere near, never on <body>.
    const lost = this.hadFocus && !root.activeElement && (!document.activeElement || document.activeElement === document.body);
    if (next && (lost || root.activeElement)) next()?.focus();
    else if (lost) (this.findPart('retry') ?? this.findPart('button'))?.focus();
  }

  /** Re-reads the link status. Never rejects; failures arrive as `social-link-error`. */
  async refresh(): Promise<void> {
    const endpoint = this.subscribedEndpoint;
    if (!endpoint) return;
    this.loading = true;
    try {
      await readStatus(endpoint, { requestInit: this.requestInit, timeout: this.timeout });
    } catch (error) {
      // readStatus reports through the listeners; anything else is a bug, not the caller's.
      console.error(error);
    }
  }

  private resolveEndpoint(value: string | undefined): string | undefined {
    if (!value) return undefined;
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      // Kept as written: the request then fails and the user sees request-failed.
      return value;
    }
  }

  // Follows profile-endpoint: a new endpoint drops the old one's answers (they may still be in
  // flight) and its status, so nothing from the previous endpoint is ever shown or reported.
  private syncSubscription(): void {
    if (!this.isConnected) return;
    const endpoint = this.resolveEndpoint(this.profileEndpoint);
    if (endpoint === this.subscribedEndpoint) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedEndpoint = endpoint;
    this.status = undefined;
    if (this.problem?.source === 'status') this.problem = undefined;
    this.loading = false;
    if (!endpoint) return;
    this.unsubscribe = subscribe(endpoint, (result) => this.applyStatus(result));
    void this.refresh();
  }

  private report(problem: Problem): void {
    this.problem = problem;
    const detail = this.detailOf(problem.failure);
    this.announce(detail.message);
    this.emit('social-link-error', detail);
  }

  /** A failure as the error event's detail: its message in the element's language. */
  private detailOf(failure: Failure) {
    const detail: SocialLinkEventMap['social-link-error']['detail'] = { code: failure.code, message: this.say(failure.text) };
    if (failure.status !== undefined) detail.status = failure.status;
    if (failure.retryAfter !== undefined) detail.retryAfter = failure.retryAfter;
    return detail;
  }

  /** Sets the live region's text; the same sentence twice still changes it, so it is read again. */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private applyStatus(result: StatusResult): void {
    this.loading = false;
    if ('error' in result) {
      this.report({ failure: result.error, source: 'status', retry: () => void this.refresh(), action: 'retry' });
      return;
    }
    const previous = this.status;
    const healthBefore = this.healthMap();
    this.status = result.status;
    for (const id of this.providerErrors) if (!result.status.linked.includes(id)) this.providerErrors.delete(id);
    if (this.problem?.source === 'status') this.problem = undefined;
    if (!previous) return;
    const before = new Set(previous.linked);
    const now = new Set(result.status.linked);
    const added = result.status.linked.filter((id) => !before.has(id));
    const removed = previous.linked.filter((id) => !now.has(id));
    const lang = this.speakingLang();
    const sentences: string[] = [];
    // "X and LinkedIn linked." — a list in the element's language, capped to a few names.
    const names = (ids: string[]) => formatList(ids.slice(0, 4).map(networkName).concat(ids.length > 4 ? ['…'] : []), lang);
    if (added.length) sentences.push(this.t('nowLinked', { names: names(added) }));
    if (removed.length) sentences.push(this.t('nowUnlinked', { names: names(removed) }));
    if (added.length || removed.length) {
      const accounts = this.accounts.filter((account) => added.includes(account.platform));
      this.emit('social-link-change', { linked: this.linked, added, removed, accounts });
    }
    sentences.push(...this.emitHealthChanges(healthBefore, new Set(added)));
    // One short announcement, however large the change.
    if (sentences.length) this.announce(sentences.length > 3 ? `${sentences.slice(0, 3).join(' ')} …` : sentences.join(' '));
  }

  /**
   * Emits `social-link-health` when a network that was and is linked changed health (a newly
   * linked network's health is part of its link), and returns the sentences to announce.
   */
  private emitHealthChanges(before: Map<string, SocialLinkHealth>, added: ReadonlySet<string>): string[] {
    const after = this.healthMap();
    const changed: string[] = [];
    const sentences: string[] = [];
    for (const [id, health] of after) {
      const old = before.get(id);
      const isNew = added.has(id) || !old;
      if (!isNew && old.state === health.state && old.reconnectBy === health.reconnectBy) continue;
      if (isNew && health.state === 'healthy') continue;
      changed.push(id);
      if (old?.state === health.state) continue;
      const name = networkName(id);
      if (health.state === 'needs-reconnect') sentences.push(this.t('nowBroken', { name }));
      else if (health.state === 'expiring') sentences.push(this.t('nowExpiring', { name, date: this.formatDate(health.reconnectBy) }));
      else sentences.push(this.t('nowHealthy', { name }));
    }
    if (changed.length) this.emit('social-link-health', { health: Object.fromEntries(after), changed });
    return sentences;
  }

  /** A provider's outcome for one network: an error marks a linked network as needing a reconnect. */
  private onConnectOutcome(detail: SocialLinkEventMap['social-link-connect']['detail']): void {
    const id = toNetworkId(detail.network) ?? detail.network;
    if (detail.outcome === 'success') {
      this.providerErrors.delete(id);
      return;
    }
    if (detail.outcome !== 'error' || !this.status?.linked.includes(id) || this.providerErrors.has(id)) return;
    const before = this.healthMap();
    this.providerErrors.add(id);
    const sentences = this.emitHealthChanges(before, new Set());
    if (sentences.length) this.announce(sentences.join(' '));
    this.requestUpdate();
  }

  /** A date in the element's language: "Dec 2". */
  private formatDate(iso: string | undefined): string {
    if (!iso) return '';
    return new Intl.DateTimeFormat(this.speakingLang(), { month: 'short', day: 'numeric' }).format(new Date(iso));
  }

  private async unlink(platform: string): Promise<void> {
    const endpoint = this.unlinkEndpoint;
    if (!endpoint || this.unlinking) return;
    this.confirming = undefined;
    this.unlinking = platform;
    // The confirm button becomes "Unlinking…": the row keeps focus meanwhile and after.
    this.focusNext = () => this.row(platform);
    if (this.problem?.source === 'unlink') this.problem = undefined;
    const controller = new AbortController();
    this.unlinkController = controller;
    try {
      await requestJson({
        url: endpoint,
        method: 'DELETE',
        body: { platform },
        requestInit: this.requestInit,
        timeout: this.timeout,
        signal: controller.signal,
        task: 'Unlink',
        networkName: networkName(platform),
        emptyOk: true,
      });
      this.unlinking = undefined;
      await this.refresh();
    } catch (error) {
      this.unlinking = undefined;
      if (error instanceof RequestAborted) return;
      const failure: Failure =
        error instanceof SocialLinkFailure
          ? error.failure
          : { code: 'request-failed', text: { id: 'failedUnlink', params: { name: networkName(platform) } } };
      this.report({ failure, source: 'unlink', network: platform, retry: () => void this.unlink(platform), action: 'retry' });
    } finally {
      if (this.unlinkController === controller) this.unlinkController = undefined;
    }
  }

  /** Shows or hides the confirmation for `id`; focus moves to the control that replaced the one pressed. */
  private setConfirming(id: string, confirming: boolean): void {
    this.confirming = confirming ? id : undefined;
    this.focusNext = () => this.findPart(confirming ? 'confirm-unlink' : 'unlink', this.row(id));
  }

  /** A network's row, found by comparing data (ids come from outside: never built into a selector). */
  private row(id: string): HTMLElement | undefined {
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('li[data-network]');
    return [...rows].find((row) => row.dataset.network === id);
  }

  private findPart(name: string, within: ParentNode | undefined = this.renderRoot): HTMLElement | undefined {
    return within?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? undefined;
  }

  private onIntent = (): void => {
    if (this.prefetch === 'intent' && !this.disabled) this.flow.prefetch();
  };

  /** Intent on a row's Link or Reconnect: fetch that network's linking URL ahead. */
  private onRowIntent(id: string): void {
    if (this.prefetch === 'intent' && !this.disabled) this.flow.prefetch(id);
  }

  private emit<K extends keyof SocialLinkEventMap>(
    type: K,
    detail: SocialLinkEventMap[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // Known names map to Ayrshare's ids (x → twitter); an id we do not know is still shown when
  // listed (SPEC 3: unknown ids are rendered only if listed in `networks`), with a generic icon.
  private shownNetworks(): string[] {
    const listed = toList(this.networks);
    const wanted = listed.length ? listed : NETWORK_IDS;
    const ids = wanted.map((id) => toNetworkId(id) ?? id.trim().toLowerCase()).filter(Boolean);
    return [...new Set(ids)];
  }

  override render() {
    const state = this.flow.state;
    const opensNew = this.mode === 'tab' ? this.t('opensTab') : this.mode === 'redirect' ? '' : this.t('opensWindow');
    const problem = this.problem;
    // The language sets the direction (ar, he: right to left) unless a nearer dir does.
    const dir = directionOf(this, this.speakingLang()) ?? nothing;
    return html`<div part="base" class="base" dir=${dir}>
      <div class="bar">
        <button
          part="button"
          class="button"
          type="button"
          ?disabled=${this.disabled}
          aria-busy=${state === 'opening' ? 'true' : 'false'}
          @click=${() => this.open()}
          @pointerenter=${this.onIntent}
          @focus=${this.onIntent}
          @touchstart=${this.onIntent}
        >
          ${state === 'opening' ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
          <span part="label"><slot>${this.label}</slot></span>
          ${opensNew ? html`<span class="sr-only">${opensNew}</span>` : nothing}
        </button>
        ${state === 'open' && this.mode !== 'redirect'
          ? html`<span part="hint" class="hint">
              ${this.mode === 'tab' ? this.t('tabHint') : this.t('popupHint')}
              <button part="bring-back" class="link-button" type="button" @click=${() => this.flow.focusPopup()}>
                ${this.t('bringBack')}
              </button>
            </span>`
          : nothing}
      </div>
      ${problem && problem.source !== 'unlink' ? this.renderProblem(problem) : nothing}
      ${this.subscribedEndpoint ? this.renderNetworks() : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderProblem(problem: Problem) {
    const { action } = problem;
    const flow = problem.source === 'flow';
    // Continue holds no URL: its click is a fresh gesture that opens the linking page.
    return html`<div part="error" class="error" data-code=${problem.failure.code} tabindex="-1">
      <span class="error-text">${this.say(problem.failure.text)}</span>
      ${action === 'none'
        ? nothing
        : html`<button
        part=${action === 'continue' ? 'retry continue' : 'retry'}
        class="retry"
        type="button"
        @click=${problem.retry}
        @pointerenter=${flow ? () => this.onRowIntent(problem.network ?? '') : nothing}
      >
        ${this.t(action === 'continue' ? 'continue' : action === 'new-link' ? 'newLink' : 'tryAgain')}
      </button>`}
    </div>`;
  }

  private renderUnlink(id: string, name: string) {
    if (this.unlinking === id) {
      return html`<span class="actions"><span part="unlink-progress">${this.t('unlinking')}</span></span>`;
    }
    if (this.confirming === id) {
      return html`<span
        class="actions confirm"
        role="group"
        aria-labelledby="confirm-text"
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') this.setConfirming(id, false);
        }}
      >
        <span id="confirm-text" class="confirm-text">${this.t('confirmUnlink', { name })}</span>
        <span class="confirm-buttons">
          <button part="confirm-unlink" class="small danger" type="button" @click=${() => void this.unlink(id)}>
            ${this.t('unlink')}
          </button>
          <button part="cancel-unlink" class="small" type="button" @click=${() => this.setConfirming(id, false)}>
            ${this.t('cancel')}
          </button>
        </span>
      </span>`;
    }
    return html`<span class="actions">${this.renderUnlinkButton(id, name)}</span>`;
  }

  private renderUnlinkButton(id: string, name: string) {
    return html`<button
      part="unlink"
      class="small"
      type="button"
      aria-label=${this.t('unlinkNamed', { name })}
      ?disabled=${Boolean(this.unlinking)}
      @click=${() => this.setConfirming(id, true)}
    >
      ${this.t('unlink')}
    </button>`;
  }

  private renderNetworks() {
    const problem = this.problem;
    const health = this.healthMap();
    return html`<ul
      part="networks"
      class="networks"
      aria-label=${this.t('listLabel')}
      aria-busy=${this.loading && !this.status ? 'true' : 'false'}
    >
      ${this.shownNetworks().map((id, index) =>
        this.renderNetwork(id, index, health.get(id), problem?.source === 'unlink' && problem.network === id ? problem : undefined),
      )}
    </ul>`;
  }

  private renderActions(id: string, name: string, linked: boolean, health: SocialLinkHealth | undefined, healthId: string) {
    if (!this.status || this.compact) return nothing;
    const canLink = Boolean(this.jwtEndpoint) && !this.disabled;
    const reconnect = linked && canLink && health !== undefined && health.state !== 'healthy';
    const link = !linked && canLink;
    const unlink = linked && Boolean(this.unlinkEndpoint);
    if (!reconnect && !link && !unlink) return nothing;
    if (unlink && (this.unlinking === id || this.confirming === id)) return this.renderUnlink(id, name);
    const intent = () => this.onRowIntent(id);
    return html`<span class="actions">
      ${link || reconnect
        ? html`<button
            part=${link ? 'link-network' : 'reconnect'}
            class=${reconnect ? 'small primary' : 'small'}
            type="button"
            aria-label=${this.t(link ? 'linkNamed' : 'reconnectNamed', { name })}
            aria-describedby=${reconnect ? healthId : nothing}
            @click=${() => this.open(id)}
            @pointerenter=${intent}
            @focus=${intent}
            @touchstart=${intent}
          >
            ${this.t(link ? 'link' : 'reconnect')}
          </button>`
        : nothing}
      ${unlink ? this.renderUnlinkButton(id, name) : nothing}
    </span>`;
  }

  private renderNetwork(id: string, index: number, health: SocialLinkHealth | undefined, problem: Problem | undefined) {
    const known = isNetworkId(id) ? id : undefined;
    const name = networkName(id);
    const status = this.status;
    const linked = status?.linked.includes(id) ?? false;
    const account = linked ? status?.accounts.find((a) => a.platform === id) : undefined;
    const who = accountName(account);
    const [viewBox, path] = known ? icons[known] : GENERIC_ICON;
    const avatar = safeImageUrl(account?.userImage);
    const profileUrl = safeLinkUrl(account?.profileUrl);
    const statusText = !status
      ? this.problem?.source === 'status'
        ? this.t('unavailable')
        : this.t('checking')
      : linked
        ? this.t('linked')
        : this.t('notLinked');

    const state = linked ? health?.state : undefined;
    const unwell = state === 'expiring' || state === 'needs-reconnect';
    const healthId = `health-${index}`;
    const parts = ['network', linked && 'network-linked', unwell && `network-${state}`].filter(Boolean).join(' ');

    // The row is plain content (name, status, account): a screen reader reads it once, with
    // no label repeating it. Compact rows are focusable so keyboard users reach the names too.
    return html`<li
      part=${parts}
      class="network"
      data-network=${id}
      ?data-linked=${linked}
      data-health=${state ?? nothing}
      tabindex=${this.compact ? '0' : '-1'}
    >
      <span part="icon" class="icon" aria-hidden="true">
        <svg viewBox=${viewBox} focusable="false"><path d=${path} /></svg>
        ${linked ? html`<span class=${unwell ? 'badge warn' : 'badge'}>${unwell ? warnGlyph : checkGlyph}</span>` : nothing}
      </span>
      <span class="details">
        <span class="title">
          <span part="name" class="name">${name}</span>
          ${unwell
            ? html`<span part="health" class="health" id=${healthId}>
                ${state === 'expiring' ? this.t('reconnectBy', { date: this.formatDate(health?.reconnectBy) }) : this.t('needsReconnect')}
              </span>`
            : nothing}
        </span>
        <span class="sub">
          <span part="status" class=${status ? 'status' : 'status pending'}>${statusText}</span>
          ${who
            ? html`<span part="account" class="account">
                ${avatar
                  ? html`<img
                      part="avatar"
                      class="avatar"
                      src=${avatar}
                      alt=""
                      referrerpolicy="no-referrer"
                      loading="lazy"
                    />`
                  : nothing}
                ${profileUrl && !this.compact
                  ? html`<a href=${profileUrl} target="_blank" rel="noopener noreferrer">${who}</a>`
                  : html`<span class="who">${who}</span>`}
              </span>`
            : nothing}
        </span>
      </span>
      ${this.renderActions(id, name, linked, health, healthId)}
      ${problem ? this.renderProblem(problem) : nothing}
    </li>`;
  }
}
