// The element's parts (src/element/parts/parts.ts) as the scripts know them: each part's name
// (its script-tag file, dist/parts/<name>.js) and its source module (whose name its chunk in a
// host's bundle carries). The build, the size check and the bench servers read this one list.
import { readFileSync } from 'node:fs';

export const PART_SOURCES = {
  icons: 'src/element/parts/icons.ts',
  'in-app': 'src/element/parts/in-app-browser.ts',
  events: 'src/element/parts/events-source.ts',
};

/** The built part a request for `pathname` (`/parts/<name>.js`) asks for, or undefined. */
export function builtPart(pathname) {
  const name = /^\/parts\/([\w-]+)\.js$/.exec(pathname)?.[1];
  return name && Object.hasOwn(PART_SOURCES, name) ? readFileSync(new URL(`../dist/parts/${name}.js`, import.meta.url)) : undefined;
}
