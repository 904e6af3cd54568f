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
  /** A sentence a person can act on. */
  message: string;
  /** HTTP status, when a host endpoint answered with one. */
  status?: number;
  /** For a 429: seconds to wait, from the answer's `Retry-After`. */
  retryAfter?: number;
}

/** Thrown inside the element's request code; always caught and turned into a detail. */
export class SocialLinkFailure extends Error {
  constructor(
    readonly code: SocialLinkErrorCode,
    message: string,
    readonly status?: number,
    readonly retryAfter?: number,
    /** The linking URL had expired: the retry offers a new link. */
    readonly expired = false,
  ) {
    super(message);
  }

  toDetail(): SocialLinkErrorDetail {
    const detail: SocialLinkErrorDetail = { code: this.code, message: this.message };
    if (this.status !== undefined) detail.status = this.status;
    if (this.retryAfter !== undefined) detail.retryAfter = this.retryAfter;
    return detail;
  }
}
