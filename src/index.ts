import { define } from './define.js';

export { SocialLinkButton } from './social-link-button.js';
export type { LinkedAccount, SocialLinkState } from './social-link-button.js';
export { define, TAG_NAME } from './define.js';
export { NETWORK_IDS, NETWORKS, toNetworkId } from './internal/networks.js';
export type { NetworkId, NetworkInfo } from './internal/networks.js';
export { VERSION } from './version.js';
export { registerLocale, en as englishMessages } from './i18n.js';
export type { MessageId, Messages, PluralMessage } from './i18n.js';
export type * from './events.js';
export { SOCIAL_LINK_EVENTS } from './events.js';

define();
