import { SOCIAL_LINK_EVENTS, type SocialLinkButton } from '../src/entries/index.js';

const log = document.querySelector<HTMLOListElement>('#log')!;
const main = document.querySelector<SocialLinkButton>('social-link-button#main')!;

function logLine(type: string, text: string, at = new Date()) {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.textContent = at.toLocaleTimeString();
  const name = document.createElement('code');
  name.textContent = type;
  item.append(time, ' ', name, ` ${text}`);
  log.prepend(item);
}

// The signed-in demo user (simulator mode) and the server's profile events ("profile created
// for Grace"), which every /api/demo/user answer carries.
interface DemoUsers {
  user: string;
  events: { seq: number; at: string; text: string }[];
}
const userSelect = document.querySelector<HTMLSelectElement>('#user')!;
let lastSeq = 0;

async function users(path = '/api/demo/user', body?: unknown): Promise<DemoUsers | undefined> {
  const answer = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : null,
  });
  if (answer.status === 404) return undefined;
  const state = (await answer.json()) as DemoUsers;
  if (!answer.ok) logLine('demo', `failed: ${JSON.stringify(state)}`);
  if (state.user) userSelect.value = state.user;
  for (const event of state.events ?? []) {
    if (event.seq <= lastSeq) continue;
    lastSeq = event.seq;
    logLine('server', event.text, new Date(event.at));
  }
  return state;
}

// After each element event, read the server's new events (one read at a time, one more after).
let pulling: Promise<unknown> | undefined;
let again = false;
function pull() {
  if (pulling) return void (again = true);
  pulling = users().finally(() => {
    pulling = undefined;
    if (!again) return;
    again = false;
    pull();
  });
}

for (const type of SOCIAL_LINK_EVENTS) {
  // Each event bubbles from every element on the page; log the main one's.
  main.addEventListener(type, (event) => {
    logLine(type, JSON.stringify((event as CustomEvent).detail));
    pull();
  });
}

if (!(await users())) {
  // The real Ayrshare: one profile from the environment, no demo users.
  for (const hidden of document.querySelectorAll<HTMLElement>('.user-switch, #data-panel')) hidden.hidden = true;
}
userSelect.addEventListener('change', async () => {
  if (await users('/api/demo/user', { user: userSelect.value })) logLine('demo', `signed in as ${userSelect.selectedOptions[0]?.textContent}`);
  // Every element with this profile-endpoint shares the read: all show the new user's accounts.
  await main.refresh();
});
document.querySelector('#delete-data')!.addEventListener('click', async () => {
  const name = userSelect.selectedOptions[0]?.textContent ?? 'this user';
  if (!confirm(`Delete ${name}'s Ayrshare profile and every account linked to it?`)) return;
  await users('/api/demo/delete-my-data', {});
  await main.refresh();
});

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
  // Ayrshare unlinks Instagram from this user's profile; its signed webhook reaches the demo's
  // server, which tells every open page: no refresh here.
  document.querySelector('#system-unlink')!.addEventListener('click', () => void simulator({ systemUnlink: 'instagram' }));
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
