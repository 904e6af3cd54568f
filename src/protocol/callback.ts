/** What the callback page sends (docs/contract.md §5), on postMessage and this BroadcastChannel. */
export const CALLBACK_MESSAGE_TYPE = 'social-link-button:done';
export const CALLBACK_CHANNEL = 'social-link-button';
