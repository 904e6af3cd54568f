// The networks' brand glyphs come as a part (parts/icons.ts, 2.1 KB gzip, almost a tenth of
// the script tag), loaded once per page when the first row renders. Until then a row's icon tile is
// drawn empty at its full size, so nothing moves when the glyphs arrive; if they cannot load
// (a missing file, CSP, offline), every row shows the generic chain-link glyph.
import { isNetworkId, type NetworkId } from '../../protocol/networks.js';
import { loadPart } from '../parts/parts.js';

type Glyph = readonly [viewBox: string, path: string];
/** What updates once the glyphs have come: the element. */
export type Updatable = { requestUpdate(): void };

// A chain link: for a network id there is no brand glyph for, or when the glyphs did not load.
const GENERIC: Glyph = [
  '0 0 16 16',
  'M6.5 9.5a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.7.7 1 1 .7-.7a1.6 1.6 0 0 1 2.2 2.2l-2.1 2.1a1.6 1.6 0 0 1-2.2 0zM9.5 6.5a3 3 0 0 0-4.2 0L3.2 8.6a3 3 0 0 0 4.2 4.2l.7-.7-1-1-.7.7a1.6 1.6 0 0 1-2.2-2.2l2.1-2.1a1.6 1.6 0 0 1 2.2 0z',
];
const EMPTY: Glyph = ['0 0 24 24', ''];

/** The glyphs once settled: the table, or null when it could not load. */
let glyphs: Readonly<Record<NetworkId, Glyph>> | null | undefined;
/** Elements that drew a row before the glyphs came: each updates once they have. */
const waiting = new Set<Updatable>();

/** `id`'s glyph as [viewBox, path] for `host`'s row; empty until loaded (`host` then updates). */
export function glyphFor(id: string, host: Updatable): Glyph {
  if (glyphs === undefined) {
    if (!waiting.size) {
      void loadPart('icons').then((part) => {
        glyphs = part?.icons ?? null;
        for (const element of waiting) element.requestUpdate();
        waiting.clear();
      });
    }
    waiting.add(host);
    return EMPTY;
  }
  return (glyphs && isNetworkId(id) && glyphs[id]) || GENERIC;
}
