// `social-link-button/element`: the class, its helpers and types, registering nothing — for a
// scoped registry, another tag name, or registering later with define().
import { importLocalesWith } from '../i18n/language.js';
import { LOCALE_IMPORTS } from '../i18n/locale-imports.js';
import { importPublicSuffixListWith } from '../element/link/public-suffix-loader.js';
import { PUBLIC_SUFFIX_IMPORT } from '../element/link/public-suffix-imports.js';
import { importPartsWith } from '../element/parts/parts.js';
import { PART_IMPORTS } from '../element/parts/part-imports.js';

export { SocialLinkButton } from '../element/social-link-button.js';
export { define, TAG_NAME } from '../element/define.js';
export { NETWORK_IDS, NETWORKS, toNetworkId } from '../protocol/networks.js';
export { VERSION } from '../protocol/version.js';
export { registerLocale, en as englishMessages } from '../i18n/messages.js';
export { SOCIAL_LINK_EVENTS } from '../element/events.js';
export type * from '../element/types.js';

// Not a registration: how languages, the element's parts (in-app browsers, events-endpoint) and
// the Public Suffix List (allowed-hosts wildcards) load once an element (under any tag) needs one.
importLocalesWith(LOCALE_IMPORTS);
importPartsWith(PART_IMPORTS);
importPublicSuffixListWith(PUBLIC_SUFFIX_IMPORT);
