// The simulated linking page (/?session=… or /?jwt=…), its connect call, script and styles.
import { readFileSync } from 'node:fs';
import { isNetworkId, NETWORK_IDS, NETWORKS } from '../protocol/networks.js';
import { readJsonObject } from '../server/http/body.js';
import { json } from '../server/http/responses.js';
import { escapeHtml, html, seedAccount, type SimulatorState } from './state.js';

// Real files beside this module (src/simulator/simulator-page/, dist/simulator-page/).
const asset = (name: string) => readFileSync(new URL(`./simulator-page/${name}`, import.meta.url), 'utf8');
const ASSETS: Record<string, { type: string; body?: string }> = {
  '/link.js': { type: 'text/javascript; charset=utf-8' },
  '/link.css': { type: 'text/css; charset=utf-8' },
};

/** The linking page's routes for `state`; undefined for any other path. */
export function simulatedLinkingPage(state: SimulatorState): (request: Request, url: URL) => Promise<Response | undefined> {
  const { profiles, settings, healthDates, liveSession } = state;

  function linkingPage(url: URL): Response {
    const id = url.searchParams.get('session') ?? url.searchParams.get('jwt');
    const session = liveSession(id);
    if (session === 'expired') {
      return html(
        `<main class="card"><h1>This link has expired</h1><p>Linking links last 5 minutes. Close this window and start again from the app.</p></main>`,
        'Link expired',
        410,
      );
    }
    if (!session) {
      return html(`<main class="card"><h1>This link is not valid</h1><p>Close this window and start again from the app.</p></main>`, 'Link not valid', 404);
    }
    session.state = 'active';
    session.useCount++;
    const profile = profiles.get(session.profileKey)!;
    const offered = session.connect ? [session.connect] : session.allowedSocial?.length ? session.allowedSocial : NETWORK_IDS;
    const rows = offered
      .map((id) => {
        const linked = profile.accounts.has(id);
        return `<li data-network="${id}"${linked ? ' data-linked' : ''}><span class="name">${escapeHtml(NETWORKS[id].name)}</span>` +
          `<span class="state">${linked ? 'Linked' : ''}</span>` +
          `<button type="button" class="link" aria-label="${linked ? 'Reconnect' : 'Link'} ${escapeHtml(NETWORKS[id].name)}">${linked ? 'Reconnect' : 'Link'}</button></li>`;
      })
      .join('');
    return html(
      `<main class="card" data-session="${escapeHtml(session.token)}"${session.connect ? ` data-connect="${session.connect}"` : ''} data-origin="${escapeHtml(session.origin ?? '')}" data-redirect="${escapeHtml(session.redirect ?? '')}">` +
        `<p class="badge">Ayrshare simulator — nothing here reaches a real network</p>` +
        `<h1>Link your social accounts</h1><p class="muted">${escapeHtml(profile.title)}</p>` +
        `<ul class="networks">${rows}</ul>` +
        `<section id="consent" hidden aria-labelledby="consent-title"><h2 id="consent-title"></h2>` +
        `<p>The app will be able to post and read basic profile information. (Simulated consent step.)</p>` +
        `<div class="actions"><button type="button" id="allow" class="primary">Allow</button>` +
        `<button type="button" id="deny">Cancel</button><button type="button" id="error">Simulate an error</button></div></section>` +
        `<p id="message" role="status"></p>` +
        `<button type="button" id="done" class="primary">Done</button></main>` +
        `<script src="/link.js"></script>`,
      'Link your social accounts',
    );
  }

  async function connect(request: Request): Promise<Response> {
    const body = await readJsonObject(request);
    const session = liveSession(typeof body?.session === 'string' ? body.session : null);
    if (session === 'expired') return json(410, { status: 'error', code: 503, message: 'This link has expired.' });
    if (!session || !body) return json(404, { status: 'error', code: 502, message: 'Link session not found.' });
    if (!isNetworkId(body.network)) return json(400, { status: 'error', message: 'Unknown network.' });
    const profile = profiles.get(session.profileKey)!;
    profile.accounts.set(body.network, seedAccount(body.network));
    state.socialEvent(session.profileKey, 'link', 'user', body.network);
    // Linking again (a reconnect) gives the account a fresh token.
    delete settings.health[body.network];
    delete healthDates[body.network];
    return json(200, { status: 'success', network: body.network });
  }

  return async (request, url) => {
    if (url.pathname === '/' && request.method === 'GET') return linkingPage(url);
    if (url.pathname === '/link/connect' && request.method === 'POST') return connect(request);
    // No icon, and no 404 in the console for the one browsers ask for.
    if (url.pathname === '/favicon.ico') return new Response(null, { status: 204 });
    const file = ASSETS[url.pathname];
    if (file) {
      file.body ??= asset(url.pathname.slice(1));
      return new Response(file.body, { headers: { 'Content-Type': file.type } });
    }
    return undefined;
  };
}
