// Where a Profile Key comes from: the host's own `profileKey`, or the profile directory by the
// signed-in user's id. Also the answers for the directory's errors: none carries its message
// (which is written for an operator and may name a refId), only our sentence and the code.
import { AyrshareOptionError } from '../ayrshare/errors.js';
import { sha256Hex } from '../live/signature.js';
import { isProfileError, type ProfileError } from '../profiles/errors.js';
import { fail } from '../http/responses.js';
import type { CallChecks } from '../http/requests.js';
import type { AyrshareHandlerOptions, EndpointContext } from './options.js';

const SUPPORT = 'Linking accounts isn’t working on this site right now. Please contact support.';

/** The checks' `signedIn` and the key lookup, from `profileKey` or from `user` + `profiles`. */
export function keySource(options: AyrshareHandlerOptions): Pick<EndpointContext, 'profileKeyOf' | 'subjectOf'> & Pick<CallChecks, 'signedIn'> {
  const { profileKey, user, profiles } = options;
  if (profileKey && (user || profiles)) {
    throw new AyrshareOptionError('createAyrshareHandlers: give either profileKey, or user with profiles, not both.');
  }
  if (profileKey) {
    if (typeof profileKey !== 'function') throw new AyrshareOptionError('createAyrshareHandlers: profileKey must be a function of the request.');
    // An empty key is no key: 401, as before there was a directory.
    return {
      signedIn: async (request) => (await profileKey(request)) || undefined,
      profileKeyOf: async (key) => key,
      // A change names its profile by a hash: the key itself never enters the change table.
      subjectOf: async (key) => `key:${await sha256Hex(key)}`,
    };
  }
  if (!user || !profiles) {
    throw new AyrshareOptionError(
      `createAyrshareHandlers: ${user ? 'user needs profiles' : profiles ? 'profiles needs user' : 'give user with profiles (one Ayrshare profile per user), or profileKey'}; see docs/backend.md “One profile per user”.`,
    );
  }
  if (typeof user !== 'function') throw new AyrshareOptionError('createAyrshareHandlers: user must be a function of the request.');
  return {
    signedIn: user,
    subjectOf: async (userId) => userId,
    async profileKeyOf(userId, need) {
      const found = need === 'ensure' ? await profiles.ensure(userId) : await profiles.find(userId);
      // A missed touch only makes the profile look older to unusedSince; the user's call goes on.
      if (found) await profiles.touch(userId).catch(() => undefined);
      return found?.profileKey;
    },
  };
}

/** The directory's error as the browser's answer; other errors are not ours to answer. */
export function profileErrorAnswer(error: unknown): Response | undefined {
  if (!isProfileError(error)) return undefined;
  const { code } = error as ProfileError;
  const retry = { 'Retry-After': String(error.retryAfter ?? 5) };
  switch (code) {
    case 'invalid-user-id':
      return fail(400, 'This account can’t link social accounts: its user id isn’t usable.', { code });
    case 'profiles-unavailable':
      return fail(503, 'Linking accounts is briefly unavailable. Please try again in a moment.', { code }, retry);
    case 'profile-create-failed':
      return fail(502, 'The social media service couldn’t get your account ready. Please try again.', { code }, retry);
    default:
      return fail(500, SUPPORT, { code });
  }
}
