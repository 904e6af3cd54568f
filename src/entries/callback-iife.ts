// dist/social-link-callback.iife.js: runs the callback. On its own <script> tag (the real one:
// markup can clobber document.currentScript), `data-return-url` sets where the "You can close
// this window" page links back to (same origin only), and `data-lang` its language (else the
// page's `lang`); load dist/locales/<tag>.js first for its sentences.
import { completeLink } from '../callback/complete-link.js';
import { ownScript, scriptData } from '../i18n/own-script.js';

const script = ownScript();
completeLink({ returnUrl: scriptData(script, 'return-url') ?? '/', lang: scriptData(script, 'lang') ?? '' });
