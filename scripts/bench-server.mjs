// What `npm run bench` measures against and how it reports. The loopback server: the built element, a plain-Lit list of
// the same 13 rows as the baseline, pages made on the fly, the host endpoints (a profile, a
// linking URL after a chosen delay) and a stand-in linking page whose loads are timed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { findChrome } from './find-chrome.mjs';
import { bundle } from './size.mjs';
import { builtPart } from './parts.mjs';

export const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
export const ms = (value) => `${value.toFixed(1)} ms`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

export async function startBenchServer() {
  const iife = readFileSync('dist/social-link-button.iife.js');
  // The baseline renders the same list — 13 rows with the same icons — from one shared fetch.
  const baselineLit = await bundle(`
    import { LitElement, html, svg } from 'lit';
    import { icons } from './src/element/parts/icons.ts';
    const NAMES = ['Bluesky','Facebook','Google Business Profile','Instagram','LinkedIn','Pinterest','Reddit','Snapchat','Telegram','Threads','TikTok','X','YouTube'];
    const IDS = Object.keys(icons);
    let shared;
    customElements.define('plain-list', class extends LitElement {
      static properties = { linked: { state: true } };
      connectedCallback() { super.connectedCallback(); (shared ??= fetch('/profile').then((r) => r.json())).then((d) => { this.linked = d.activeSocialAccounts; }); }
      render() { return html\`<button>Link social accounts</button><ul>\${NAMES.map((n, i) => html\`<li aria-label=\${n}><svg viewBox=\${icons[IDS[i]][0]}><path d=\${icons[IDS[i]][1]} /></svg><span>\${n}</span><span>\${this.linked ? 'Not linked' : ''}</span></li>\`)}</ul>\`; }
    });
  `);
  const pages = new Map();
  const linkLoads = [];
  let profileRequests = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (type, body) => {
      res.setHeader('Content-Type', type);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    };
    if (url.pathname === '/el.js') return send('text/javascript', iife);
    // Its parts (the brand glyphs, …), beside it as a host serves them.
    const part = builtPart(url.pathname);
    if (part) return send('text/javascript', part);
    if (url.pathname === '/plain.js') return send('text/javascript', baselineLit);
    if (url.pathname === '/page') {
      return send('text/html', `<!doctype html><meta charset="utf-8"><body>${pages.get(url.searchParams.get('id')) ?? ''}</body>`);
    }
    if (url.pathname === '/profile') {
      profileRequests++;
      return send('application/json', JSON.stringify({ activeSocialAccounts: ['linkedin', 'twitter'] }));
    }
    if (url.pathname === '/jwt') {
      const delay = Number(url.searchParams.get('delay') ?? 0);
      setTimeout(() => send('application/json', JSON.stringify({ url: `http://localhost:${port}/link?n=${Math.random()}` })), delay);
      return;
    }
    if (url.pathname === '/link') {
      linkLoads.push(Date.now());
      return send('text/html', '<!doctype html><title>link</title>');
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    pages,
    linkLoads,
    /** Profile reads since the last reset. */
    profileRequests: { get count() { return profileRequests; }, reset() { profileRequests = 0; } },
    close: () => server.close(),
  };
}

/** Writes the rows (`{ section }` or `{ what, value, baseline, note }`) as bench/results.md and prints them. */
export function writeResults(rows) {
  const chrome = execFileSync(findChrome(), ['--version'], { encoding: 'utf8' }).trim();
  const header = `# Benchmark results\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${chrome}, Node ${process.version}, ${cpus().length} cores. Popup blocker on. Times are medians; sizes are of the built files.\n`;
  const lines = [header];
  for (const entry of rows) {
    if (entry.section) {
      lines.push(`\n## ${entry.section}\n\n| measure | value | baseline (same run) | note |\n|---|---|---|---|`);
    } else {
      lines.push(`| ${entry.what} | ${entry.value} | ${entry.baseline} | ${entry.note} |`);
    }
  }
  const markdown = `${lines.join('\n')}\n`;
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.md', markdown);
  console.log(markdown);
  console.log('Written to bench/results.md');
}
