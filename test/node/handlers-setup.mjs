// What the handler tests share: a simulator on loopback for each test file, request builders,
// scripted upstream answers, and the check that no answer carried a secret.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createAyrshareHandlers } from '../../dist/server.js';
import {
  SIMULATOR_API_KEY,
  SIMULATOR_PRIVATE_KEY,
  SIMULATOR_PROFILE_KEY,
  startAyrshareSimulator,
} from '../../dist/simulator.js';

export const APP = 'https://app.example';
export const SECRETS = [SIMULATOR_API_KEY, SIMULATOR_PROFILE_KEY, SIMULATOR_PRIVATE_KEY];

/** Every answer the browser gets, to check none carries a secret. */
export const seen = [];
export async function record(response) {
  const body = await response.clone().text();
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  seen.push(`${response.status}\n${headers}\n${body}`);
  return response;
}

export const post = (body, origin = APP, raw) =>
  new Request(`${APP}/api/social/link-url`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: raw ?? JSON.stringify(body),
  });
// Without an Origin, as the element's same-origin fetch sends it (Fetch Metadata).
export const SAME_ORIGIN_FETCH = { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' };
export const get = (origin) => new Request(`${APP}/api/social/status`, { headers: origin ? { Origin: origin } : SAME_ORIGIN_FETCH });
export const del = (body, origin = APP, raw) =>
  new Request(`${APP}/api/social/unlink`, {
    method: 'DELETE',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: raw ?? JSON.stringify(body),
  });

export let sim;
before(async () => {
  sim = await startAyrshareSimulator();
});
after(async () => {
  await sim.close();
  for (const text of seen) for (const secret of SECRETS) assert.ok(!text.includes(secret), `a secret leaked:\n${text}`);
});

export function handlers(options = {}) {
  return createAyrshareHandlers({
    apiKey: SIMULATOR_API_KEY,
    profileKey: () => SIMULATOR_PROFILE_KEY,
    allowedOrigins: [APP],
    baseUrl: sim.apiUrl,
    ...options,
  });
}

/** Handlers whose upstream answers are scripted: `answer(url, init)` returns a Response. */
export function scripted(answer, options = {}) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url: String(url), init, body: init.body ? JSON.parse(init.body) : undefined });
    return answer(String(url), init);
  };
  return { calls, h: handlers({ fetch, baseUrl: 'https://api.ayrshare.test/api', ...options }) };
}

export const upstream = (status, body, headers = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
