// The status list as the element renders it: each row's context, built from the element's
// settings and its controllers' state.
import { nothing } from 'lit';
import type { LanguageController } from '../../i18n/language-controller.js';
import { networksToShow } from '../../protocol/networks.js';
import type { Feedback } from '../feedback.js';
import type { InAppController } from '../in-app-controller.js';
import type { PrefetchIntent } from '../link/prefetch-intent.js';
import type { ProfileStatusController } from '../status/status-controller.js';
import type { StatusChanges } from '../status/status-changes.js';
import type { UnlinkController } from '../unlink-controller.js';
import { renderNetworks, type RowContext } from './network-row.js';
import { renderProblem } from './problem.js';
import type { RovingController } from './roving-controller.js';

/** The element's settings the rows read. */
export interface RowsSettings {
  readonly jwtEndpoint: string | undefined;
  readonly unlinkEndpoint: string | undefined;
  readonly disabled: boolean;
  readonly compact: boolean;
  readonly networks: string[];
  open(network: string): void;
  requestUpdate(): void;
}

/** The element's parts the rows read and act through. */
export interface RowsParts {
  words: LanguageController;
  profile: ProfileStatusController;
  changes: StatusChanges;
  feedback: Feedback;
  unlinks: UnlinkController;
  intents: PrefetchIntent;
  roving: RovingController;
  inApp: InAppController;
}

export function renderRows(el: RowsSettings, { words, profile, changes, feedback, unlinks, intents, roving, inApp }: RowsParts) {
  const { status, loading } = profile;
  const health = changes.health.map(status);
  const problem = feedback.problem;
  const ctx: RowContext = {
    t: (id, params) => words.t(id, params),
    date: (iso) => words.date(iso),
    status,
    statusFailed: problem?.source === 'status',
    compact: el.compact,
    canLink: Boolean(el.jwtEndpoint) && !el.disabled,
    canUnlink: Boolean(el.unlinkEndpoint),
    confirming: unlinks.confirming,
    unlinking: unlinks.unlinking,
    open: (id) => el.open(id),
    intent: (id) => intents.soon(id),
    confirm: (id, on) => unlinks.confirm(id, on),
    unlink: (id) => unlinks.start(id),
    problem: (id) => (problem?.source === 'unlink' && problem.network === id ? renderProblem(problem, words, () => undefined) : nothing),
    roving,
    ids: networksToShow(el.networks),
    inApp,
    host: el,
  };
  return renderNetworks(ctx, health, loading && !status);
}
