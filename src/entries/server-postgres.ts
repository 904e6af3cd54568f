// `social-link-button/server/postgres`: the PostgreSQL profile store (needs pg).
export { createPostgresProfileStore } from '../server/profiles/postgres-store.js';
export type { PostgresProfileStoreOptions } from '../server/profiles/postgres-store.js';
