// What the person and the host hear when something fails, and the live region's text: one
// problem shown at a time, each read out and emitted as `social-link-error`.
import type { LanguageController } from '../i18n/language-controller.js';
import type { ConnectedHost } from './connected-host.js';
import type { SocialLinkErrorDetail } from './types.js';
import type { Problem } from './view/problem.js';

export class Feedback {
  /** The failure the element shows (the error box, or an unlink's row). */
  problem: Problem | undefined;
  /** The polite live region's text. */
  announcement = '';

  readonly #host: ConnectedHost;
  readonly #words: LanguageController;
  readonly #emitError: (detail: SocialLinkErrorDetail) => void;

  constructor(host: ConnectedHost, words: LanguageController, emitError: (detail: SocialLinkErrorDetail) => void) {
    this.#host = host;
    this.#words = words;
    this.#emitError = emitError;
  }

  /** Shows `problem`, reads its sentence out and emits it. */
  report(problem: Problem): void {
    this.problem = problem;
    this.#host.requestUpdate();
    const { failure } = problem;
    const detail: SocialLinkErrorDetail = { code: failure.code, message: this.#words.say(failure.text) };
    if (failure.status !== undefined) detail.status = failure.status;
    if (failure.retryAfter !== undefined) detail.retryAfter = failure.retryAfter;
    this.announce(detail.message);
    this.#emitError(detail);
  }

  /** Clears the problem shown, when it came from `source`. */
  clear(source: Problem['source']): void {
    if (this.problem?.source !== source) return;
    this.problem = undefined;
    this.#host.requestUpdate();
  }

  /** Sets the live region's text; the same sentence twice still changes it, so it is read again. */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
    this.#host.requestUpdate();
  }
}
