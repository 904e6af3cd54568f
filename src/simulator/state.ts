// What the simulator's parts share: its records, settings, and small response helpers.
import { randomBytes } from 'node:crypto';
import { NETWORKS, type NetworkId } from '../protocol/networks.js';
import { json } from '../server/http/responses.js';

/** An `expiring` account must be relinked this many days after the switch was turned on. */
export const EXPIRING_DAYS = 10;

export interface Account {
  platform: NetworkId;
  displayName: string;
  username?: string;
  pageName?: string;
  profileUrl?: string;
  userImage?: string;
  id: string;
  created: string;
}

export interface Profile {
  title: string;
  refId: string;
  created: string;
  accounts: Map<NetworkId, Account>;
  calls: number[];
  /** Suspended by Ayrshare: its calls answer 403. */
  suspended?: boolean;
  /** What create or update set (topHeader, disableSocial…), see src/simulator/profiles.ts. */
  options?: Record<string, unknown>;
}

export interface LinkSession {
  /** The id to inspect or revoke it by (Ayrshare's `sessionId`): not a credential. */
  id: string;
  /** The bearer token in the linking URL. */
  token: string;
  /** `mode: "connect"`: the one network this session links directly. */
  connect?: NetworkId;
  profileKey: string;
  origin?: string;
  redirect?: string;
  allowedSocial?: NetworkId[];
  expiresAt: number;
  state: 'pending' | 'active' | 'expired' | 'revoked';
  useCount: number;
}

/** Switches that make the simulator misbehave, for the demo and the tests. */
export interface SimulatorSettings {
  /** Milliseconds every API call waits before answering. */
  delayMs: number;
  /** Every API call answers 500. */
  failing: boolean;
  /** Every API call answers 429, as past the 300-per-5-minutes limit. */
  rateLimited: boolean;
  /** New linking URLs are already expired. */
  expiredLinks: boolean;
  /** Direct connect (`mode: "connect"` + `network`, Ayrshare's Max Pack) is available. */
  directConnect: boolean;
  /**
   * Per-network health of linked accounts: `expiring` (10 days left, as LinkedIn's yearly
   * relink) or `needs-reconnect` (a dead token, as after a Meta security event).
   */
  health: Partial<Record<NetworkId, 'expiring' | 'needs-reconnect'>>;
  /**
   * Profile creation succeeds, then its answer is lost: `"reset"` cuts the connection,
   * `"hang"` never answers (a black-holed connection).
   */
  dropCreateAnswer: false | 'reset' | 'hang';
  /** How webhook signatures are encoded (Ayrshare does not say): `hex` (default) or `base64`. */
  webhookEncoding: 'hex' | 'base64';
  /** Each webhook is delivered twice, with one hookId. */
  webhookDuplicate: boolean;
  /** The first attempt of each delivery is lost on the way, so the retries are seen. */
  webhookFailFirst: boolean;
  /** Waits before each retry of a failed delivery (Ayrshare: 5 s, then 30 s). */
  webhookRetryDelaysMs: number[];
  /** After a secret rotation, deliveries carry the old secret's signature and the new one's (-V2) this long (24 h). */
  webhookRotationGraceMs: number;
}

/** The simulator's state, shared by its API and its linking page. */
export interface SimulatorState {
  apiKey: string;
  privateKey: string;
  profiles: Map<string, Profile>;
  sessionsById: Map<string, LinkSession>;
  settings: SimulatorSettings;
  /** The relink date (ISO) of each `expiring` account, fixed when its switch was turned on. */
  healthDates: Partial<Record<NetworkId, string>>;
  newSession(profileKey: string, body: Record<string, unknown>): LinkSession;
  /** Tells the profile's webhook (or the primary's) of a link, unlink or refresh. */
  socialEvent(profileKey: string, type: 'link' | 'unlink' | 'refresh', source: 'user' | 'system', platform: NetworkId, refreshBy?: string): void;
  /** The session a linking URL's token names: live, expired, or unknown. */
  liveSession(token: string | null): LinkSession | 'expired' | undefined;
}

export function apiError(status: number, action: string, code: number, message: string, headers: Record<string, string> = {}) {
  return json(status, { action, status: 'error', code, message }, headers);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function html(body: string, title: string, status = 200): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/link.css"></head><body>${body}</body></html>`,
    {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Like Ayrshare's page: no framing, no inline script.
        'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
        'X-Frame-Options': 'DENY',
      },
    },
  );
}

export function seedAccount(platform: NetworkId): Account {
  const base = { platform, id: `${platform}-${randomBytes(4).toString('hex')}`, created: new Date().toISOString() };
  switch (platform) {
    case 'linkedin':
      return { ...base, displayName: 'Acme Corp', profileUrl: 'https://www.linkedin.com/company/acme' };
    case 'twitter':
      return { ...base, displayName: 'Acme', username: 'acme', profileUrl: 'https://x.com/acme' };
    case 'facebook':
      return { ...base, displayName: 'Acme Page', pageName: 'Acme Page', profileUrl: 'https://www.facebook.com/acme' };
    default:
      return { ...base, displayName: `Acme on ${NETWORKS[platform].name}`, username: 'acme' };
  }
}
