import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { LinkFlowController } from './controllers/link-flow-controller.js';
import { ProfileStatusController } from './controllers/profile-status-controller.js';
import { UnlinkController } from './controllers/unlink-controller.js';
import { HealthTracker, healthChanges } from './health.js';
import { format, formatList, type MessageId, type Text } from './i18n.js';
import type { Failure } from './internal/errors.js';
import { DEFAULT_TIMEOUT_MS } from './internal/http.js';
import { directionOf, languageOf, loadLocale, watchLanguage } from './internal/language.js';
import { toList } from './internal/list.js';
import type { ProfileStatus } from './internal/profile-status.js';
import { isNetworkId, NETWORK_IDS, networkName, toNetworkId } from './networks.js';
import { styles } from './styles.js';
import type { LinkedAccount, SocialLinkEventMap, SocialLinkHealth, SocialLinkMode, SocialLinkState } from './types.js';
import { VERSION } from './version.js';
import { renderNetwork, type RowContext } from './view/network-row.js';

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
 * @event {CustomEvent<SocialLinkOpenDetail>} social-link-open - The popup or tab opened, or the page is about to redirect. `{ mode }`
 * @event {CustomEvent<SocialLinkConnectDetail>} social-link-connect - The provider reported one network's outcome. `{ network, outcome, code?, message? }`
 * @event {CustomEvent<SocialLinkDoneDetail>} social-link-done - The user finished on the linking page. `{}`
 * @event {CustomEvent<SocialLinkCloseDetail>} social-link-close - The flow ended. `{ completed }`
 * @event {CustomEvent<SocialLinkChangeDetail>} social-link-change - The set of linked networks changed (not on the first read). `{ linked, added, removed, accounts }`
 * @event {CustomEvent<SocialLinkErrorDetail>} social-link-error - Something failed. `{ code, message, status?, retryAfter? }`
 * @event {CustomEvent<SocialLinkHealthDetail>} social-link-health - A linked account's health changed (not on the first read). `{ health, changed }`
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
    problem: { state: true },
    announcement: { state: true },
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
  declare private problem: Problem | undefined;
  declare private announcement: string;
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

  private readonly profile = new ProfileStatusController(this, {
    endpoint: () => this.profileEndpoint,
    requestInit: () => this.requestInit,
    timeout: () => this.timeout,
    changed: (status, previous) => this.statusChanged(status, previous),
    failed: (failure) => this.report({ failure, source: 'status', retry: () => void this.refresh(), action: 'retry' }),
    cleared: () => this.clearProblem('status'),
  });

  private readonly flow = new LinkFlowController(this, this, {
    refresh: () => this.refresh(),
    requestedNetworks: () => (toList(this.networks).length ? this.shownNetworks().filter(isNetworkId) : undefined),
    emit: (type, detail) => {
      if (type === 'social-link-connect') this.connectOutcome(detail as SocialLinkEventMap['social-link-connect']['detail']);
      this.emit(type, detail);
    },
    reportFlowError: (failure) => {
      const scope = this.flow.scope;
      const action = failure.final ? 'none' : failure.code === 'popup-blocked' ? 'continue' : failure.expired ? 'new-link' : 'retry';
      this.report({ failure, source: 'flow', network: scope, retry: () => this.open(scope), action });
    },
    connectingPage: () => ({ title: this.t('connecting'), text: this.t('connectingText'), lang: this.speakingLang() }),
  });

  private readonly unlinks = new UnlinkController(this, {
    endpoint: () => this.unlinkEndpoint,
    requestInit: () => this.requestInit,
    timeout: () => this.timeout,
    unlinked: () => this.refresh(),
    failed: (failure, platform) =>
      this.report({ failure, source: 'unlink', network: platform, retry: () => void this.unlinkNetwork(platform), action: 'retry' }),
  });

  private readonly healthTracker = new HealthTracker();
  private unwatchLanguage: (() => void) | undefined;
  /** The language of the update in progress: looked up once per update, not per sentence. */
  private renderLanguage: string | undefined;
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
    this.announcement = '';
  }

  /** `idle`, `opening` (fetching the linking URL) or `open` (waiting on the popup); reflected. */
  get state(): SocialLinkState {
    return this.flow.state;
  }

  /** Networks linked, per the last status read. */
  get linked(): string[] {
    return [...(this.profile.status?.linked ?? [])];
  }

  /** Per linked network: `{ platform, username?, displayName?, profileUrl?, userImage? }`. */
  get accounts(): LinkedAccount[] {
    return (this.profile.status?.accounts ?? []).map((account) => ({ ...account }));
  }

  /** Per linked network: `{ state: 'healthy' | 'expiring' | 'needs-reconnect', reconnectBy? }`. */
  get health(): Record<string, SocialLinkHealth> {
    return Object.fromEntries(this.healthTracker.map(this.profile.status));
  }

  /**
   * Opens the linking page — for every network shown, or for one `network` (link or reconnect
   * just that one). Call it from a user gesture (a click or key press handler): outside one,
   * browsers block popups, and the element shows Continue instead.
   */
  open(network?: string): void {
    if (this.disabled) return;
    this.clearProblem('flow');
    this.flow.open(network ?? '');
  }

  /** Closes the linking popup and ends the flow. */
  close(): void {
    this.flow.close();
  }

  /** Re-reads the link status. Never rejects; failures arrive as `social-link-error`. */
  refresh(): Promise<void> {
    return this.profile.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLanguage ??= watchLanguage(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (remove and insert in the same task) keeps everything; the controllers let go of
    // an element that stays out of the document.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.unwatchLanguage?.();
      this.unwatchLanguage = undefined;
    });
  }

  override willUpdate(_changed: PropertyValues<this>): void {
    this.renderLanguage = languageOf(this);
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

  /** The language now: the one this update looked up, else a fresh lookup. */
  private speakingLang(): string {
    return this.renderLanguage ?? languageOf(this);
  }

  /** A message in the element's language (its `strings` first). */
  private t(id: MessageId, params?: Record<string, string | number>): string {
    return this.say(params ? { id, params } : { id });
  }

  private say(text: Text): string {
    return format(text, this.speakingLang(), this.strings);
  }

  /** A date in the element's language: "Dec 2". */
  private formatDate(iso: string | undefined): string {
    return iso ? new Intl.DateTimeFormat(this.speakingLang(), { month: 'short', day: 'numeric' }).format(new Date(iso)) : '';
  }

  private clearProblem(source: Problem['source']): void {
    if (this.problem?.source === source) this.problem = undefined;
  }

  private report(problem: Problem): void {
    this.problem = problem;
    const { failure } = problem;
    const detail: SocialLinkEventMap['social-link-error']['detail'] = { code: failure.code, message: this.say(failure.text) };
    if (failure.status !== undefined) detail.status = failure.status;
    if (failure.retryAfter !== undefined) detail.retryAfter = failure.retryAfter;
    this.announce(detail.message);
    this.emit('social-link-error', detail);
  }

  /** Sets the live region's text; the same sentence twice still changes it, so it is read again. */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** A new status: emit and announce what changed since the one shown before (none the first time). */
  private statusChanged(status: ProfileStatus, previous: ProfileStatus | undefined): void {
    const healthBefore = this.healthTracker.map(previous);
    this.healthTracker.read(status);
    if (!previous) return;
    const before = new Set(previous.linked);
    const now = new Set(status.linked);
    const added = status.linked.filter((id) => !before.has(id));
    const removed = previous.linked.filter((id) => !now.has(id));
    const lang = this.speakingLang();
    // "X and LinkedIn linked." — a list in the element's language, capped to a few names.
    const names = (ids: string[]) => formatList(ids.slice(0, 4).map(networkName).concat(ids.length > 4 ? ['…'] : []), lang);
    const sentences: string[] = [];
    if (added.length) sentences.push(this.t('nowLinked', { names: names(added) }));
    if (removed.length) sentences.push(this.t('nowUnlinked', { names: names(removed) }));
    if (added.length || removed.length) {
      const accounts = this.accounts.filter((account) => added.includes(account.platform));
      this.emit('social-link-change', { linked: this.linked, added, removed, accounts });
    }
    sentences.push(...this.healthChanged(healthBefore, new Set(added)));
    // One short announcement, however large the change.
    if (sentences.length) this.announce(sentences.length > 3 ? `${sentences.slice(0, 3).join(' ')} …` : sentences.join(' '));
  }

  /** Emits `social-link-health` for what changed since `before`; returns the sentences to announce. */
  private healthChanged(before: Map<string, SocialLinkHealth>, added: ReadonlySet<string>): string[] {
    const after = this.healthTracker.map(this.profile.status);
    const { changed, announce } = healthChanges(before, after, added);
    if (changed.length) this.emit('social-link-health', { health: Object.fromEntries(after), changed });
    return announce.map(({ id, health }) => {
      const name = networkName(id);
      if (health.state === 'needs-reconnect') return this.t('nowBroken', { name });
      if (health.state === 'expiring') return this.t('nowExpiring', { name, date: this.formatDate(health.reconnectBy) });
      return this.t('nowHealthy', { name });
    });
  }

  /** A provider's outcome for one network: an error marks a linked network as needing a reconnect. */
  private connectOutcome(detail: SocialLinkEventMap['social-link-connect']['detail']): void {
    const id = toNetworkId(detail.network) ?? detail.network;
    const before = this.healthTracker.map(this.profile.status);
    if (!this.healthTracker.outcome(id, detail.outcome, this.profile.status)) return;
    const sentences = this.healthChanged(before, new Set());
    if (sentences.length) this.announce(sentences.join(' '));
    this.requestUpdate();
  }

  private unlinkNetwork(platform: string): void {
    // The confirm button becomes "Unlinking…": the row keeps focus meanwhile and after.
    this.focusNext = () => this.row(platform);
    this.clearProblem('unlink');
    void this.unlinks.unlink(platform);
  }

  /** A network's row, found by comparing data (ids come from outside: never built into a selector). */
  private row(id: string): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-network]')].find((row) => row.dataset.network === id);
  }

  private findPart(name: string, within: ParentNode | undefined = this.renderRoot): HTMLElement | undefined {
    return within?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? undefined;
  }

  /** Intent (hover, focus, touch) on the button, or on a row's Link or Reconnect: fetch its linking URL ahead. */
  private intent(network = ''): void {
    if (this.prefetch === 'intent' && !this.disabled) this.flow.prefetch(network);
  }

  private emit<K extends keyof SocialLinkEventMap>(type: K, detail: SocialLinkEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // Known names map to Ayrshare's ids (x → twitter); an id we do not know is still shown when
  // listed (SPEC 3: unknown ids are rendered only if listed in `networks`), with a generic icon.
  private shownNetworks(): string[] {
    const listed = toList(this.networks);
    const ids = (listed.length ? listed : NETWORK_IDS).map((id) => toNetworkId(id) ?? id.trim().toLowerCase()).filter(Boolean);
    return [...new Set(ids)];
  }

  private readonly onIntent = (): void => this.intent();

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
              ${this.t(this.mode === 'tab' ? 'tabHint' : 'popupHint')}
              <button part="bring-back" class="link-button" type="button" @click=${() => this.flow.focusPopup()}>
                ${this.t('bringBack')}
              </button>
            </span>`
          : nothing}
      </div>
      ${problem && problem.source !== 'unlink' ? this.renderProblem(problem) : nothing}
      ${this.profile.endpoint ? this.renderNetworks() : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderProblem(problem: Problem) {
    const { action } = problem;
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
            @pointerenter=${problem.source === 'flow' ? () => this.intent(problem.network) : nothing}
          >
            ${this.t(action === 'continue' ? 'continue' : action === 'new-link' ? 'newLink' : 'tryAgain')}
          </button>`}
    </div>`;
  }

  private renderNetworks() {
    const { status, loading } = this.profile;
    const health = this.healthTracker.map(status);
    const problem = this.problem;
    const ctx: RowContext = {
      t: (id, params) => this.t(id, params),
      date: (iso) => this.formatDate(iso),
      status,
      statusFailed: problem?.source === 'status',
      compact: this.compact,
      canLink: Boolean(this.jwtEndpoint) && !this.disabled,
      canUnlink: Boolean(this.unlinkEndpoint),
      confirming: this.unlinks.confirming,
      unlinking: this.unlinks.unlinking,
      open: (id) => this.open(id),
      intent: (id) => this.intent(id),
      confirm: (id, on) => {
        this.unlinks.confirm(id, on);
        // Focus moves to the control that replaced the one pressed.
        this.focusNext = () => this.findPart(on ? 'confirm-unlink' : 'unlink', this.row(id));
      },
      unlink: (id) => this.unlinkNetwork(id),
      problem: (id) => (problem?.source === 'unlink' && problem.network === id ? this.renderProblem(problem) : nothing),
    };
    return html`<ul part="networks" class="networks" aria-label=${this.t('listLabel')} aria-busy=${loading && !status ? 'true' : 'false'}>
      ${this.shownNetworks().map((id, index) => renderNetwork(ctx, id, index, health.get(id)))}
    </ul>`;
  }
}
