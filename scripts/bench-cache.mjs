// The status cache's figures for `npm run bench` (or alone: node scripts/bench-cache.mjs after a
// build): status reads per second served by the profile handler with the cache (the default)
// against passthrough (`statusCache: false`, every read one Ayrshare call), against the
// simulator on loopback HTTP. Measured twice: the handler called in process (the server's own
// cost per read), and end to end over loopback HTTP as a browser's fetch would reach it.
// Reads rotate over 200 profiles, so passthrough never meets the simulator's rate limit.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { measureProfiles } from './bench-profiles.mjs';

const PROFILES = 200;
const CONCURRENCY = 16;
const SECONDS = 2;
const APP = 'https://app.example';
const dist = (file) => new URL(`../dist/${file}`, import.meta.url).href;

/** Reads per second: `CONCURRENCY` loops calling `read(i)` for SECONDS; every answer must be 200. */
async function throughput(read) {
  const end = performance.now() + SECONDS * 1000;
  let count = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, loop) => {
      for (let i = loop; performance.now() < end; i += CONCURRENCY) {
        const status = await read(i % PROFILES);
        if (status === 200) count++;
        else failed++;
      }
    }),
  );
  return { perSecond: count / SECONDS, failed };
}

function listen(handler, toNodeHandler) {
  const server = createServer(toNodeHandler(handler));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function measureCache() {
  const { createAyrshareHandlers, toNodeHandler } = await import(dist('server.js'));
  const { SIMULATOR_API_KEY, startAyrshareSimulator } = await import(dist('simulator.js'));
  const keys = Array.from({ length: PROFILES }, (_, i) => `bench-profile-key-${i}`);
  const running = await startAyrshareSimulator({ profileKeys: keys });
  const make = (statusCache) =>
    createAyrshareHandlers({
      apiKey: SIMULATOR_API_KEY,
      profileKey: (request) => keys[Number(request.headers.get('x-bench-profile'))],
      allowedOrigins: [APP],
      baseUrl: running.apiUrl,
      ...(statusCache === false ? { statusCache } : {}),
    });
  const request = (i, base = APP) => new Request(`${base}/api/social/status`, { headers: { Origin: APP, 'X-Bench-Profile': String(i) } });
  const rows = [];
  const row = (what, value, baseline, note = '') => rows.push({ what, value, baseline, note });
  const rate = (r) => `${Math.round(r.perSecond).toLocaleString('en')} reads/s`;

  const cached = make();
  const passthrough = make(false);
  // Warm both: the cache holds every profile's answer, connections are open.
  for (let i = 0; i < PROFILES; i++) await cached.profile(request(i));
  await throughput(async (i) => (await passthrough.profile(request(i))).status);
  const inPass = await throughput(async (i) => (await passthrough.profile(request(i))).status);
  const upstream = () => running.simulator.calls['GET /api/user'] ?? 0;
  let cachedCalls = upstream();
  const inCache = await throughput(async (i) => (await cached.profile(request(i))).status);
  cachedCalls = upstream() - cachedCalls;
  row(
    `Status reads per second, handler in process, cache (${CONCURRENCY} at once, ${PROFILES} profiles)`,
    rate(inCache),
    `${rate(inPass)} passthrough`,
    `${(inCache.perSecond / inPass.perSecond).toFixed(1)}× (goal ≥ 10×); ${inCache.failed + inPass.failed} failed`,
  );

  const servers = [await listen(cached.profile, toNodeHandler), await listen(passthrough.profile, toNodeHandler)];
  const [cacheBase, passBase] = servers.map((server) => `http://127.0.0.1:${server.address().port}`);
  const over = (base) => async (i) => {
    const response = await fetch(request(i, base));
    await response.arrayBuffer();
    return response.status;
  };
  await throughput(over(passBase));
  const httpPass = await throughput(over(passBase));
  const beforeHttp = upstream();
  const httpCache = await throughput(over(cacheBase));
  cachedCalls += upstream() - beforeHttp;
  row(
    'Status reads per second over loopback HTTP (client in the same process), cache',
    rate(httpCache),
    `${rate(httpPass)} passthrough`,
    `${(httpCache.perSecond / httpPass.perSecond).toFixed(1)}×; the client's own HTTP cost bounds both`,
  );
  row(
    `Ayrshare calls made by the ${Math.round((inCache.perSecond + httpCache.perSecond) * SECONDS).toLocaleString('en')} cached reads above`,
    String(cachedCalls),
    `${PROFILES} warm-up calls before them`,
    'counted at the simulator; answers fresh for 30 s',
  );
  for (const server of servers) server.close();
  await running.close();
  return rows;
}

/** The server half's sections of `npm run bench`, by title, in order. */
export const serverParts = {
  'Profile directory: ensure latency and the concurrency case': measureProfiles,
  'Status cache: status reads per second, cached against passthrough (simulator on loopback)': measureCache,
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const { what, value, baseline, note } of await measureCache()) console.log(`| ${what} | ${value} | ${baseline} | ${note} |`);
}
