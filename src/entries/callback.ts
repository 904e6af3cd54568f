// `social-link-button/callback`: importing it runs the callback at once.
import { completeLink } from '../callback.js';

export { completeLink, type CallbackOptions } from '../callback.js';

completeLink();
