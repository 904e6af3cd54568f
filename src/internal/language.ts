// The language an element speaks, live: its `lang`, the nearest ancestor's, then the
// document's. Locale modules load from beside this bundle the first time an element speaks
// their language.
import type { ReactiveElement } from 'lit';
import { canonical, isRtl, moduleFor } from '../i18n.js';

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

// Locale modules sit next to this file's bundle (dist/locales/<tag>.js). The script-tag build
// has no import.meta: its own <script> is the base there. (A variable base also keeps bundlers
// from inlining every locale.)
const base: string | undefined =
  (typeof document !== 'undefined' && (document.currentScript as HTMLScriptElement | null)?.src) || import.meta.url;
const loading: Record<string, Promise<unknown>> = {};

/**
 * Loads the shipped locale module for `lang` once; the promise settles when it has registered
 * (or failed: a custom bundle without the locale files next to it speaks English).
 */
export function loadLocale(lang: string): Promise<unknown> | undefined {
  const name = moduleFor(lang);
  if (name && base) return (loading[name] ??= import(/* @vite-ignore */ new URL(`locales/${name}.js`, base).href).catch(() => 0));
}
