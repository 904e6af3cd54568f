// Every Zod schema for answers and messages from outside, element and server alike: the one
// place they are written. The server parses with them at run time; the browser gets the ones it
// uses compiled at build (scripts/compile-schemas.mjs → ./validators.ts), with no Zod in its
// bundles. Only zod/mini's smallest parts: fields whose type we tolerate being wrong are
// `z.unknown()` and typed after parsing (./fields.ts), and one bad field drops only itself.
import * as z from 'zod/mini';
import { CALLBACK_MESSAGE_TYPE } from './callback.js';

const loose = z.optional(z.unknown());

/**
 * A linking URL answer: the jwt-endpoint's (docs/contract.md §3) and, on the server, Ayrshare's
 * generateJWT and link-session answers. Only `url` and `expiresAt` are read.
 */
export const linkUrlAnswer = z.object({ url: z.string(), expiresAt: loose });

/**
 * The profile endpoint's answer (docs/contract.md §3) and Ayrshare's `GET /api/user`: unknown fields
 * are stripped, a missing `activeSocialAccounts` means none linked. `displayNames` entries are
 * checked one by one (`displayNameEntry`), so a malformed entry drops only itself.
 */
export const profileStatusAnswer = z.object({
  activeSocialAccounts: z.optional(z.array(z.string())),
  displayNames: z.optional(z.array(z.unknown())),
});

/** One `displayNames` entry; every field but `platform` is typed after parsing. */
export const displayNameEntry = z.object({
  platform: z.string(),
  username: loose,
  displayName: loose,
  pageName: loose,
  profileUrl: loose,
  userImage: loose,
  // Account health: Ayrshare's /user carries the first two for LinkedIn and others; a host may
  // add needsReconnect.
  refreshDaysRemaining: loose,
  refreshRequired: loose,
  needsReconnect: loose,
});

/** Ayrshare's link completion events (docs/contract.md §5, "Provider messages"): `{ source, version, event, network? }`. */
export const providerMessage = z.object({
  source: z.literal('ayrshare'),
  version: z.literal(1),
  event: z.enum(['connect:ready', 'connect:success', 'connect:error', 'connect:cancelled', 'connect:closed']),
  network: loose,
  code: loose,
  message: loose,
});

/** The callback page's message (docs/contract.md §5). */
export const callbackMessage = z.object({ type: z.literal(CALLBACK_MESSAGE_TYPE) });

/** An Ayrshare error answer (server): `{ status: "error", code, message }`. */
export const ayrshareError = z.object({ status: loose, code: loose });

/** The unlink-endpoint's body (server). */
export const unlinkBody = z.object({ platform: z.string() });

/** The jwt-endpoint's body (server): `{ origin, networks?, network? }`. */
export const linkUrlBody = z.object({
  origin: z.optional(z.string()),
  networks: z.optional(z.array(z.string())),
  network: z.optional(z.string()),
});

export type ProviderMessage = z.infer<typeof providerMessage>;
export type DisplayNameEntry = z.infer<typeof displayNameEntry>;
