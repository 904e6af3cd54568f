// `social-link-button`: defines <social-link-button> and exports its class, helpers and types.
import { define } from '../define.js';
import { importLocalesWith } from '../internal/language.js';
import { LOCALE_IMPORTS } from '../internal/locale-imports.js';
import { importPublicSuffixListWith } from '../internal/public-suffix-loader.js';
import { PUBLIC_SUFFIX_IMPORT } from '../internal/public-suffix-imports.js';

export { SocialLinkButton } from '../social-link-button.js';
export { define, TAG_NAME } from '../define.js';
export { NETWORK_IDS, NETWORKS, toNetworkId } from '../networks.js';
export { VERSION } from '../version.js';
export { registerLocale, en as englishMessages } from '../i18n.js';
export { SOCIAL_LINK_EVENTS } from '../events.js';
export type * from '../types.js';

// Before define(): the first element to upgrade may already need its language.
importLocalesWith(LOCALE_IMPORTS);
importPublicSuffixListWith(PUBLIC_SUFFIX_IMPORT);
define();
