import { SOCIAL_LINK_EVENTS, type SocialLinkButton } from '../src/entries/index.js';

const log = document.querySelector<HTMLOListElement>('#log')!;
const main = document.querySelector<SocialLinkButton>('social-link-button#main')!;

for (const type of SOCIAL_LINK_EVENTS) {
  // Each event bubbles from every element on the page; log the main one's.
  main.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    const name = document.createElement('code');
    name.textContent = type;
    item.append(time, ' ', name, ` ${JSON.stringify(event.detail)}`);
    log.prepend(item);
  });
}

interface SimulatorState {
  delayMs: number;
  failing: boolean;
  rateLimited: boolean;
  expiredLinks: boolean;
  directConnect: boolean;
  health: Record<string, string>;
}

const panel = document.querySelector<HTMLElement>('#simulator-panel')!;

async function simulator(change?: Record<string, unknown>): Promise<SimulatorState | undefined> {
  const answer = await fetch('/api/demo/simulator', {
    method: change ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json' },
    body: change ? JSON.stringify(change) : null,
  });
  if (!answer.ok) return undefined;
  return (await answer.json()) as SimulatorState;
}

function show(state: SimulatorState) {
  for (const input of panel.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const [name, network] = input.name.split(':');
    input.checked =
      name === 'slow'
        ? state.delayMs > 0
        : name === 'health'
          ? state.health[network ?? ''] === input.value
          : Boolean(state[name as 'failing' | 'rateLimited' | 'expiredLinks' | 'directConnect']);
  }
}

const initial = await simulator();
if (!initial) {
  panel.hidden = true; // the demo is talking to the real Ayrshare
} else {
  show(initial);
  panel.addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const [name, network] = input.name.split(':');
    const change =
      name === 'slow'
        ? { delayMs: input.checked ? 6000 : 0 }
        : name === 'health'
          ? { health: { [network ?? '']: input.checked ? input.value : 'healthy' } }
          : { [input.name]: input.checked };
    const state = await simulator(change);
    if (state) show(state);
    // Health is read from the status: show it at once.
    if (name === 'health') await main.refresh();
  });
  document.querySelector('#flip')!.addEventListener('click', async () => {
    const network = document.querySelector<HTMLSelectElement>('#flip-network')!.value;
    await simulator({ toggle: network });
    // Every element with this profile-endpoint shares the read, so all three re-render.
    await main.refresh();
  });
  document.querySelector('#reset')!.addEventListener('click', async () => {
    const state = await simulator({ reset: true });
    if (state) show(state);
    await main.refresh();
  });
}
document.querySelector('#refresh')!.addEventListener('click', () => void main.refresh());

// Language, direction and colours: set on <html>, as a host page would; every element follows.
const root = document.documentElement;
const langSelect = document.querySelector<HTMLSelectElement>('#lang')!;
const dirSelect = document.querySelector<HTMLSelectElement>('#dir')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

function applyView() {
  const lang = langSelect.value;
  root.lang = lang;
  const dir = dirSelect.value === 'auto' ? (RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr') : dirSelect.value;
  root.dir = dir;
  if (themeSelect.value === 'system') delete root.dataset.theme;
  else root.dataset.theme = themeSelect.value;
  // Kept in the address, so a reload (or a shared link) shows the same view.
  const params = new URLSearchParams(location.search);
  for (const [key, value, fallback] of [['lang', lang, 'en'], ['dir', dirSelect.value, 'auto'], ['theme', themeSelect.value, 'system']] as const) {
    if (value === fallback) params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

const wanted = new URLSearchParams(location.search);
for (const [select, key] of [[langSelect, 'lang'], [dirSelect, 'dir'], [themeSelect, 'theme']] as const) {
  const value = wanted.get(key);
  if (value && [...select.options].some((option) => option.value === value)) select.value = value;
  select.addEventListener('change', applyView);
}
applyView();
