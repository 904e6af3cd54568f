// `social-link-button/server`: the reference host backend for Ayrshare.
export { createAyrshareHandlers } from '../server/handlers/create.js';
export { AYRSHARE_API } from '../server/ayrshare/client.js';
export { AyrshareOptionError } from '../server/ayrshare/errors.js';
export type { AyrshareHandlerOptions, AyrshareHandlers, Handler } from '../server/handlers/options.js';
export { sendWebResponse, toNodeHandler, toWebRequest } from '../server/http/node.js';
export type { FetchHandler, NodeBodyOptions, NodeRequestLike, NodeResponseLike } from '../server/http/node.js';
export * from '../server/profiles/index.js';
export { createMemoryChangeHub } from '../server/live/changes.js';
export type { ChangeHub, StatusChange, StatusChangeInput, StatusChangeType } from '../server/live/changes.js';
export type { EventsOptions, SocialEvent, WebhookOptions } from '../server/handlers/live-options.js';
export type { StatusCacheOptions } from '../server/live/status-options.js';
export type { BudgetSpend } from '../server/live/budget-window.js';
