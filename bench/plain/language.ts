// See plain/i18n.ts: the element always speaks English, left to right.
export const languageOf = (_element: Element): string => 'en';
export const directionOf = (_element: Element, _lang: string): 'rtl' | 'ltr' | undefined => 'ltr';
export const watchLanguage = (_element: unknown): (() => void) => () => undefined;
export const loadLocale = (_lang: string): Promise<unknown> | undefined => undefined;
