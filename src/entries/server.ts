// `social-link-button/server`: the reference host backend for Ayrshare.
export { AYRSHARE_API, createAyrshareHandlers } from '../server/handlers/create.js';
export { AyrshareOptionError } from '../server/ayrshare/client.js';
export type { AyrshareHandlerOptions, AyrshareHandlers, Handler } from '../server/handlers/create.js';
export { sendWebResponse, toNodeHandler, toWebRequest } from '../server/http/node.js';
export type { FetchHandler, NodeBodyOptions, NodeRequestLike, NodeResponseLike } from '../server/http/node.js';
