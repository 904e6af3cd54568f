// What `social-link-button/server` exports of the profile directory. The stores live in their
// own entries (`/server/pglite`, `/server/postgres`), so this one imports no database driver.
export { createProfileDirectory } from './directory.js';
export type {
  EnsuredProfile,
  FoundProfile,
  ProfileDirectory,
  ProfileDirectoryOptions,
  ProfileEvent,
  UnusedProfile,
} from './directory.js';
export { ProfileError, isProfileError } from './errors.js';
export type { ProfileErrorCode } from './errors.js';
export { PROFILE_SECRET_ENV } from './crypto.js';
export { MAX_USER_ID_LENGTH } from './inputs.js';
export { profileStoreConformance } from './conformance.js';
export type { ConformanceOptions } from './conformance.js';
export type { AcquireResult, ProfileRow, ProfileRowState, ProfileStore } from './store.js';
