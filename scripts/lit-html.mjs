// Lit's html`` and svg`` templates ship as written, indentation included: the builds (Vite) and
// the size attribution (esbuild) collapse it with this. Only a template's own text changes —
// found through TypeScript's parser, never in code, comments or other strings — and only runs
// of whitespace that hold a line break, each to one space: what HTML renders anyway outside
// `white-space: pre*`, which the element's styles do not use.
import ts from 'typescript';

/** Modules whose templates are collapsed (an esbuild onLoad filter too, so a RegExp). */
export const TEMPLATE_MODULE = /[\\/]src[\\/]element[\\/].*\.ts$/;

/** `code` with every html``/svg`` template's line-breaking whitespace collapsed to one space. */
export function collapseLitHtml(code, fileName = 'module.ts') {
  if (!/\b(html|svg)`/.test(code)) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const spans = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg')) {
      const { template } = node;
      const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
      // Each part's text lies between its delimiters: ` or } before, ` or ${ after.
      for (const part of parts) spans.push([part.getStart(source) + 1, part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = '';
  let at = 0;
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + code.slice(start, end).replace(/[ \t]*\n\s*/g, ' ');
    at = end;
  }
  return out + code.slice(at);
}
