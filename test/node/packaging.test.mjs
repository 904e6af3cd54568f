// The package as tools and frameworks see it: Vue, Svelte and Solid typings generated from the
// manifest type-check templates that use every event (and reject wrong ones), the manifest
// describes dist/, publint (strict) and attw (ESM-only) find nothing, and the size report accounts
// for the whole script-tag bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = join(root, 'test-results', 'framework-types');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, cwd = dir) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}\n${result.stderr}` };
};
const COMPILER = {
  strict: true,
  target: 'es2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom', 'dom.iterable'],
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/** A project with `files` from test/node/frameworks and the package installed as users get it. */
function project(name, files, tsconfig) {
  const at = join(dir, name);
  mkdirSync(join(at, 'node_modules'), { recursive: true });
  symlinkSync(root, join(at, 'node_modules', 'social-link-button'), 'dir');
  for (const file of files) cpSync(join(root, 'test', 'node', 'frameworks', file), join(at, file));
  writeFileSync(join(at, 'tsconfig.json'), JSON.stringify(tsconfig));
  return at;
}

before(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('framework typings (generated from the manifest)', () => {
  test('Vue: vue-tsc types every @social-link-* handler', () => {
    const at = project('vue', ['Every.vue'], { compilerOptions: { ...COMPILER, jsx: 'preserve' }, include: ['*.vue'] });
    const { ok, output } = run(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'], at);
    assert.ok(ok, output);
  });

  test('Vue: a wrong event detail and a wrong mode fail', () => {
    const at = project('vue-wrong', ['Wrong.vue'], { compilerOptions: { ...COMPILER, jsx: 'preserve' }, include: ['*.vue'] });
    const { ok, output } = run(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'], at);
    assert.ok(!ok, 'vue-tsc accepted Wrong.vue');
    assert.match(output, /nope/);
    assert.match(output, /window/);
  });

  const svelteCheck = (at) =>
    run(bin('svelte-check'), ['--workspace', at, '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'], at);
  const svelteProject = (name, file) => {
    const at = project(name, [file], { compilerOptions: { ...COMPILER, verbatimModuleSyntax: true }, include: ['*.svelte'] });
    writeFileSync(join(at, 'svelte.config.js'), 'export default {};\n');
    return at;
  };

  test('Svelte 5: svelte-check types every onsocial-link-* handler', () => {
    const { ok, output } = svelteCheck(svelteProject('svelte', 'Every.svelte'));
    assert.ok(ok, output);
  });

  test('Svelte 5: a wrong event detail and a wrong mode fail', () => {
    const { ok, output } = svelteCheck(svelteProject('svelte-wrong', 'Wrong.svelte'));
    assert.ok(!ok, 'svelte-check accepted Wrong.svelte');
    assert.match(output, /nope/);
    assert.match(output, /window/);
  });

  test('Solid: tsc types every on:social-link-* handler', () => {
    const at = project('solid', ['every-solid.tsx'], {
      compilerOptions: { ...COMPILER, jsx: 'preserve', jsxImportSource: 'solid-js' },
      files: ['every-solid.tsx'],
    });
    const { ok, output } = run(bin('tsc'), ['-p', 'tsconfig.json'], at);
    assert.ok(ok, output);
  });

  test('moduleResolution "node" (node10) finds the subpath types through typesVersions', () => {
    const at = join(dir, 'node10');
    mkdirSync(join(at, 'node_modules'), { recursive: true });
    symlinkSync(root, join(at, 'node_modules', 'social-link-button'), 'dir');
    writeFileSync(
      join(at, 'index.ts'),
      [
        "import type { SocialLinkButton } from 'social-link-button';",
        "import { completeLink } from 'social-link-button/callback';",
        "import { createAyrshareHandlers } from 'social-link-button/server';",
        "import { startAyrshareSimulator } from 'social-link-button/simulator';",
        "import type { SocialLinkButton as ReactButton } from 'social-link-button/react';",
        "import 'social-link-button/locales/fr';",
        'export type All = [SocialLinkButton, typeof completeLink, typeof createAyrshareHandlers, typeof startAyrshareSimulator, typeof ReactButton];',
      ].join('\n'),
    );
    writeFileSync(
      join(at, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...COMPILER, module: 'commonjs', moduleResolution: 'node', types: ['node'] }, files: ['index.ts'] }),
    );
    const { ok, output } = run(bin('tsc'), ['-p', 'tsconfig.json'], at);
    assert.ok(ok, output);
  });
});

describe('the package for tools', () => {
  test('the manifest describes dist/: module paths that exist, the define export, literal defaults, event types', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    for (const module of manifest.modules) assert.ok(existsSync(join(root, module.path)), module.path);
    const [module] = manifest.modules;
    assert.deepEqual(
      module.exports.map((e) => `${e.kind}:${e.name}`),
      ['js:SocialLinkButton', 'js:define', 'custom-element-definition:social-link-button'],
    );
    const element = module.declarations[0];
    const attribute = (name) => element.attributes.find((a) => a.name === name);
    assert.equal(attribute('timeout').default, '15000');
    assert.equal(attribute('allowed-hosts').default, '"profile.ayrshare.com"');
    assert.equal(attribute('mode').type.text, "'popup' | 'tab' | 'redirect'");
    for (const event of element.events) assert.match(event.type?.text ?? '', /^CustomEvent<SocialLink\w+Detail>$/, event.name);
    assert.equal(element.events.length, 8); // social-link-in-app-browser is the eighth
  });

  test('VS Code custom data and web-types list every attribute and event', () => {
    const vscode = JSON.parse(readFileSync(join(root, 'dist', 'vscode.html-custom-data.json'), 'utf8'));
    const [tag] = vscode.tags;
    assert.equal(tag.name, 'social-link-button');
    assert.ok(tag.attributes.some((a) => a.name === 'mode' && a.values.map((v) => v.name).join() === 'popup,tab,redirect'));
    const webTypes = JSON.parse(readFileSync(join(root, 'dist', 'web-types.json'), 'utf8'));
    const [element] = webTypes.contributions.html.elements;
    assert.equal(element.events.length, 8); // social-link-in-app-browser is the eighth
    assert.ok(element.attributes.some((a) => a.name === 'jwt-endpoint'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg['web-types'], './dist/web-types.json');
    assert.equal(pkg.unpkg, './dist/social-link-button.iife.js');
    assert.equal(pkg.jsdelivr, './dist/social-link-button.iife.js');
  });

  test('publint --strict finds nothing', () => {
    const { ok, output } = run(bin('publint'), ['--strict'], root);
    assert.ok(ok, output);
    assert.doesNotMatch(output, /warning|suggestion|error/i, output);
  });

  test('attw --pack (profile esm-only) finds nothing', () => {
    const { ok, output } = run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], root);
    assert.ok(ok, output);
  });
});

describe('size report', () => {
  test("`size.mjs --modules` accounts for the whole IIFE: Lit and each of our modules, the compiled validators among them (no Zod)", async () => {
    const { whereBytesGo, gzip } = await import('../../scripts/size.mjs');
    const shares = await whereBytesGo();
    const total = shares.reduce((sum, { bytes }) => sum + bytes, 0);
    const iife = gzip(readFileSync(join(root, 'dist', 'social-link-button.iife.js')));
    assert.ok(Math.abs(total - iife) <= shares.length, `shares sum to ${total} B, the IIFE is ${iife} B`);
    const names = shares.map(({ what }) => what);
    assert.ok(!names.some((name) => /zod/i.test(name)), names.join(', '));
    for (const name of ['Lit', 'src/protocol/validators.ts', 'src/element/social-link-button.ts', 'src/element/link/link-flow-controller.ts', 'src/element/view/network-row.ts']) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
    assert.ok(shares.every(({ bytes }) => bytes >= 0));
  });
});
