// Every code snippet in the README and the guides (docs/*.md) compiles under `strict`, in its
// own framework's checker: TypeScript and TSX with tsc (Node, Express, Hono, Next.js, React),
// JavaScript with tsc's checkJs, Angular with tsc and decorators, Vue with vue-tsc, Svelte with
// svelte-check; JSON parses. The snippets import the package as users do
// (`social-link-button`, resolved to this checkout's built dist/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'test-results', 'readme-snippets');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Every fenced block of every page: where it is, its language and text, in order. */
const blocks = pages.flatMap((page) =>
  [...readFileSync(join(root, page), 'utf8').matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ page, lang: m[1], code: m[2] })),
).map((block, index) => ({ ...block, index }));

// The README says these stand for the host's own code.
const HOST = `
declare function setLinked(linked: string[]): void;
declare function toast(message: string): void;
declare const csrfToken: string;
declare const session: { userId: string };
declare const profiles: import('social-link-button/server').ProfileDirectory;
declare function createMyStore(url: string | undefined): import('social-link-button/server').ProfileStore;
`;

const COMPILER = {
  strict: true,
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom', 'dom.iterable'],
  jsx: 'react-jsx',
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  baseUrl: '.',
  paths: { '@/lib/*': ['./*'] },
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
const written = { ts: [], angular: [], vue: [], svelte: [] };

before(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  // `social-link-button` is this package, through its exports map, as an install would see it.
  symlinkSync(root, join(dir, 'node_modules', 'social-link-button'), 'dir');
  writeFileSync(join(dir, 'host.d.ts'), HOST);
  // svelte-check reads the nearest Svelte config (else it looks for one in a vite.config).
  writeFileSync(join(dir, 'svelte.config.js'), 'export default {};\n');
  for (const block of blocks) {
    // Named after its page, so a checker's error says where the snippet is.
    const name = `snippet-${block.page.replace(/\.md$/, '').replace(/\W+/g, '-')}-${String(block.index).padStart(3, '0')}`;
    const asModule = (code) => (/^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`);
    if (block.lang === 'js') {
      // Plain JavaScript a reader saves as a .mjs file, checked as strictly as tsc checks JS.
      writeFileSync(join(dir, `${name}.mjs`), asModule(block.code));
      written.ts.push(`${name}.mjs`);
    } else if (block.lang === 'ts' || block.lang === 'tsx') {
      const angular = block.code.includes('@Component(');
      // The handlers module other snippets import as './social.js' and '@/lib/social'.
      const file = block.code.includes('export const social =') ? 'social.ts' : `${name}.${block.lang}`;
      writeFileSync(join(dir, file), asModule(block.code));
      written[angular ? 'angular' : 'ts'].push(file);
    } else if (block.lang === 'vue') {
      writeFileSync(join(dir, `Snippet${block.index}.vue`), block.code);
      written.vue.push(`Snippet${block.index}.vue`);
    } else if (block.lang === 'svelte') {
      writeFileSync(join(dir, `Snippet${block.index}.svelte`), block.code);
      written.svelte.push(`Snippet${block.index}.svelte`);
    }
  }
  const config = (files, extra = {}) => JSON.stringify({ compilerOptions: { ...COMPILER, ...extra }, files: [...files, 'host.d.ts'] });
  writeFileSync(join(dir, 'tsconfig.json'), config(written.ts, { allowJs: true, checkJs: true }));
  writeFileSync(join(dir, 'tsconfig.angular.json'), config(written.angular, { experimentalDecorators: true }));
  writeFileSync(
    join(dir, 'tsconfig.vue.json'),
    JSON.stringify({ compilerOptions: { ...COMPILER, jsx: 'preserve', types: [] }, include: ['*.vue', 'host.d.ts'] }),
  );
  writeFileSync(
    join(dir, 'tsconfig.svelte.json'),
    JSON.stringify({ compilerOptions: { ...COMPILER, types: [], verbatimModuleSyntax: true }, include: ['*.svelte', 'host.d.ts'] }),
  );
});

describe('README snippets', () => {
  test('there are snippets of every kind', () => {
    assert.ok(written.ts.length >= 8, `ts/tsx/js: ${written.ts.join(' ')}`);
    assert.ok(written.ts.some((file) => file.startsWith('snippet-README-') && file.endsWith('.mjs')), 'the five-minute server');
    assert.ok(written.ts.includes('social.ts'), 'the handlers snippet');
    assert.equal(written.angular.length, 1);
    assert.equal(written.vue.length, 1);
    assert.equal(written.svelte.length, 1);
  });

  test('TypeScript, TSX and JavaScript (Node server, Express, Hono, Next.js, React, npm usage) compile under strict', () => {
    const { ok, output } = run(bin('tsc'), ['-p', 'tsconfig.json']);
    assert.ok(ok, output);
  });

  test('the Angular component compiles under strict', () => {
    const { ok, output } = run(bin('tsc'), ['-p', 'tsconfig.angular.json']);
    assert.ok(ok, output);
  });

  test('the Vue SFC passes vue-tsc', () => {
    const { ok, output } = run(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.vue.json']);
    assert.ok(ok, output);
  });

  test('the Svelte component passes svelte-check', () => {
    const { ok, output } = run(bin('svelte-check'), [
      '--workspace', dir, '--tsconfig', './tsconfig.svelte.json', '--fail-on-warnings', '--output', 'human',
    ]);
    assert.ok(ok, output);
  });

  test('JSON examples parse', () => {
    const json = blocks.filter((b) => b.lang === 'json');
    assert.ok(json.length >= 2);
    for (const block of json) assert.doesNotThrow(() => JSON.parse(block.code), block.code);
  });
});
