// The script-tag entry: registers the element and becomes the global `SocialLinkButton`, which
// is the registered class (the first one, when the script is loaded twice).
import { define } from '../element/define.js';
import { SocialLinkButton } from '../element/social-link-button.js';

export default define() ?? SocialLinkButton;
