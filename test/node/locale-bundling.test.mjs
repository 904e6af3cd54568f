// Issue 19, points 1 and 3: a host's Vite production build of an app that imports the element
// (the npm entry) carries the languages as chunks, and a lang="de" page built so speaks German
// in Chromium, Firefox and WebKit, asking for its file once and never freezing (issue 24: the
// element's parts are chunks too, and the page asks only for the glyphs'); a language
// imported outright (`social-link-button/locales/de`) is bundled and asked for by nobody; and
// dist/locales/integrity.json pins the built locale files. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'vite';
import { engines } from './engines.mjs';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'slb-locale-app-'));
const servers = [];
after(() => {
  for (const server of servers) server.close();
  rmSync(work, { recursive: true, force: true });
});

const PAGE = (script) => `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>App</title></head>
<body><social-link-button id="el" networks="linkedin" profile-endpoint="/status"></social-link-button><script type="module" src="./${script}"></script></body></html>`;

/**
 * Builds an app whose main module is `main` with Vite's build() API, as a host would: the
 * package installed in its node_modules (a link to this checkout, as `npm install <path>` makes).
 * Returns the built files (name → text) and a server for them that records each request.
 */
async function buildApp(name, main) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'social-link-button'), 'dir');
  writeFileSync(join(dir, 'index.html'), PAGE('main.js'));
  writeFileSync(join(dir, 'main.js'), main);
  await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: join(dir, 'dist'), emptyOutDir: true } });
  const out = join(dir, 'dist');
  const files = Object.fromEntries(
    readdirSync(out, { recursive: true })
      .filter((file) => /\.(js|html)$/.test(file))
      .map((file) => [file, readFileSync(join(out, file), 'utf8')]),
  );
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push(path);
    if (path === '/status') return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"activeSocialAccounts":["linkedin"]}');
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (!(file in files)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': extname(file) === '.html' ? 'text/html' : 'text/javascript' }).end(files[file]);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  servers.push(server);
  return { files, requests, url: `http://127.0.0.1:${server.address().port}/` };
}

const GERMAN = 'Social-Media-Konten verknüpfen';
// LinkedIn's glyph (src/element/parts/icons.ts), as the row draws it.
const LINKEDIN_PATH = /linkedin: \["[^"]+", "([^"]+)"\]/.exec(readFileSync(join(root, 'src/element/parts/icons.ts'), 'utf8'))[1];
const chunksWith = (files, text) => Object.keys(files).filter((file) => files[file].includes(text));

// Runs in the page: waits for the element to speak German, then checks the page still turns
// (a timer fires, the element settles): an update loop would hang this.
async function speaksGerman(german) {
  const label = () => document.querySelector('#el')?.shadowRoot?.querySelector('[part="label"]')?.textContent?.trim();
  for (let waited = 0; label() !== german && waited < 8000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  await document.querySelector('#el').updateComplete;
  const glyph = () => document.querySelector('#el').shadowRoot.querySelector('[data-network="linkedin"] [part="icon"] path')?.getAttribute('d');
  for (let waited = 0; !glyph() && waited < 8000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return { label: label(), glyph: glyph(), resources: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname) };
}

describe('a host’s Vite production build of the npm entry', () => {
  let onDemand;
  let pinned;
  before(async () => {
    onDemand = await buildApp('on-demand', "import 'social-link-button';\n");
    pinned = await buildApp('bundled-de', "import 'social-link-button';\nimport 'social-link-button/locales/de';\n");
  });

  test('emits each language as its own chunk, German included', () => {
    const german = chunksWith(onDemand.files, GERMAN);
    assert.equal(german.length, 1, `German is in ${german.join(', ') || 'no file'}`);
    assert.match(german[0], /^assets\/de-[\w-]+\.js$/);
    const entry = Object.keys(onDemand.files).find((file) => /^assets\/index-[\w-]+\.js$/.test(file));
    assert.ok(!onDemand.files[entry].includes(GERMAN), 'German is not in the entry chunk: it loads when needed');
    for (const other of ['Associer des comptes sociaux', 'SNSアカウントを連携', 'Koppla sociala konton']) {
      assert.equal(chunksWith(onDemand.files, other).length, 1, `${other} has no chunk of its own`);
    }
  });

  test('the parts are chunks of their own, not in the entry chunk: brand glyphs, in-app browser table, events stream', () => {
    const entry = Object.keys(onDemand.files).find((file) => /^assets\/index-[\w-]+\.js$/.test(file));
    for (const [what, text] of [['glyphs', LINKEDIN_PATH.slice(0, 40)], ['in-app table', 'BytedanceWebview'], ['events stream', 'EventSource']]) {
      const chunks = chunksWith(onDemand.files, text);
      assert.equal(chunks.length, 1, `${what} in ${chunks.join(', ') || 'no file'}`);
      assert.notEqual(chunks[0], entry, `${what} is in the entry chunk`);
    }
  });

  test('`import "social-link-button/locales/de"` bundles German into the app itself', () => {
    assert.deepEqual(chunksWith(pinned.files, GERMAN).filter((file) => !/^assets\/index-/.test(file)), []);
    assert.equal(chunksWith(pinned.files, GERMAN).length, 1);
  });

  for (const engine of engines()) {
    // A frozen page never answers: the timeout turns that into a failure.
    test(`${engine.name}: the lang="de" page speaks German, asks for German once, and never freezes`, { timeout: 60_000 }, async () => {
      const browser = await engine.start();
      try {
        const before = onDemand.requests.length;
        const page = await browser.open(onDemand.url);
        const seen = await page.run(speaksGerman, GERMAN);
        assert.equal(seen.label, GERMAN);
        const asked = onDemand.requests.slice(before).filter((path) => /\/de-[\w-]+\.js$/.test(path));
        assert.equal(asked.length, 1, `German file requests: ${asked.join(', ')}`);
        // The glyphs' chunk came (once) and drew LinkedIn's; a desktop page asks for no other part.
        assert.equal(seen.glyph, LINKEDIN_PATH);
        const parts = onDemand.requests.slice(before).filter((path) => /\/(icons|in-app-browser|events-source)-[\w-]+\.js$/.test(path));
        assert.deepEqual(parts.map((path) => path.replace(/-[\w-]+\.js$/, '').split('/').pop()), ['icons']);

        const again = await browser.open(pinned.url);
        const bundled = await again.run(speaksGerman, GERMAN);
        assert.equal(bundled.label, GERMAN);
        assert.deepEqual(bundled.resources.filter((path) => /\/(de|locales)[\W]/.test(path)), [], 'a bundled language is never fetched');
      } finally {
        await browser.close();
      }
    });
  }
});

test('dist/locales/integrity.json: the sha384 of every built locale file, as SRI wants it', () => {
  const pins = JSON.parse(readFileSync(join(root, 'dist/locales/integrity.json'), 'utf8'));
  const files = readdirSync(join(root, 'dist/locales')).filter((file) => file.endsWith('.js'));
  assert.equal(files.length, 17);
  assert.deepEqual(Object.keys(pins).sort(), files.map((file) => file.slice(0, -3)).sort());
  for (const file of files) {
    const digest = createHash('sha384').update(readFileSync(join(root, 'dist/locales', file))).digest('base64');
    assert.equal(pins[file.slice(0, -3)], `sha384-${digest}`, file);
  }
});
