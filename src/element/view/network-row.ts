// One network's row: icon, name, health badge, status, account, and its actions (Link,
// Reconnect, Unlink with its confirmation).
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { RovingController } from './roving-controller.js';
import type { MessageId } from '../../i18n/messages.js';
import { glyphFor, type Updatable } from './icon-set.js';
import type { ProfileStatus } from '../status/status-answer.js';
import { safeImageUrl, safeLinkUrl } from '../net/safe-url.js';
import { networkName } from '../../protocol/networks.js';
import type { SocialLinkHealth } from '../types.js';
import type { InAppController } from '../in-app-controller.js';

/** What a row shows and does, from its element. */
export interface RowContext {
  t(id: MessageId, params?: Record<string, string | number>): string;
  /** A date in the element's language: "Dec 2". */
  date(iso: string | undefined): string;
  status: ProfileStatus | undefined;
  /** The status could not be read. */
  statusFailed: boolean;
  compact: boolean;
  /** Link and Reconnect are offered (a jwt-endpoint, not disabled). */
  canLink: boolean;
  /** Unlink is offered (an unlink-endpoint). */
  canUnlink: boolean;
  confirming: string | undefined;
  unlinking: string | undefined;
  open(id: string): void;
  intent(id: string): void;
  confirm(id: string, on: boolean): void;
  unlink(id: string): void;
  /** The row's own error box (an unlink that failed), if any. */
  problem(id: string): TemplateResult | typeof nothing;
  /** Compact mode's single tab stop over the icons, and the networks shown (in order). */
  roving: RovingController;
  ids: readonly string[];
  /** In an in-app browser: the networks it cannot link, and the way out to the system browser. */
  inApp: InAppController;
  /** The element: updated once the brand glyphs have loaded. */
  host: Updatable;
}

/** Whether the row offers Link (not linked) or Reconnect (linked, unwell): what Enter on a compact icon opens. */
export function linkable(ctx: RowContext, id: string, health: SocialLinkHealth | undefined): boolean {
  return wantsLink(ctx, id, health) && !ctx.inApp.refuses(id);
}

/** Whether the row would offer Link or Reconnect, were the in-app browser not refusing the network. */
function wantsLink(ctx: RowContext, id: string, health: SocialLinkHealth | undefined): boolean {
  if (!ctx.status || !ctx.canLink) return false;
  return !ctx.status.linked.includes(id) || (health !== undefined && health.state !== 'healthy');
}

const checkGlyph = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 8.5l2.5 2.5L12 5.5" /></svg>`;
const warnGlyph = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 4v5M8 11.5v.5" /></svg>`;

export function renderNetwork(ctx: RowContext, id: string, index: number, health: SocialLinkHealth | undefined) {
  const name = networkName(id);
  const { status, compact } = ctx;
  const linked = status?.linked.includes(id) ?? false;
  const account = linked ? status?.accounts.find((a) => a.platform === id) : undefined;
  const who = account?.displayName ?? account?.username;
  const [viewBox, path] = glyphFor(id, ctx.host);
  const avatar = safeImageUrl(account?.userImage);
  const profileUrl = safeLinkUrl(account?.profileUrl);
  const statusText = ctx.t(!status ? (ctx.statusFailed ? 'unavailable' : 'checking') : linked ? 'linked' : 'notLinked');
  const state = linked ? health?.state : undefined;
  const unwell = state === 'expiring' || state === 'needs-reconnect';
  const healthId = `health-${index}`;
  const parts = ['network', linked && 'network-linked', unwell && `network-${state}`].filter(Boolean).join(' ');

  // The row is plain content (name, status, account): a screen reader reads it once, with
  // no label repeating it. Compact rows are the options of one list box with a single tab stop
  // (controllers/roving-controller.ts), so keyboard users reach the names and Link too.
  // No whitespace between the tags: every container here is flex or grid (browsers put the
  // spaces into accessible text themselves), and a page with many elements would otherwise
  // carry a third more DOM nodes.
  return html`<li
    part=${parts}
    class="network"
    data-network=${id}
    ?data-linked=${linked}
    data-health=${state ?? nothing}
    tabindex=${compact ? ctx.roving.tabIndex(id, ctx.ids) : '-1'}
    role=${compact ? 'option' : nothing}
    aria-selected=${compact ? 'false' : nothing}
    ?data-link=${compact && linkable(ctx, id, health)}
    ><span part="icon" class="icon" aria-hidden="true"
      ><svg viewBox=${viewBox} focusable="false"><path d=${path} /></svg
      >${linked ? html`<span class=${unwell ? 'badge warn' : 'badge'}>${unwell ? warnGlyph : checkGlyph}</span>` : nothing}</span
    ><span class="details"
      ><span class="title"
        ><span part="name" class="name">${name}</span
        >${unwell
          ? html`<span part="health" class="health" id=${healthId}
              >${state === 'expiring' ? ctx.t('reconnectBy', { date: ctx.date(health?.reconnectBy) }) : ctx.t('needsReconnect')}</span
            >`
          : nothing}</span
      ><span class="sub"
        ><span part="status" class=${status ? 'status' : 'status pending'}>${statusText}</span
        >${who
          ? html`<span part="account" class="account"
              >${avatar
                ? html`<img part="avatar" class="avatar" src=${avatar} alt="" referrerpolicy="no-referrer" loading="lazy" />`
                : nothing}${profileUrl && !compact
                ? html`<a href=${profileUrl} target="_blank" rel="noopener noreferrer">${who}</a>`
                : html`<span class="who">${who}</span>`}</span
            >`
          : nothing}</span
      ></span
    >${renderActions(ctx, id, name, linked, health, healthId)}${ctx.problem(id)}</li
  >`;
}

