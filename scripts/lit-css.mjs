// Lit's css`` templates ship as written: the builds (Vite) and the size attribution (esbuild)
// minify the ones in src/styles/ with this.

/** Minifies one stylesheet's text: comments, whitespace, the last semicolon of each block. */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** Whether `file` is one of our stylesheet modules. */
export const isStyleModule = (file) => /[\\/]src[\\/]styles[\\/][\w-]+\.ts$/.test(file);

/** A module's source with every (interpolation-free) css`` template minified. */
export const minifyLitCss = (code) => code.replace(/css`([^`$]*)`/g, (_, css) => `css\`${minifyCss(css)}\``);
