// The options of the live handlers (`webhook`, `events`) and what the host's webhook hook gets.

/** Ayrshare's `social` webhook, as parsed (../shared/AYRSHARE.md, "Webhooks"). */
export interface SocialEvent {
  action: 'social';
  /** `link`, `unlink` or `refresh` (a link comes due, e.g. LinkedIn's yearly relink). */
  type: string;
  /** `system`: Ayrshare unlinked a broken connection itself (and emailed the primary account). */
  source?: string;
  /** The network, as Ayrshare names it (`instagram`, `linkedin`…). */
  platform?: string;
  /** The Ayrshare profile's refId. */
  refId?: string;
  title?: string;
  displayName?: string;
  /** The delivery's id: the same on each retry. */
  hookId?: string;
  created?: string;
  code?: number;
  details?: { status?: string; code?: number; message?: string };
  /** `refresh`: when the link must be renewed. */
  refreshBy?: string;
}

export interface WebhookOptions {
  /**
   * The signing secret you registered with Ayrshare (`POST /api/hook/webhook` `secret`), at
   * least 16 characters, e.g. process.env.AYRSHARE_WEBHOOK_SECRET.
   */
  secret?: string;
  /** Several secrets during a rotation: a delivery signed with any of them is accepted. */
  secrets?: readonly string[];
  /** Seconds `X-Authorization-Timestamp` may differ from this server's clock (default 300). */
  toleranceSeconds?: number;
  /**
   * Refuse deliveries without `X-Authorization-Timestamp` (default false). The timestamp is not
   * covered by the signature, so the guards against a replayed body are the `hookId` record and
   * the signed `created` time (a body older than `keepHookHours` is acknowledged and ignored).
   */
  requireTimestamp?: boolean;
  /** Hours a handled `hookId` is remembered (default 48, at least 24, Ayrshare's advice). */
  keepHookHours?: number;
  /** The largest delivery read, in bytes (default 64 KiB); larger is 413. */
  maxBodyBytes?: number;
  /**
   * Told of each `social` event once (never for a duplicate), after the change is published.
   * The answer to Ayrshare waits for it at most `hookWaitMs`; its errors are swallowed.
   * `userId` is the profile directory's user (undefined with `profileKey`).
   */
  onSocialEvent?: (event: SocialEvent, context: { userId: string | undefined }) => void | Promise<void>;
  /** Milliseconds the answer waits for `onSocialEvent` (default 1000); it runs on after that. */
  hookWaitMs?: number;
  /**
   * With `profileKey` (no profile directory): the Profile Key of a webhook's refId, so the
   * event reaches that profile's open pages. Without it, only `onSocialEvent` hears of events.
   */
  profileKeyOfRefId?: (refId: string) => string | undefined | Promise<string | undefined>;
}

export interface EventsOptions {
  /** Milliseconds between `: ping` comments, which keep proxies from closing the stream (default 25000). */
  heartbeatMs?: number;
  /** Open streams per user in this process (default 8); past it, 429 with Retry-After. */
  maxStreamsPerUser?: number;
  /** The `retry:` the browser waits before reconnecting, in milliseconds (default 3000). */
  retryMs?: number;
}
