// The npm entries' locale modules, as import()s a host's bundler follows: each becomes a chunk
// of the host's build, loaded when an element first speaks its language. (The script-tag build
// does not import this: it loads locales/<tag>.js from beside its own script.)
// The entries hand it to importLocalesWith() themselves: a bare side-effect import of a shared
// chunk is one a host's bundler may drop (package.json sideEffects lists the entries only).
export const LOCALE_IMPORTS: Record<string, () => Promise<unknown>> = {
  ar: () => import('../locales/ar.js'),
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  he: () => import('../locales/he.js'),
  hi: () => import('../locales/hi.js'),
  it: () => import('../locales/it.js'),
  ja: () => import('../locales/ja.js'),
  ko: () => import('../locales/ko.js'),
  nl: () => import('../locales/nl.js'),
  pl: () => import('../locales/pl.js'),
  pt: () => import('../locales/pt.js'),
  'pt-BR': () => import('../locales/pt-BR.js'),
  sv: () => import('../locales/sv.js'),
  tr: () => import('../locales/tr.js'),
  'zh-CN': () => import('../locales/zh-CN.js'),
  'zh-TW': () => import('../locales/zh-TW.js'),
};
