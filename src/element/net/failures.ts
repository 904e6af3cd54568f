import type { MessageId, Text } from '../../i18n/messages.js';
import type { SocialLinkErrorCode } from '../types.js';

export type { SocialLinkErrorCode, SocialLinkErrorDetail } from '../types.js';

/** A failure before it is put into words: each element says it in its own language. */
export interface Failure {
  code: SocialLinkErrorCode;
  text: Text;
  status?: number;
  retryAfter?: number;
  /** The linking URL had expired: the retry offers a new link. */
  expired?: boolean;
  /** Nothing the user can retry (a sandboxed frame): no button. */
  final?: boolean;
}

/** Thrown inside the element's request code; always caught and turned into a Failure. */
export class SocialLinkFailure extends Error {
  readonly failure: Failure;

  constructor(failure: Failure) {
    super('raw' in failure.text ? failure.text.raw : failure.text.id);
    this.failure = failure;
  }
}

/** The failure an error stands for: its own, or a plain request failure said with `fallback`. */
export function toFailure(error: unknown, fallback: MessageId, params?: Record<string, string>): Failure {
  if (error instanceof SocialLinkFailure) return error.failure;
  return { code: 'request-failed', text: params ? { id: fallback, params } : { id: fallback } };
}

/** What a request is for: picks the sentences its failures are reported with. */
export type Task = 'Status' | 'Link' | 'Unlink';

/** The element's own sentence for a request that failed or was too slow. */
export function taskSentence(kind: 'failed' | 'slow', task: Task, networkName = ''): Text {
  const id = `${kind}${task}` as MessageId;
  return task === 'Unlink' ? { id, params: { name: networkName } } : { id };
}

// A host's own message (JSON `message` of an error answer) is written for its users: show it,
// if it is one readable sentence.
function hostMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && message.trim() && message.length <= 300
    ? message.trim()
    : undefined;
}

export function hostText(body: unknown): Text | undefined {
  const message = hostMessage(body);
  return message === undefined ? undefined : { raw: message };
}
