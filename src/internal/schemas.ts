import * as z from 'zod/mini';

// A display field of the wrong type is dropped rather than failing the whole answer: Ayrshare
// adds and changes per-network fields, and a name is not worth an error screen.
const optionalText = z.catch(z.optional(z.string()), undefined);

/** One `displayNames` entry: checked one by one, so a malformed entry drops only itself. */
export const displayNameEntry = z.object({
  platform: z.string(),
  username: optionalText,
  displayName: optionalText,
  pageName: optionalText,
  profileUrl: optionalText,
  userImage: optionalText,
  // Account health (Ayrshare's /user carries the first two for LinkedIn and others; a
  // host may add needsReconnect). Any other type is ignored after parsing.
  refreshDaysRemaining: z.optional(z.unknown()),
  refreshRequired: z.optional(z.unknown()),
  needsReconnect: z.optional(z.unknown()),
});

/**
 * The profile endpoint's answer (SPEC section 3). Ayrshare's `GET /api/user` answer passes
 * unchanged: unknown fields are stripped, a missing `activeSocialAccounts` means none linked.
 */
export const profileStatusAnswer = z.object({
  activeSocialAccounts: z.optional(z.array(z.string())),
  displayNames: z.optional(z.array(z.unknown())),
});

export type ProfileStatusAnswer = z.infer<typeof profileStatusAnswer>;
export type DisplayNameEntry = z.infer<typeof displayNameEntry>;
