// The simulator's linking page script: an external file, as Ayrshare's page allows no inline
// script. Served at /link.js.
const main = document.querySelector('main[data-session]');
if (main) {
  const session = main.dataset.session;
  const origin = main.dataset.origin;
  const redirect = main.dataset.redirect;
  const consent = document.getElementById('consent');
  const message = document.getElementById('message');
  let current = null;
  // Link completion events go to the opener, only at the session's exact origin.
  const post = (event, extra) => {
    if (origin && window.opener) window.opener.postMessage({ source: 'ayrshare', version: 1, event, ...extra }, origin);
  };
  const nameOf = (row) => row.querySelector('.name').textContent;
  post('connect:ready');
  for (const row of document.querySelectorAll('li[data-network]')) {
    row.querySelector('button.link').addEventListener('click', () => {
      current = row;
      document.getElementById('consent-title').textContent = 'Allow the app to use your ' + nameOf(row) + ' account?';
      consent.hidden = false;
      document.getElementById('allow').focus();
    });
  }
  const finish = () => { consent.hidden = true; current = null; };
  // Direct connect: straight to the one network's consent.
  if (main.dataset.connect) document.querySelector('li[data-network] button.link')?.click();
  document.getElementById('allow').addEventListener('click', async () => {
    const row = current;
    if (!row) return;
    const network = row.dataset.network;
    const answer = await fetch('/link/connect', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session, network }) });
    finish();
    if (answer.ok) {
      row.setAttribute('data-linked', '');
      row.querySelector('.state').textContent = 'Linked';
      row.querySelector('button.link').textContent = 'Reconnect';
      message.textContent = nameOf(row) + ' linked.';
      post('connect:success', { network });
    } else {
      const body = await answer.json().catch(() => ({}));
      message.textContent = body.message || 'Linking failed.';
      post('connect:error', { network, code: body.code, message: body.message });
    }
  });
  document.getElementById('deny').addEventListener('click', () => {
    const row = current;
    finish();
    if (!row) return;
    message.textContent = 'Cancelled.';
    post('connect:cancelled', { network: row.dataset.network });
  });
  document.getElementById('error').addEventListener('click', () => {
    const row = current;
    finish();
    if (!row) return;
    message.textContent = nameOf(row) + ' could not be linked: the network refused the authorization.';
    post('connect:error', { network: row.dataset.network, code: 272, message: 'Authorization refused by the network.' });
  });
  document.getElementById('done').addEventListener('click', () => {
    // Without an opener (a tab, or an opener policy cut the link) a message reaches no one:
    // go to the redirect page like Ayrshare's Done does.
    if (origin && (window.opener || !redirect)) {
      post('connect:closed');
      window.close();
    } else if (redirect) {
      location.href = redirect;
    } else {
      window.close();
      message.textContent = 'You can close this window.';
    }
  });
}
