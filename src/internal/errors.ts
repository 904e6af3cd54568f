import type { Text } from '../i18n.js';

/** Error codes a host can switch on (SPEC section 5). */
export type SocialLinkErrorCode =
  | 'request-failed'
  | 'invalid-response'
  | 'untrusted-url'
  | 'popup-blocked'
  | 'timeout';

/** The `detail` of `social-link-error`, and the error shown in the element. */
export interface SocialLinkErrorDetail {
  code: SocialLinkErrorCode;
  /** A sentence a person can act on, in the element's language. */
  message: string;
  /** HTTP status, when a host endpoint answered with one. */
  status?: number;
  /** For a 429: seconds to wait, from the answer's `Retry-After`. */
  retryAfter?: number;
}

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
