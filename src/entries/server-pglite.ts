// `social-link-button/server/pglite`: the embedded profile store (needs @electric-sql/pglite).
export { createPgliteProfileStore } from '../server/profiles/pglite-store.js';
export type { PgliteProfileStoreOptions } from '../server/profiles/pglite-store.js';
