// `social-link-button/element`: the class, its helpers and types, registering nothing — for a
// scoped registry, another tag name, or registering later with define().
import { importLocalesWith } from '../i18n/language.js';
import { LOCALE_IMPORTS } from '../i18n/locale-imports.js';

export { SocialLinkButton } from '../element/social-link-button.js';
export { define, TAG_NAME } from '../element/define.js';
export { NETWORK_IDS, NETWORKS, toNetworkId } from '../protocol/networks.js';
export { VERSION } from '../protocol/version.js';
export { registerLocale, en as englishMessages } from '../i18n/messages.js';
export { SOCIAL_LINK_EVENTS } from '../element/events.js';
export type * from '../element/types.js';

// Not a registration: how languages load once an element (under any tag) first speaks one.
importLocalesWith(LOCALE_IMPORTS);
