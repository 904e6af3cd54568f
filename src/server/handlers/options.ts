// The options of the reference handlers, and the types they are built from.
import type { AllowedOrigins } from '../http/requests.js';
import type { CallChecks } from '../http/requests.js';
import type { CallInit } from '../ayrshare/client.js';
import type { ChangeHub } from '../live/changes.js';
import type { ProfileDirectory } from '../profiles/directory-types.js';
import type { StatusCache } from '../live/status-cache.js';
import type { StatusCacheOptions } from '../live/status-options.js';
import type { EventsOptions, WebhookOptions } from './live-options.js';

export interface AyrshareHandlerOptions {
  /** The Ayrshare account's API key (`Authorization: Bearer`). */
  apiKey: string;
  /**
   * The signed-in user's Profile Key, from your session; `undefined` answers 401. Either this,
   * or `user` with `profiles`.
   */
  profileKey?: (request: Request) => string | undefined | Promise<string | undefined>;
  /**
   * The signed-in user's id in your app, from your session; `undefined` answers 401. With
   * `profiles`, each user gets their own Ayrshare profile, created on their first link.
   */
  user?: (request: Request) => string | undefined | Promise<string | undefined>;
  /** The profile directory (`createProfileDirectory`) that keeps each user's Profile Key. */
  profiles?: ProfileDirectory;
  /**
   * Origins allowed to ask for a linking URL (your app's, e.g. `https://app.example.com`); the
   * request's `Origin` must be one of them, and is passed to Ayrshare as `origin`, which turns on
   * its link completion events. A function decides per origin.
   */
  allowedOrigins: AllowedOrigins;
  /** `link-session` (Ayrshare's recommendation, default) or the legacy `generateJWT`. */
  linkMethod?: 'link-session' | 'generateJWT';
  /** generateJWT only: your Ayrshare domain and private key. */
  domain?: string;
  privateKey?: string;
  /** Where Done sends the popup when there is no `origin` (your callback page); a function
   * gets the request, to build it from the request's own URL. */
  redirect?: string | ((request: Request) => string | undefined);
  /**
   * Networks the linking page may offer (Ayrshare ids). The element's `networks` (the ids it
   * shows) and `network` (one row's Link or Reconnect) narrow it further, never widen it.
   */
  allowedSocial?: readonly string[];
  /**
   * Link a single network (a row's Link or Reconnect) with Ayrshare's direct connect
   * (`mode: "connect"` + `network`, Max Pack). If Ayrshare refuses, the handler falls back to
   * the usual page offering only that network. Link sessions only.
   */
  directConnect?: boolean;
  /** Log out of Ayrshare first: set when one browser links several profiles in turn. */
  logout?: boolean;
  /** Link lifetime in minutes (Ayrshare Max Pack). */
  expiresIn?: number;
  /**
   * Milliseconds each call to Ayrshare may take (default 10000); then 504. Zero or less is the
   * default, more than 2^31−1 (Infinity too) is 2^31−1; not a number throws.
   */
  timeout?: number;
  /** Ayrshare's API base (default https://api.ayrshare.com/api; the simulator's for the demo). */
  baseUrl?: string;
  /** The fetch to call Ayrshare with (default: global fetch). */
  fetch?: typeof fetch;
  /** The largest request body accepted, in bytes (default 16 KiB); larger is 413. */
  maxBodyBytes?: number;
  /** The `webhook` handler: Ayrshare's signed deliveries (docs/going-live.md, "Webhooks"). */
  webhook?: WebhookOptions;
  /** The `events` handler: the signed-in user's changes as Server-Sent Events. */
  events?: EventsOptions;
  /**
   * The status cache and the per-profile Ayrshare budget (docs/going-live.md “Status cache and
   * the Ayrshare rate limit”): answers fresh for 30 s, one Ayrshare call at a time per profile,
   * at most 240 calls per 5 minutes per profile. `false`: every status read calls Ayrshare.
   */
  statusCache?: StatusCacheOptions | false;
  /**
   * Where changes are published and streamed from; every change drops that user's cached status.
   * Default: the profile directory's hub (every process on its store) with `profiles`, else one in
   * this process only.
   */
  changes?: ChangeHub;
}

/**
 * @deprecated Use `FetchHandler` (what `toNodeHandler` takes); the handlers below always answer
 * with a promise.
 */
export type Handler = (request: Request) => Promise<Response>;

export interface AyrshareHandlers {
  /** `jwt-endpoint`: POST `{ origin }` → `{ url, expiresAt }`. */
  linkUrl: (request: Request) => Promise<Response>;
  /** `profile-endpoint`: GET → `{ activeSocialAccounts, displayNames }`. */
  profile: (request: Request) => Promise<Response>;
  /** `unlink-endpoint`: DELETE `{ platform }` → `{ status, platform }`. */
  unlink: (request: Request) => Promise<Response>;
  /** Ayrshare's webhook deliveries: POST, signed; answers 200 once handled or a repeat. */
  webhook: (request: Request) => Promise<Response>;
  /** `events-endpoint`: GET → `text/event-stream` of the signed-in user's changes. */
  events: (request: Request) => Promise<Response>;
}

/** What an endpoint is built from: the host's options and the Ayrshare caller. */
export interface EndpointContext {
  options: AyrshareHandlerOptions;
  /** The checks every call passes; `who` is a Profile Key or a user id. */
  checks: CallChecks;
  call: (path: string, init: CallInit) => Promise<unknown>;
  /**
   * The Profile Key of who `checks` let in: `ensure` creates the user's profile if need be,
   * `find` answers `undefined` when there is none. Throws the directory's ProfileError.
   */
  profileKeyOf: (who: string, need: 'ensure' | 'find') => Promise<string | undefined>;
  /** Changes to subjects' accounts: published by webhooks and unlinks, read by the cache and streams. */
  changes: ChangeHub;
  /** The status cache and budget; undefined with `statusCache: false`. */
  statusCache: StatusCache | undefined;
  /** Whose cache entry, budget and stream a `who` is: the user id, or a hash of a host-given Profile Key. */
  subjectOf: (who: string) => Promise<string>;
}
