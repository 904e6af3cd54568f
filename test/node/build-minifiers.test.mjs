// The build's own minifiers for Lit templates (scripts/lit-css.mjs, scripts/lit-html.mjs): they
// change template text only, and only where rendering cannot tell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss } from '../../scripts/lit-css.mjs';
import { collapseLitHtml } from '../../scripts/lit-html.mjs';

test('html`` and svg`` indentation becomes one space; code, comments and other strings stay', () => {
  const code = [
    "// a comment ending in a tag <b>",
    "const s = `keep\n   this`; // not a template of Lit's",
    'const t = html`<ul>',
    '    <li title="a',
    '      b">${items.map((i) => html`<span>',
    '      ${i}</span>`)}</li>',
    '  </ul>`;',
    'const g = svg`<g>\n  <path /></g>`;',
    'const c = css`a {\n  color: red;\n}`;',
  ].join('\n');
  const out = collapseLitHtml(code, 'x.ts');
  assert.equal(
    out,
    [
      "// a comment ending in a tag <b>",
      "const s = `keep\n   this`; // not a template of Lit's",
      'const t = html`<ul> <li title="a b">${items.map((i) => html`<span> ${i}</span>`)}</li> </ul>`;',
      'const g = svg`<g> <path /></g>`;',
      'const c = css`a {\n  color: red;\n}`;',
    ].join('\n'),
  );
  assert.equal(collapseLitHtml('const x = 1;\n'), 'const x = 1;\n');
});

test('CSS: comments, spaces around punctuation and after colons go; quoted text and calc() stay', () => {
  assert.equal(
    minifyCss(`/* c */ :host { display: block; }
      .a::before { content: 'a: b; {c}' / ''; width: calc(100% - 1rem); }
      @media (prefers-color-scheme: dark) { .a:hover, .b :focus { color: red } }`),
    ":host{display:block}.a::before{content:'a: b; {c}' / '';width:calc(100% - 1rem)}@media (prefers-color-scheme:dark){.a:hover,.b :focus{color:red}}",
  );
});
