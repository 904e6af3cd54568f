// The layout's rules (docs/contributing.md, "Layout"): no import circle in src/, no arrow that
// runs back up (the server half and the wire contract never reach into the element or the
// languages), and the browser's built files carry no server code.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import test from 'node:test';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const src = join(root, 'src');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative specifiers a file imports or re-exports (type-only ones too), resolved to files. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

const files = walk(src);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const rel = (file) => relative(src, file);
/** The folder a file belongs to: `element`, `server`, `protocol`…; `locales` are the languages' own. */
const area = (file) => rel(file).split('/')[0].replace(/^locales$/, 'i18n');

test('every relative import in src/ names a file that exists', () => {
  const missing = [...graph].flatMap(([file, targets]) => targets.filter((t) => !existsSync(t)).map((t) => `${rel(file)} → ${rel(t)}`));
  assert.deepEqual(missing, []);
});

test('src/ has no import circle', () => {
  const state = new Map();
  const cycles = [];
  const visit = (file, path) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') return void cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  assert.deepEqual(cycles, []);
});

// Who may import whom: each folder sees itself and the folders listed.
const ALLOWED = {
  protocol: [],
  i18n: ['protocol'],
  callback: ['protocol', 'i18n'],
  element: ['protocol', 'i18n'],
  server: ['protocol'],
  simulator: ['protocol', 'server'],
  entries: ['protocol', 'i18n', 'callback', 'element', 'server', 'simulator', 'entries'],
};

test('no arrow runs back up: each folder imports only the ones below it', () => {
  const wrong = [];
  for (const [file, targets] of graph) {
    const from = area(file);
    assert.ok(from in ALLOWED, `${rel(file)} is in a folder the layout does not name`);
    for (const target of targets) {
      const to = area(target);
      if (to !== from && !ALLOWED[from].includes(to)) wrong.push(`${rel(file)} → ${rel(target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the server half, the simulator and the wire contract use no DOM-only module, and the browser side no node: module', () => {
  const wrong = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const nodeModule = /from ['"]node:|import\(['"]node:/.test(text);
    if (nodeModule && !['server', 'simulator'].includes(area(file))) wrong.push(`${rel(file)} imports a node: module`);
    if (/from ['"]lit['"/]/.test(text) && !['element', 'i18n', 'entries'].includes(area(file))) wrong.push(`${rel(file)} imports lit`);
  }
  assert.deepEqual(wrong, []);
});

/** The built files a dist entry loads, following its relative imports. */
function builtGraph(entry) {
  const seen = new Set();
  const bare = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      if (spec.startsWith('./')) {
        const target = join(dirname(file), spec);
        if (existsSync(target) && target.endsWith('.js')) visit(target);
      } else bare.add(spec);
    }
  };
  visit(join(root, 'dist', entry));
  return { files: [...seen].map((f) => relative(join(root, 'dist'), f)), bare: [...bare] };
}

test('the browser entries’ built files import nothing from the server half', () => {
  assert.ok(existsSync(join(root, 'dist/element.js')), 'dist/ is missing or stale: run npm run build first');
  const serverFiles = new Set([...builtGraph('server.js').files, ...builtGraph('simulator.js').files]);
  for (const entry of ['index.js', 'element.js', 'callback.js', 'react.js']) {
    const { files: loaded, bare } = builtGraph(entry);
    assert.deepEqual(loaded.filter((f) => serverFiles.has(f)), [], `${entry} loads server files`);
    assert.deepEqual(bare.filter((s) => s.startsWith('node:') || /^(pg|@electric-sql\/pglite)(\/|$)/.test(s)), [], `${entry} imports Node or database modules`);
    for (const file of loaded) {
      // A sentence only the server half says: its code did not slip in through a shared module.
      assert.ok(!readFileSync(join(root, 'dist', file), 'utf8').includes('Sign in to link social accounts.'), `${file} holds server code`);
    }
  }
});

test('only the database entries load a database driver', () => {
  assert.ok(existsSync(join(root, 'dist/server.js')), 'dist/ is missing: run npm run build first');
  for (const entry of ['server.js', 'simulator.js']) {
    const { bare } = builtGraph(entry);
    assert.deepEqual(bare.filter((s) => /^(pg|@electric-sql\/pglite)(\/|$)/.test(s)), [], `${entry} imports a database driver`);
  }
});
