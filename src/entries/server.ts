// `social-link-button/server`: the reference host backend for Ayrshare.
export { AYRSHARE_API, createAyrshareHandlers } from '../server/handlers.js';
export { AyrshareOptionError } from '../server/ayrshare-client.js';
export type { AyrshareHandlerOptions, AyrshareHandlers, Handler } from '../server/handlers.js';
export { sendWebResponse, toNodeHandler, toWebRequest } from '../server/node.js';
export type { FetchHandler, NodeBodyOptions, NodeRequestLike, NodeResponseLike } from '../server/node.js';
export * from '../server/profiles/index.js';
