// Parts of the element kept out of its bundle and loaded the first time an element needs one
// (as its languages are): the brand glyphs (when the first row renders, view/icon-set.ts),
// in-app browser handling (only on pages that may be in a social app's browser, see
// in-app-hint.ts) and the events stream (only with `events-endpoint`).
// npm builds: import()s the host's bundler follows, handed over by the entries
// (part-imports.ts). The script-tag build: `parts/<name>.js` beside its own real <script>,
// a file that registers the part on globalThis.SocialLinkButtonParts, so a host that pins files
// with Subresource Integrity can load it itself (its own <script integrity>, and
// data-parts="off" on the element's script).
import { ownScript, scriptData, scriptSrc } from '../../i18n/own-script.js';
import type * as InApp from './in-app-browser.js';
import type * as Events from './events-source.js';
import type * as Icons from './icons.js';

export interface Parts {
  'in-app': typeof InApp;
  events: typeof Events;
  icons: typeof Icons;
}
export type PartName = keyof Parts;
export type PartImports = { [N in PartName]: () => Promise<Parts[N]> };

const script = ownScript();
const base = import.meta.url || (script && scriptSrc(script));
/**
 * The page-wide registry the script tag's part files add themselves to. Our own property only:
 * markup such as `<form id="SocialLinkButtonParts">` is reachable as a global of that name too
 * (named access), and is no registry; an own property hides it (the part files check the same).
 */
function registered<N extends PartName>(name: N): Parts[N] | undefined {
  const global = globalThis as { SocialLinkButtonParts?: Partial<Parts> };
  if (!Object.getOwnPropertyDescriptor(globalThis, 'SocialLinkButtonParts')) global.SocialLinkButtonParts = {};
  const registry = global.SocialLinkButtonParts!;
  // Own entries only: nothing set on Object.prototype passes for a part.
  return Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
}

let load = async <N extends PartName>(name: N): Promise<Parts[N] | undefined> => {
  if (!registered(name) && base && scriptData(script, 'parts') !== 'off') {
    await import(/* @vite-ignore */ new URL(`parts/${name}.js`, base).href);
  }
  return registered(name);
};

/** Makes the parts come from these import()s (the npm entries' bundler-visible map). */
export function importPartsWith(imports: PartImports): void {
  load = (name) => imports[name]();
}

/** What the element does without each part. */
const WITHOUT: Record<PartName, string> = {
  icons: 'rows show a generic icon',
  'in-app': 'in-app browsers are not handled',
  events: 'events-endpoint is not followed',
};

const loads: { [N in PartName]?: Promise<Parts[N] | undefined> } = {};

/**
 * The part `name`, loaded once per page; undefined when it could not load (a missing file,
 * CSP, offline), which is never retried: the element goes on without it, with a console note.
 */
export function loadPart<N extends PartName>(name: N): Promise<Parts[N] | undefined> {
  return ((loads[name] as Promise<Parts[N] | undefined> | undefined) ??= load(name)
    .catch(() => undefined)
    .then((part) => {
      if (!part) console.warn(`<social-link-button>: parts/${name}.js did not load: ${WITHOUT[name]} (see docs/troubleshooting.md).`);
      return part;
    }));
}
