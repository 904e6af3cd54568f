// The PostgreSQL server the profile tests use: scripts/test.mjs starts one and passes its URL
// as SOCIAL_LINK_TEST_DATABASE_URL. Without one, the PostgreSQL tests say so once and do not
// run; with REQUIRE_POSTGRES=1 (CI) a missing server fails the run.
import { test } from 'node:test';

export const DATABASE_URL = process.env.SOCIAL_LINK_TEST_DATABASE_URL;

/** True when PostgreSQL tests can run; otherwise registers the one-sentence note (or failure). */
export function postgresAvailable(file) {
  if (DATABASE_URL) return true;
  if (process.env.REQUIRE_POSTGRES === '1') {
    test(`${file}: PostgreSQL is required (REQUIRE_POSTGRES=1)`, () => {
      throw new Error('SOCIAL_LINK_TEST_DATABASE_URL is not set: run the suite through `npm test`, which starts PostgreSQL.');
    });
  } else {
    console.log(`${file}: no PostgreSQL here (SOCIAL_LINK_TEST_DATABASE_URL unset), so its PostgreSQL tests do not run.`);
  }
  return false;
}
