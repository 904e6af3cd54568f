import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { SocialLinkFailure, type SocialLinkErrorDetail } from './internal/errors.js';
import { DEFAULT_TIMEOUT_MS, RequestAborted, requestJson } from './internal/http.js';
import { icons } from './internal/icons.js';
import { LinkFlow, type LinkFlowState } from './internal/link-flow.js';
import { isNetworkId, NETWORK_IDS, NETWORKS, toNetworkId } from './internal/networks.js';
import {
  readStatus,
  subscribe,
  type LinkedAccount,
  type ProfileStatus,
  type StatusResult,
} from './internal/profile-status.js';
import { safeImageUrl, safeLinkUrl } from './internal/safe-url.js';
import { toList } from './internal/list.js';
import type { SocialLinkEventMap, SocialLinkMode } from './events.js';
import { styles } from './styles.js';
import { VERSION } from './version.js';

export type { LinkedAccount } from './internal/profile-status.js';
export type SocialLinkState = LinkFlowState;

interface Problem {
  detail: SocialLinkErrorDetail;
  /** What the error box's button does. */
  retry: () => void;
  source: 'status' | 'flow' | 'unlink';
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

// A chain link, for a network id we have no brand glyph for.
const GENERIC_ICON = [
  '0 0 16 16',
  'M6.5 9.5a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.7.7 1 1 .7-.7a1.6 1.6 0 0 1 2.2 2.2l-2.1 2.1a1.6 1.6 0 0 1-2.2 0zM9.5 6.5a3 3 0 0 0-4.2 0L3.2 8.6a3 3 0 0 0 4.2 4.2l.7-.7-1-1-.7.7a1.6 1.6 0 0 1-2.2-2.2l2.1-2.1a1.6 1.6 0 0 1 2.2 0z',
] as const;

const checkGlyph = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 8.5l2.5 2.5L12 5.5" /></svg>`;

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
 * @event social-link-change - The set of linked networks changed (not on the first read). `{ linked, added, removed }`
 * @event social-link-error - Something failed. `{ code, message, status? }`
 *
 * @csspart base - The wrapper around everything.
 * @csspart button - The link button.
 * @csspart label - The button's text.
 * @csspart networks - The list of networks.
 * @csspart network - One network (also `network-linked` when linked).
 * @csspart network-linked - A linked network.
 * @csspart icon - A network's brand icon tile.
 * @csspart name - A network's name.
 * @csspart account - The linked account's name (a link when it has a profile URL).
 * @csspart avatar - The linked account's picture.
 * @csspart status - A network's "Linked" / "Not linked" text.
 * @csspart error - The error message box.
 * @csspart retry - The error box's button: "Try again", or "Continue" for a blocked popup.
 * @csspart continue - The retry button when the popup was blocked.
 * @csspart unlink - A linked network's "Unlink" button.
 * @csspart confirm-unlink - The button that confirms an unlink.
 * @csspart cancel-unlink - The button that cancels an unlink.
 * @csspart unlink-progress - "Unlinking…" while the request runs.
 *
 * @cssproperty --social-link-button-font - Font shorthand (default: inherited).
 * @cssproperty --social-link-button-color - Text colour.
 * @cssproperty --social-link-button-muted-color - Secondary text colour.
 * @cssproperty --social-link-button-background - Background of each network row.
 * @cssproperty --social-link-button-border-color - Border of each network row.
 * @cssproperty --social-link-button-radius - Corner radius.
 * @cssproperty --social-link-button-accent - Button background.
 * @cssproperty --social-link-button-accent-text - Button text colour.
 * @cssproperty --social-link-button-linked-color - "Linked" text and badge colour.
 * @cssproperty --social-link-button-error-color - Error text and border colour.
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
    label: {},
    timeout: { type: Number },
    prefetch: {},
    disabled: { type: Boolean, reflect: true },
    compact: { type: Boolean, reflect: true },
    requestInit: { attribute: false },
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
  /** The button's text; the default slot overrides it. */
  declare label: string;
  /** Milliseconds each request to a host endpoint may take. */
  declare timeout: number;
  /** `intent`: fetch the linking URL on hover, focus or touch. */
  declare prefetch: 'intent' | 'none';
  /** Disables the button. */
  declare disabled: boolean;
  /** Icons only; network names become tooltips and accessible names. */
  declare compact: boolean;
  /** Merged into every request to the host endpoints (headers for CSRF or auth, credentials). */
  declare requestInit: RequestInit | undefined;

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
    emit: (type, detail) => this.emit(type, detail),
    reportFlowError: (detail) =>
      this.report({ detail, source: 'flow', retry: () => this.open() }),
  });
  private unsubscribe: (() => void) | undefined;
  private subscribedEndpoint: string | undefined;
  private unlinkController: AbortController | undefined;

  constructor() {
    super();
    this.mode = 'popup';
    this.label = 'Link social accounts';
    this.timeout = DEFAULT_TIMEOUT_MS;
    this.prefetch = 'intent';
    this.disabled = false;
    this.compact = false;
    this.loading = false;
    this.announcement = '';
  }

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.syncSubscription();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (remove and insert in the same task) keeps the flow and the status; only an
    // element that stays out of the document lets go of its popup, timers and requests.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.flow.teardown();
      this.unlinkController?.abort();
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.subscribedEndpoint = undefined;
    });
  }

  /**
   * Opens the linking page. Call it from a user gesture (a click or key press handler): outside
   * one, browsers block popups, and the element shows Continue instead.
   */
  open(): void {
    if (this.disabled) return;
    if (this.problem?.source === 'flow') this.problem = undefined;
    this.flow.open();
  }

  /** Closes the linking popup and ends the flow. */
  close(): void {
    this.flow.close();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('profileEndpoint')) this.syncSubscription();
  }

  override updated(): void {
    if (this.getAttribute('state') !== this.flow.state) this.setAttribute('state', this.flow.state);
  }

  /** Re-reads the link status. Never rejects; failures arrive as `social-link-error`. */
  async refresh(): Promise<void> {
    const endpoint = this.subscribedEndpoint;
    if (!endpoint) return;
    this.loading = true;
    await readStatus(endpoint, { requestInit: this.requestInit, timeout: this.timeout });
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
    this.announcement = problem.detail.message;
    this.emit('social-link-error', { ...problem.detail });
  }

  private applyStatus(result: StatusResult): void {
    this.loading = false;
    if ('error' in result) {
      this.report({ detail: result.error, source: 'status', retry: () => void this.refresh() });
      return;
    }
    const previous = this.status;
    this.status = result.status;
    if (this.problem?.source === 'status') this.problem = undefined;
    if (!previous) return;
    const added = result.status.linked.filter((id) => !previous.linked.includes(id));
    const removed = previous.linked.filter((id) => !result.status.linked.includes(id));
    if (added.length === 0 && removed.length === 0) return;
    this.announcement = [
      ...added.map((id) => `${this.networkName(id)} linked.`),
      ...removed.map((id) => `${this.networkName(id)} unlinked.`),
    ].join(' ');
    this.emit('social-link-change', { linked: this.linked, added, removed });
  }

  private networkName(id: string): string {
    const known = toNetworkId(id);
    return known ? NETWORKS[known].name : id;
  }

  private async unlink(platform: string): Promise<void> {
    const endpoint = this.unlinkEndpoint;
    if (!endpoint || this.unlinking) return;
    this.confirming = undefined;
    this.unlinking = platform;
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
        purpose: `Unlinking ${this.networkName(platform)}`,
        emptyOk: true,
      });
      this.unlinking = undefined;
      await this.refresh();
    } catch (error) {
      this.unlinking = undefined;
      if (error instanceof RequestAborted) return;
      const detail =
        error instanceof SocialLinkFailure
          ? error.toDetail()
          : { code: 'request-failed' as const, message: `Unlinking ${this.networkName(platform)} failed.` };
      this.report({ detail, source: 'unlink', retry: () => void this.unlink(platform) });
    } finally {
      if (this.unlinkController === controller) this.unlinkController = undefined;
    }
  }

  /** Shows or hides the confirmation for `id`, keeping focus on the control that replaced the
   * one just pressed. */
  private async setConfirming(id: string, confirming: boolean): Promise<void> {
    this.confirming = confirming ? id : undefined;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(`[data-network="${id}"] [part~="${confirming ? 'confirm-unlink' : 'unlink'}"]`)
      ?.focus();
  }

  private onIntent = (): void => {
    if (this.prefetch === 'intent' && !this.disabled) this.flow.prefetch();
  };

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
    return html`<div part="base" class="base">
      <button
        part="button"
        class="button"
        type="button"
        ?disabled=${this.disabled}
        aria-busy=${this.flow.state === 'opening' ? 'true' : 'false'}
        @click=${() => this.open()}
        @pointerenter=${this.onIntent}
        @focus=${this.onIntent}
        @touchstart=${this.onIntent}
      >
        <span part="label"><slot>${this.label}</slot></span>
      </button>
      ${this.subscribedEndpoint ? this.renderNetworks() : nothing}
      ${this.problem ? this.renderProblem(this.problem) : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderProblem(problem: Problem) {
    const blocked = problem.detail.code === 'popup-blocked';
    // Continue holds no URL: its click is a fresh gesture that opens the linking page.
    return html`<div part="error" class="error" data-code=${problem.detail.code}>
      <span>${problem.detail.message}</span>
      <button
        part=${blocked ? 'retry continue' : 'retry'}
        class="retry"
        type="button"
        @click=${problem.retry}
        @pointerenter=${blocked ? this.onIntent : nothing}
      >
        ${blocked ? 'Continue' : 'Try again'}
      </button>
    </div>`;
  }

  private renderUnlink(id: string, name: string) {
    if (this.unlinking === id) {
      return html`<span class="unlink"><span part="unlink-progress">Unlinking…</span></span>`;
    }
    if (this.confirming === id) {
      return html`<span
        class="unlink"
        role="group"
        aria-label=${`Unlink ${name}?`}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') void this.setConfirming(id, false);
        }}
      >
        <span class="confirm-text">Unlink ${name}?</span>
        <button part="confirm-unlink" class="small danger" type="button" @click=${() => void this.unlink(id)}>
          Unlink
        </button>
        <button part="cancel-unlink" class="small" type="button" @click=${() => void this.setConfirming(id, false)}>
          Cancel
        </button>
      </span>`;
    }
    return html`<button
      part="unlink"
      class="small"
      type="button"
      aria-label=${`Unlink ${name}`}
      ?disabled=${Boolean(this.unlinking)}
      @click=${() => void this.setConfirming(id, true)}
    >
      Unlink
    </button>`;
  }

  private renderNetworks() {
    return html`<ul
      part="networks"
      class="networks"
      aria-label="Social accounts"
      aria-busy=${this.loading && !this.status ? 'true' : 'false'}
    >
      ${this.shownNetworks().map((id) => this.renderNetwork(id))}
    </ul>`;
  }

  private renderNetwork(id: string) {
    const known = isNetworkId(id) ? id : undefined;
    const name = known ? NETWORKS[known].name : id;
    const status = this.status;
    const linked = status?.linked.includes(id) ?? false;
    const account = status?.accounts.find((a) => a.platform === id);
    const who = accountName(account);
    const summary = !status
      ? this.problem?.source === 'status'
        ? `${name}: status unavailable`
        : `${name}: checking`
      : linked
        ? who
          ? `${name}: linked as ${who}`
          : `${name}: linked`
        : `${name}: not linked`;
    const [viewBox, path] = known ? icons[known] : GENERIC_ICON;
    const avatar = linked ? safeImageUrl(account?.userImage) : undefined;
    const profileUrl = linked ? safeLinkUrl(account?.profileUrl) : undefined;

    return html`<li
      part=${linked ? 'network network-linked' : 'network'}
      class="network"
      data-network=${id}
      ?data-linked=${linked}
      aria-label=${summary}
      title=${this.compact ? summary : nothing}
    >
      <span part="icon" class="icon">
        <svg viewBox=${viewBox} aria-hidden="true" focusable="false"><path d=${path} /></svg>
        ${linked ? html`<span class="badge">${checkGlyph}</span>` : nothing}
      </span>
      <span class="text">
        <span part="name" class="name">${name}</span>
        ${linked && who
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
              ${profileUrl
                ? html`<a href=${profileUrl} target="_blank" rel="noopener noreferrer">${who}</a>`
                : html`<span>${who}</span>`}
            </span>`
          : nothing}
      </span>
      <span part="status" class="status">${!status ? '' : linked ? 'Linked' : 'Not linked'}</span>
      ${linked && this.unlinkEndpoint ? this.renderUnlink(id, name) : nothing}
    </li>`;
  }
}
