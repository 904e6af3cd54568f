// The npm entries' import()s of the element's parts (parts.ts), which a host's bundler follows:
// each becomes a chunk of the host's build, loaded when an element first needs it. The
// script-tag build does not import this: it loads parts/<name>.js from beside its own script.
import type { PartImports } from './parts.js';

export const PART_IMPORTS: PartImports = {
  'in-app': () => import('./in-app-browser.js'),
  events: () => import('./events-source.js'),
  icons: () => import('./icons.js'),
};
