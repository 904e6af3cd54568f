// The demo's built-in host endpoints and a tiny stand-in for Ayrshare's linking page, so the
// demo runs offline. Node-only; mounted as Vite middleware by vite.config.ts. (The full
// Ayrshare simulator and the reference handlers replace this in a later issue.)
//
// - GET  /api/profile       — like Ayrshare's GET /api/user
// - POST /api/link-url      — like a link session: { status, sessionId, url, expiresAt }
// - DELETE /api/unlink      — like DELETE /api/profiles/social
// - POST /api/demo/toggle   — flips one network, to show a live change
// - GET  /demo-provider/…   — the linking page, served on the *other* loopback name
//   (localhost ↔ 127.0.0.1) so that it is cross-origin, as Ayrshare's is in production.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface DemoAccount {
  platform: string;
  displayName?: string;
  username?: string;
  pageName?: string;
  profileUrl?: string;
}

const DEMO_ACCOUNTS: Record<string, DemoAccount> = {
  linkedin: { platform: 'linkedin', displayName: 'Acme Corp', profileUrl: 'https://www.linkedin.com/company/example' },
  instagram: { platform: 'instagram', username: 'acme', displayName: 'Acme' },
  twitter: { platform: 'twitter', username: 'acme', displayName: 'Acme (@acme)' },
  facebook: { platform: 'facebook', pageName: 'Acme on Facebook' },
  youtube: { platform: 'youtube', displayName: 'Acme TV' },
};

const NETWORKS = ['bluesky', 'facebook', 'gmb', 'instagram', 'linkedin', 'pinterest', 'reddit',
  'snapchat', 'telegram', 'threads', 'tiktok', 'twitter', 'youtube'];

const SESSION_MS = 5 * 60_000;

const LINK_PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const session = params.get('session');
const origin = params.get('origin');
const post = (event, network) => {
  if (window.opener && origin) window.opener.postMessage({ source: 'ayrshare', version: 1, event, ...(network ? { network } : {}) }, origin);
};
post('connect:ready');
for (const button of document.querySelectorAll('button[data-network]')) {
  button.addEventListener('click', async () => {
    const network = button.dataset.network;
    if (!confirm('Allow the demo app to post to ' + button.textContent.trim() + '?')) {
      post('connect:cancelled', network);
      return;
    }
    const answer = await fetch('/demo-provider/connect?session=' + encodeURIComponent(session) + '&network=' + network, { method: 'POST' });
    if (answer.ok) {
      button.disabled = true;
      button.textContent += ' ✓';
      post('connect:success', network);
    } else {
      post('connect:error', network);
      document.querySelector('#status').textContent = 'This link has expired. Close this window and try again.';
    }
  });
}
document.querySelector('#done').addEventListener('click', () => {
  post('connect:closed');
  window.close();
});
`;

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createDemoApi() {
  const linked = new Set(['linkedin', 'instagram']);
  const sessions = new Map<string, number>();

  return async function demoApi(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const host = req.headers.host ?? '127.0.0.1:5173';

    if (url.pathname === '/api/profile' && req.method === 'GET') {
      send(res, 200, {
        activeSocialAccounts: [...linked],
        displayNames: [...linked].map((id) => DEMO_ACCOUNTS[id] ?? { platform: id, displayName: `Acme on ${id}` }),
        refId: 'demo-ref-id',
        title: 'Demo profile',
      });
      return;
    }

    if (url.pathname === '/api/link-url' && req.method === 'POST') {
      const body = (await readJson(req)) as { origin?: unknown } | undefined;
      const origin = typeof body?.origin === 'string' ? body.origin : '';
      const sessionId = `ayr_ls_demo_${randomUUID()}`;
      const expiresAt = Date.now() + SESSION_MS;
      sessions.set(sessionId, expiresAt);
      const providerHost = host.startsWith('localhost') ? host.replace('localhost', '127.0.0.1') : host.replace(/^[^:]+/, 'localhost');
      const link = new URL(`http://${providerHost}/demo-provider/link`);
      link.searchParams.set('session', sessionId);
      if (origin) link.searchParams.set('origin', origin);
      send(res, 200, { status: 'success', sessionId, url: link.href, expiresAt: new Date(expiresAt).toISOString(), title: 'Demo profile' });
      return;
    }

    if (url.pathname === '/api/unlink' && req.method === 'DELETE') {
      const body = (await readJson(req)) as { platform?: unknown } | undefined;
      const platform = typeof body?.platform === 'string' ? body.platform : '';
      if (!NETWORKS.includes(platform)) return send(res, 400, { status: 'error', message: 'Unknown platform.' });
      linked.delete(platform);
      send(res, 200, { status: 'success', platform });
      return;
    }

    if (url.pathname === '/api/demo/toggle' && req.method === 'POST') {
      const network = url.searchParams.get('network') ?? '';
      if (!NETWORKS.includes(network)) return send(res, 400, { message: 'Unknown network.' });
      if (linked.has(network)) linked.delete(network);
      else linked.add(network);
      send(res, 200, { activeSocialAccounts: [...linked] });
      return;
    }

    if (url.pathname === '/demo-provider/link' && req.method === 'GET') {
      const session = url.searchParams.get('session') ?? '';
      const valid = (sessions.get(session) ?? 0) > Date.now();
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      const buttons = NETWORKS.filter((id) => !linked.has(id))
        .map((id) => `<li><button type="button" data-network="${id}">${escapeHtml(id)}</button></li>`)
        .join('');
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link your social accounts</title>
<link rel="stylesheet" href="/demo/provider.css"></head><body><main>
<h1>Link your social accounts</h1>
<p id="status" role="status">${valid ? 'Demo linking page: no real network is contacted.' : 'This link has expired. Close this window and try again.'}</p>
${valid ? `<ul>${buttons}</ul><button id="done" type="button">Done</button><script src="/demo-provider/link.js"></script>` : ''}
</main></body></html>`);
      return;
    }

    if (url.pathname === '/demo-provider/link.js') {
      res.setHeader('Content-Type', 'text/javascript');
      res.end(LINK_PAGE_SCRIPT);
      return;
    }

    if (url.pathname === '/demo-provider/connect' && req.method === 'POST') {
      const session = url.searchParams.get('session') ?? '';
      const network = url.searchParams.get('network') ?? '';
      if ((sessions.get(session) ?? 0) <= Date.now()) return send(res, 410, { status: 'error', code: 503, message: 'Link session expired.' });
      if (!NETWORKS.includes(network)) return send(res, 400, { status: 'error', message: 'Unknown network.' });
      linked.add(network);
      send(res, 200, { status: 'success' });
      return;
    }

    next();
  };
}
