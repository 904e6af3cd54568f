// `social-link-button`: defines <social-link-button> and exports its class, helpers and types
// (`social-link-button/element` has the same without defining the tag).
import { define } from './element.js';

export * from './element.js';

// After element.js has set how languages load: the first element to upgrade may need one.
define();
