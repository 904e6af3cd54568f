// `social-link-button/callback`: importing it runs the callback at once.
import { completeLink } from '../callback/complete-link.js';

export { completeLink, type CallbackOptions } from '../callback/complete-link.js';

completeLink();
