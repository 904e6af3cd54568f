// The error box: what failed, in words, and the one button that can help.
import { html, nothing } from 'lit';
import type { Failure } from '../net/failures.js';
import type { LanguageController } from '../../i18n/language-controller.js';

/** A failure the element shows, and what its button does. */
export interface Problem {
  failure: Failure;
  /** What the error box's button does. */
  retry: () => void;
  source: 'status' | 'flow' | 'unlink';
  /** The error box's button: Try again, Continue (blocked popup), Open a new link (expired), or none. */
  action: 'retry' | 'continue' | 'new-link' | 'none';
  /** For an unlink problem: the network whose row shows it; for a flow problem: its scope. */
  network?: string;
}

/** The action a flow failure offers. */
export function flowAction(failure: Failure): Problem['action'] {
  return failure.final ? 'none' : failure.code === 'popup-blocked' ? 'continue' : failure.expired ? 'new-link' : 'retry';
}

/** `intent`: hovering the button of a flow problem fetches its linking URL ahead. */
export function renderProblem(problem: Problem, words: LanguageController, intent: (network: string) => void) {
  const { action } = problem;
  // Continue holds no URL: its click is a fresh gesture that opens the linking page.
  return html`<div part="error" class="error" data-code=${problem.failure.code} tabindex="-1">
    <span class="error-text">${words.say(problem.failure.text)}</span>
    ${action === 'none'
      ? nothing
      : html`<button
          part=${action === 'continue' ? 'retry continue' : 'retry'}
          class="retry"
          type="button"
          @click=${problem.retry}
          @pointerenter=${problem.source === 'flow' ? () => intent(problem.network ?? '') : nothing}
        >
          ${words.t(action === 'continue' ? 'continue' : action === 'new-link' ? 'newLink' : 'tryAgain')}
        </button>`}
  </div>`;
}
