// `social-link-button`: defines <social-link-button> and exports its class, helpers and types.
import { define } from '../element/define.js';
import { importLocalesWith } from '../i18n/language.js';
import { LOCALE_IMPORTS } from '../i18n/locale-imports.js';

export { SocialLinkButton } from '../element/social-link-button.js';
export { define, TAG_NAME } from '../element/define.js';
export { NETWORK_IDS, NETWORKS, toNetworkId } from '../protocol/networks.js';
export { VERSION } from '../protocol/version.js';
export { registerLocale, en as englishMessages } from '../i18n/messages.js';
export { SOCIAL_LINK_EVENTS } from '../element/events.js';
export type * from '../element/types.js';

// Before define(): the first element to upgrade may already need its language.
importLocalesWith(LOCALE_IMPORTS);
define();
