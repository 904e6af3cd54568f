// The language an element speaks, live: its `lang`, the nearest ancestor's, then the
// document's. A locale module loads (once per page) the first time an element speaks its language.
import type { ReactiveElement } from 'lit';
import { isRtl } from './direction.js';
import { canonical, moduleFor } from './messages.js';
import { ownScript, scriptData, scriptSrc } from './own-script.js';

/** The element's language as a well-formed BCP 47 tag. */
export const languageOf = (element: Element): string =>
  canonical(element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang); // '' becomes en

/**
 * The direction for the element's content: its language's, unless a `dir` at least as near as
 * the nearest `lang` decides (then `undefined`: the content inherits it).
 */
export function directionOf(element: Element, lang: string): 'rtl' | 'ltr' | undefined {
  const dir = element.closest('[dir]');
  const spoken = element.closest('[lang]');
  return dir && (!spoken || spoken.contains(dir)) ? undefined : isRtl(lang) ? 'rtl' : 'ltr';
}

/** Re-renders `element` when a `lang` or `dir` anywhere on the page changes; returns the stop. */
export function watchLanguage(element: ReactiveElement): () => void {
  const observer = new MutationObserver(() => element.requestUpdate());
  observer.observe(document.documentElement, { attributeFilter: ['lang', 'dir'], subtree: true });
  return () => observer.disconnect();
}

// Where a locale module comes from. npm builds: import()s its bundler can follow, which the entry
// hands over (locale-imports.ts). The script-tag build (no import.meta there): `locales/<tag>.js`
// beside its own real <script> (never a clobbered one), unless that script says
// data-locales="off" (a host that pins files with SRI loads them itself).
const script = ownScript();
const base = import.meta.url || (script && scriptSrc(script));
let load: ((name: string) => Promise<unknown>) | undefined =
  base && scriptData(script, 'locales') !== 'off' ? (name) => import(/* @vite-ignore */ new URL(`locales/${name}.js`, base).href) : undefined;

/** Makes locale modules come from these import()s (the npm entries' bundler-visible map). */
export function importLocalesWith(imports: Record<string, () => Promise<unknown>>): void {
  load = (name) => imports[name]!();
}

// Per module: the load in flight, or true once it settled. A load is never retried on this
// page (a missing file stays missing): the element speaks English instead of asking forever.
const loads: Record<string, Promise<void> | true> = {};

/**
 * Loads the shipped locale module for `lang` once; the promise (only while it is in flight)
 * settles when the module has registered itself, or failed to.
 */
export function loadLocale(lang: string): Promise<void> | undefined {
  const name = moduleFor(lang);
  if (!name || !load || loads[name] === true) return;
  return ((loads[name] as Promise<void> | undefined) ??= load(name)
    .catch(() => 0)
    .then(() => {
      loads[name] = true;
      if (moduleFor(lang) === name) console.warn(`<social-link-button>: no ${name} language file loaded, so English shows (see docs/languages.md).`);
    }));
}