function renderActions(ctx: RowContext, id: string, name: string, linked: boolean, health: SocialLinkHealth | undefined, healthId: string) {
  if (!ctx.status || ctx.compact) return nothing;
  // In an in-app browser whose sign-in this network refuses: the way out instead of a Link that fails.
  const wanted = wantsLink(ctx, id, health);
  const refused = wanted && ctx.inApp.refuses(id);
  const reconnect = linked && wanted && !refused;
  const link = !linked && wanted && !refused;
  const unlink = linked && ctx.canUnlink;
  if (!reconnect && !link && !unlink && !refused) return nothing;
  if (unlink && (ctx.unlinking === id || ctx.confirming === id)) return renderUnlink(ctx, id, name);
  const intent = () => ctx.intent(id);
  return html`<span class="actions"
    >${refused ? html`<span part="in-app-blocked" class="in-app-blocked">${ctx.t('inAppBlocked')}</span>` : nothing}${link || reconnect
      ? html`<button
          part=${link ? 'link-network' : 'reconnect'}
          class=${reconnect ? 'small primary' : 'small'}
          type="button"
          aria-label=${ctx.t(link ? 'linkNamed' : 'reconnectNamed', { name })}
          aria-describedby=${reconnect ? healthId : nothing}
          @click=${() => ctx.open(id)}
          @pointerenter=${intent}
          @focus=${intent}
          @touchstart=${intent}
        >${ctx.t(link ? 'link' : 'reconnect')}</button
        >`
      : nothing}${unlink ? renderUnlinkButton(ctx, id, name) : nothing}</span
  >`;
}

function renderUnlink(ctx: RowContext, id: string, name: string) {
  if (ctx.unlinking === id) {
    return html`<span class="actions"><span part="unlink-progress">${ctx.t('unlinking')}</span></span>`;
  }
  return html`<span
    class="actions confirm"
    role="group"
    aria-labelledby="confirm-text"
    @keydown=${(event: KeyboardEvent) => {
      if (event.key === 'Escape') ctx.confirm(id, false);
    }}
  >
    <span id="confirm-text" class="confirm-text">${ctx.t('confirmUnlink', { name })}</span>
    <span class="confirm-buttons">
      <button part="confirm-unlink" class="small danger" type="button" @click=${() => ctx.unlink(id)}>${ctx.t('unlink')}</button>
      <button part="cancel-unlink" class="small" type="button" @click=${() => ctx.confirm(id, false)}>${ctx.t('cancel')}</button>
    </span>
  </span>`;
}

function renderUnlinkButton(ctx: RowContext, id: string, name: string) {
  return html`<button
    part="unlink"
    class="small"
    type="button"
    aria-label=${ctx.t('unlinkNamed', { name })}
    ?disabled=${Boolean(ctx.unlinking)}
    @click=${() => ctx.confirm(id, true)}
  >${ctx.t('unlink')}</button>`;
}

/** The list of rows; compact: one list box of icons with a single tab stop (view/roving-controller.ts). */
export function renderNetworks(ctx: RowContext, health: ReadonlyMap<string, SocialLinkHealth>, busy: boolean) {
  return html`<ul part="networks" class="networks" role=${ctx.compact ? 'listbox' : nothing} aria-orientation=${ctx.compact ? 'horizontal' : nothing} aria-label=${ctx.t('listLabel')} aria-busy=${busy ? 'true' : 'false'}>
    ${ctx.ids.map((id, index) => renderNetwork(ctx, id, index, health.get(id)))}
  </ul>`;
}
