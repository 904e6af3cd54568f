// The classic <script> element running now, as the browser knows it. Markup without any script
// can shadow `document.currentScript` (DOM clobbering: `<img name="currentScript" src=…>` makes
// it that img), so it, and the script's `src` and data attributes, are read through the
// prototypes, and only a real HTMLScriptElement counts.
const get = (proto: object, name: string, self: object): unknown => Object.getOwnPropertyDescriptor(proto, name)!.get!.call(self);

/** The running classic script (none in modules, workers or Node, or while clobbered into something else). */
export function ownScript(): HTMLScriptElement | undefined {
  if (typeof document !== 'object') return;
  const script = get(Document.prototype, 'currentScript', document);
  return script instanceof HTMLScriptElement ? script : undefined;
}

/** The script's absolute `src` ('' for an inline script). */
export const scriptSrc = (script: HTMLScriptElement): string => get(HTMLScriptElement.prototype, 'src', script) as string;

/** A `data-*` attribute of the script, or null. */
export const scriptData = (script: HTMLScriptElement | undefined, name: string): string | null =>
  script ? Element.prototype.getAttribute.call(script, `data-${name}`) : null;
