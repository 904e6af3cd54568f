// dist/social-link-callback.iife.js: runs the callback. `data-return-url` on the script tag
// sets where the "You can close this window" page links back to.
import { completeLink } from '../callback.js';

const script = document.currentScript as HTMLScriptElement | null;
// `data-lang` sets its language (else the page's `lang`); load dist/locales/<tag>.js first for
// its sentences.
completeLink({ returnUrl: script?.dataset.returnUrl ?? '/', lang: script?.dataset.lang ?? '' });
