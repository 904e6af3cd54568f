// `social-link-button/server`: the reference host backend for Ayrshare.
export { AYRSHARE_API, createAyrshareHandlers } from '../server/handlers.js';
export type { AyrshareHandlerOptions, AyrshareHandlers, Handler } from '../server/handlers.js';
export { sendWebResponse, toNodeHandler, toWebRequest } from '../server/node.js';
export type { FetchHandler, NodeRequestLike, NodeResponseLike } from '../server/node.js';
export * from '../server/profiles/index.js';
