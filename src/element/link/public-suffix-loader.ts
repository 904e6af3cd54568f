// The whole Public Suffix List, loaded once per page, and only when an allowed-hosts wildcard
// gets past the compact part that ships in the bundle. Loaded the way locales are: npm builds
// through an import() their bundler follows (public-suffix-imports.ts, handed over by the
// entries); the script-tag build from `public-suffix-list.js` beside its own real <script>.
import { ownScript, scriptSrc } from '../../i18n/own-script.js';
import { parseRules } from './public-suffix-rules.js';

const script = ownScript();
const base = import.meta.url || (script && scriptSrc(script));
let load: () => Promise<{ default: string }> = () =>
  base ? import(/* @vite-ignore */ new URL('public-suffix-list.js', base).href) : Promise.reject(new Error('no script address to load it from'));

/** Makes the list come from this import() (the npm entries' bundler-visible one). */
export function importPublicSuffixListWith(importer: () => Promise<{ default: string }>): void {
  load = importer;
}

let rules: ReadonlySet<string> | undefined;
let loading: Promise<void> | undefined;

/** The whole list once it has loaded; until then (or when it failed) undefined. Starts the load. */
export function wholeList(): ReadonlySet<string> | undefined {
  void loadWholeList();
  return rules;
}

/** Loads the list once; settles when it has loaded or failed (never retried on this page). */
export function loadWholeList(): Promise<void> {
  return (loading ??= load().then(
    (module) => {
      rules = parseRules(module.default);
    },
    () => {
      // Why it failed (404, CSP, offline) is in the console's network error already.
      console.warn('<social-link-button>: public-suffix-list.js did not load, so allowed-hosts wildcards match nothing; list the hosts instead.');
    },
  ));
}
