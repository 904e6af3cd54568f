import type { SocialLinkButton } from '../src/index.js';
import '../src/index.js';

const log = document.querySelector<HTMLOListElement>('#log')!;

// The demo's linking page is served on the other loopback name (localhost ↔ 127.0.0.1).
for (const el of document.querySelectorAll('social-link-button')) {
  el.allowedHosts = [`localhost:${location.port}`, `127.0.0.1:${location.port}`];
}
const main = document.querySelector<SocialLinkButton>('social-link-button#main')!;

for (const type of [
  'social-link-open',
  'social-link-connect',
  'social-link-done',
  'social-link-close',
  'social-link-change',
  'social-link-error',
] as const) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}

document.querySelector('#flip')!.addEventListener('click', async () => {
  const network = document.querySelector<HTMLSelectElement>('#flip-network')!.value;
  await fetch(`/api/demo/toggle?network=${encodeURIComponent(network)}`, { method: 'POST' });
  // Every element on the page shares this endpoint, so all three re-render.
  await main.refresh();
});
