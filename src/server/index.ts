// `social-link-button/server`: the reference host backend for Ayrshare.
export { AYRSHARE_API, createAyrshareHandlers } from './handlers.js';
export type { AyrshareHandlerOptions, AyrshareHandlers, Handler } from './handlers.js';
export { sendWebResponse, toNodeHandler, toWebRequest } from './node.js';
export type { FetchHandler, NodeRequestLike, NodeResponseLike } from './node.js';
