// Lit's css`` templates ship as written: the builds (Vite) and the size attribution (esbuild)
// minify the ones in src/element/styles/ with this.

/**
 * Minifies one stylesheet's text: comments, whitespace, the last semicolon of each block, the
 * space after a colon (`display: block`, `(prefers-color-scheme: dark)`; never inside quotes).
 */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, index) => (index % 2 ? part : part.replace(/\s*([{};,])\s*/g, '$1').replace(/: /g, ':')))
    .join('')
    .replace(/;}/g, '}')
    .trim();
}

/** Our stylesheet modules' paths (also an esbuild onLoad filter, which takes a RegExp). */
export const STYLE_MODULE = /[\\/]src[\\/]element[\\/]styles[\\/][\w-]+\.ts$/;

/** A module's source with every (interpolation-free) css`` template minified. */
export const minifyLitCss = (code) => code.replace(/css`([^`$]*)`/g, (_, css) => `css\`${minifyCss(css)}\``);
