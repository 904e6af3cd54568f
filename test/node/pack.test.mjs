// The published package, as a user gets it: `npm pack`, install the tarball into a new project,
// import every export in Node and in Chromium, and type-check a TypeScript file that uses the
// element, its events and the server handlers.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let project;
let files;

/** GitHub's anchors for a Markdown file's headings: lower case, punctuation dropped, spaces to dashes. */
function headingSlugs(page) {
  const text = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  return [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
}

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  project = mkdtempSync(join(tmpdir(), 'slb-pack-'));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], root));
  files = packed.files.map((f) => f.path);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'pack-test',
      private: true,
      type: 'module',
      dependencies: {
        'social-link-button': `file:./${packed.filename}`,
        react: pkg.devDependencies.react,
        'react-dom': pkg.devDependencies['react-dom'],
      },
    }),
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
});

after(() => rmSync(project, { recursive: true, force: true }));

describe('the packed package', () => {
  test('ships dist, the manifest, README and package.json — no sources, tests or demo', () => {
    assert.ok(files.includes('dist/index.js'));
    assert.ok(files.includes('dist/social-link-button.iife.js'));
    assert.ok(files.includes('dist/social-link-callback.iife.js'));
    assert.ok(files.includes('custom-elements.json'));
    // One module per shipped language (issue 11), beside the bundles.
    for (const tag of ['fr', 'ar', 'pt-BR', 'zh-TW']) assert.ok(files.includes(`dist/locales/${tag}.js`), tag);
    assert.ok(files.includes('README.md'));
    for (const file of files) assert.doesNotMatch(file, /^(src|test|demo|scripts|\.ci)\//, file);
  });

  test('ships its licence and the icons\' notices, and names its repository, homepage and bug tracker', () => {
    assert.ok(files.includes('LICENSE'));
    assert.ok(files.includes('THIRD_PARTY_NOTICES.md'));
    const notices = readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8');
    for (const source of ['simple-icons', 'CC0', 'Bootstrap Icons', 'MIT']) assert.ok(notices.includes(source), source);
    assert.match(pkg.repository.url, /^git\+https:\/\//);
    assert.match(pkg.homepage, /^https:\/\//);
    assert.match(pkg.bugs.url, /^https:\/\//);
  });

  test('every relative link in the README and the guides points at a file the package ships, and every #anchor at a heading', () => {
    const pages = ['README.md', ...files.filter((file) => /^docs\/[^/]+\.md$/.test(file))];
    assert.ok(pages.length > 5, `the package ships the guides: ${pages.join(' ')}`);
    let count = 0;
    for (const page of pages) {
      const text = readFileSync(join(root, page), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((href) => !/^[a-z]+:/.test(href));
      for (const href of links) {
        count += 1;
        const [path, anchor] = href.split('#');
        const target = path ? posix.normalize(posix.join(posix.dirname(page), path)) : page;
        assert.doesNotMatch(target, /^\.\.\//, `${page}: ${href} leaves the package`);
        assert.ok(files.includes(target), `${page}: ${href} (${target}) is not in the package`);
        if (anchor) assert.ok(headingSlugs(target).includes(anchor), `${page}: ${href} names no heading of ${target}`);
      }
    }
    assert.ok(count > 20, 'the README links its guides');
  });

  test('every export imports in Node', () => {
    const script = `
      const main = await import('social-link-button');
      if (typeof main.SocialLinkButton !== 'function' || typeof main.define !== 'function') throw new Error('main');
      await import('social-link-button/callback');
      const server = await import('social-link-button/server');
      if (typeof server.createAyrshareHandlers !== 'function' || typeof server.toNodeHandler !== 'function') throw new Error('server');
      const sim = await import('social-link-button/simulator');
      const running = await sim.startAyrshareSimulator();
      await running.close();
      const react = await import('social-link-button/react');
      if (!react.SocialLinkButton) throw new Error('react');
      const manifest = (await import('social-link-button/custom-elements.json', { with: { type: 'json' } })).default;
      if (manifest.modules[0].declarations[0].tagName !== 'social-link-button') throw new Error('manifest');
      const own = (await import('social-link-button/package.json', { with: { type: 'json' } })).default;
      console.log(own.name, own.version);
    `;
    writeFileSync(join(project, 'node-imports.mjs'), script);
    assert.equal(run('node', ['node-imports.mjs'], project).trim(), `social-link-button ${pkg.version}`);
  });

  test('type-checks a TypeScript file using the element, its events and the server handlers', () => {
    writeFileSync(
      join(project, 'usage.ts'),
      `
      import 'social-link-button';
      import type { SocialLinkButton, SocialLinkChangeDetail } from 'social-link-button';
      import { createAyrshareHandlers } from 'social-link-button/server';

      const el = document.createElement('social-link-button');
      const typed: SocialLinkButton = el;
      typed.profileEndpoint = '/api/social/status';
      typed.networks = ['linkedin', 'twitter'];
      el.addEventListener('social-link-change', (event) => {
        const detail: SocialLinkChangeDetail = event.detail;
        const added: string[] = detail.added;
        console.log(added, typed.linked, typed.state);
      });
      el.addEventListener('social-link-error', (event) => {
        const code: 'request-failed' | 'invalid-response' | 'untrusted-url' | 'popup-blocked' | 'timeout' | 'invalid-network' = event.detail.code;
        console.log(code);
      });
      const handlers = createAyrshareHandlers({
        apiKey: 'k',
        profileKey: (request: Request) => request.headers.get('x-user') ?? undefined,
        allowedOrigins: ['https://app.example'],
      });
      const response: Promise<Response> = handlers.linkUrl(new Request('https://app.example'));
      void response;
      // @ts-expect-error: events are typed, a wrong detail field is an error
      el.addEventListener('social-link-change', (event) => event.detail.nope);
      `,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['usage.ts'],
      }),
    );
    try {
      run('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    } catch (error) {
      assert.fail(`tsc: ${error.stdout}${error.stderr}`);
    }
  });

  test("the README's five minutes work as written: copy lines, page and server, with the simulator standing in for Ayrshare", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const fiveMinutes = readme.slice(readme.indexOf('## Five minutes'), readme.indexOf('## The two commands'));
    const block = (lang, marker) => [...fiveMinutes.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].find((m) => m[1] === lang && m[2].includes(marker))?.[2];
    const copy = block('sh', 'cp node_modules/social-link-button');
    const page = block('html', '<social-link-button');
    const server = block('js', 'createServer');
    assert.ok(copy && page && server, 'the five-minute path has its copy lines, its page and its server');
    // The copy lines as written (the project already holds the package, from its tarball).
    execFileSync('bash', ['-euc', copy], { cwd: project });
    mkdirSync(join(project, 'public'), { recursive: true });
    writeFileSync(join(project, 'public', 'index.html'), page);
    // The server as written, on a free port instead of 3000 (its origin moves with it).
    const port = await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
    });
    writeFileSync(join(project, 'server.mjs'), server.replaceAll('3000', String(port)));
    // Loaded before server.mjs: the simulator answers Ayrshare's API, with its own keys.
    writeFileSync(
      join(project, 'simulated-ayrshare.mjs'),
      `import { startAyrshareSimulator } from 'social-link-button/simulator';
      const sim = await startAyrshareSimulator();
      const realFetch = globalThis.fetch;
      globalThis.fetch = (input, init) => realFetch(String(input).replace('https://api.ayrshare.com/api', sim.apiUrl), init);`,
    );
    const { SIMULATOR_API_KEY, SIMULATOR_PROFILE_KEY } = await import(join(project, 'node_modules/social-link-button/dist/simulator.js'));
    const child = spawn('node', ['--import', './simulated-ayrshare.mjs', 'server.mjs'], {
      cwd: project,
      env: { ...process.env, AYRSHARE_API_KEY: SIMULATOR_API_KEY, AYRSHARE_PROFILE_KEY: SIMULATOR_PROFILE_KEY },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const origin = `http://127.0.0.1:${port}`;
      for (let tries = 0; ; tries += 1) {
        const up = await fetch(`${origin}/`).then((r) => r.ok, () => false);
        if (up) break;
        assert.ok(tries < 100 && child.exitCode === null, `server.mjs did not start: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const browserPage = await browser.newPage();
      await browserPage.goto(`${origin}/`);
      // The simulator's profile has LinkedIn and X linked: the status went page → server → "Ayrshare".
      await browserPage.locator('social-link-button [part~="network"][data-network="linkedin"][data-linked]').waitFor();
      await browserPage.locator('social-link-button [part~="network"][data-network="twitter"][data-linked]').waitFor();
      // The copied locales folder is served beside the script: German loads and shows.
      const german = browserPage.waitForResponse((response) => response.url().endsWith('/vendor/locales/de.js'));
      await browserPage.evaluate(() => document.documentElement.setAttribute('lang', 'de'));
      assert.equal((await german).status(), 200);
      const english = readFileSync(join(root, 'src/i18n/messages.ts'), 'utf8').match(/^  label: '([^']+)'/m)[1];
      await browserPage.waitForFunction(
        (text) => document.querySelector('social-link-button').shadowRoot.querySelector('[part="label"]').textContent.trim() !== text,
        english,
      );
    } finally {
      await browser.close();
      child.kill();
    }
  });

  test('every browser export imports and works in Chromium', async () => {
    const bundle = await build({
      stdin: {
        contents: `
          import { SocialLinkButton } from 'social-link-button';
          import { SocialLinkButton as ReactButton } from 'social-link-button/react';
          import { createAyrshareHandlers } from 'social-link-button/server';
          import { createElement } from 'react';
          import { createRoot } from 'react-dom/client';
          window.results = {
            defined: customElements.get('social-link-button') === SocialLinkButton,
            server: typeof createAyrshareHandlers,
          };
          createRoot(document.getElementById('react')).render(createElement(ReactButton, { label: 'From React' }));
        `,
        resolveDir: project,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const callback = await build({
      stdin: { contents: `import 'social-link-button/callback';`, resolveDir: project, loader: 'js' },
      bundle: true,
      format: 'esm',
      write: false,
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<social-link-button id="plain" label="Plain"></social-link-button><div id="react"></div>');
      await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
      await page.waitForFunction(() => window.results);
      assert.deepEqual(await page.evaluate(() => window.results), { defined: true, server: 'function' });
      await page.locator('#plain [part="button"]', { hasText: 'Plain' }).waitFor();
      await page.locator('#react social-link-button [part="button"]', { hasText: 'From React' }).waitFor();

      // The callback script closes its window (a script-opened one, as a popup is).
      const callbackPage = await browser.newPage();
      await callbackPage.setContent('<p>Finishing…</p>');
      const closed = callbackPage.waitForEvent('close');
      await callbackPage.addScriptTag({ content: callback.outputFiles[0].text, type: 'module' });
      await closed;
    } finally {
      await browser.close();
    }
  });
});
