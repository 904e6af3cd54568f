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
}

/** Thrown inside the element's request code; always caught and turned into a detail. */
export class SocialLinkFailure extends Error {
  constructor(
    readonly code: SocialLinkErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  toDetail(): SocialLinkErrorDetail {
    return this.status === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, status: this.status };
  }
}
