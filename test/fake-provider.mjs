// A stand-in for Ayrshare's linking page, for the browser tests. `/fake-provider/link` serves a
// page whose external script (no inline script) plays the steps in its query:
//   steps=ready,success:facebook,error:tiktok,cancelled:x,closed,wait:300,selfclose,go:<url>
//   target=<origin to post to, as Ayrshare does with the session's origin>
//   coop=1  serves the page with Cross-Origin-Opener-Policy: same-origin
// `/fake-provider/spoof` posts `message` (JSON) to its parent or opener with target "*".
// Every page load is recorded, readable at /fake-provider/loads?key=<key>.
const loads = new Map();

const PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const target = params.get('target') || '*';
const steps = (params.get('steps') || '').split(',').filter(Boolean);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const post = (event, network, extra) => {
  const message = { source: 'ayrshare', version: 1, event, ...(network ? { network } : {}), ...extra };
  if (window.opener) window.opener.postMessage(message, target);
};
(async () => {
  for (const step of steps) {
    const [name, ...rest] = step.split(':');
    const arg = rest.join(':');
    await sleep(120);
    if (name === 'wait') await sleep(Number(arg));
    else if (name === 'ready') post('connect:ready');
    else if (name === 'success') post('connect:success', arg);
    else if (name === 'error') post('connect:error', arg, { code: 272, message: 'Re-authorize X' });
    else if (name === 'cancelled') post('connect:cancelled', arg);
    else if (name === 'closed') post('connect:closed');
    else if (name === 'selfclose') window.close();
    else if (name === 'go') location.href = decodeURIComponent(arg);
  }
})();
`;

const SPOOF_SCRIPT = `
const message = JSON.parse(new URLSearchParams(location.search).get('message'));
(window.opener || window.parent).postMessage(message, '*');
`;

export function fakeProvider() {
  return async function fakeProviderMiddleware(ctx, next) {
    if (ctx.path === '/fake-provider/link') {
      const key = ctx.query.key ?? 'default';
      loads.set(key, [...(loads.get(key) ?? []), { url: ctx.url, at: Date.now() }]);
      if (ctx.query.coop) ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><title>Fake linking page</title><h1>Link your accounts</h1>
<script src="/fake-provider/page.js"></script>`;
      return;
    }
    if (ctx.path === '/fake-provider/page.js') {
      ctx.type = 'application/javascript';
      ctx.body = PAGE_SCRIPT;
      return;
    }
    if (ctx.path === '/fake-provider/spoof') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>spoof</title><script src="/fake-provider/spoof.js"></script>';
      return;
    }
    if (ctx.path === '/fake-provider/spoof.js') {
      ctx.type = 'application/javascript';
      ctx.body = SPOOF_SCRIPT;
      return;
    }
    if (ctx.path === '/fake-provider/loads') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(loads.get(ctx.query.key ?? 'default') ?? []);
      return;
    }
    return next();
  };
}
