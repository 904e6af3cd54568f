// What every handler checks of a browser's request before calling Ayrshare.
import type { AyrshareHandlerOptions } from '../handlers/create.js';
import { fail, originRefused, tooLarge } from './responses.js';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Checks the browser's Origin against the allowed list. */
export function originAllowed(allowed: AyrshareHandlerOptions['allowedOrigins'], origin: string | null): origin is string {
  if (!origin || origin === 'null') return false;
  return typeof allowed === 'function' ? allowed(origin) : allowed.includes(origin);
}

/**
 * Whether a GET that spends an Ayrshare call may go ahead. An Origin, when sent, must be allowed.
 * Without one, the browser's Fetch Metadata must say the page's own script asked
 * (`Sec-Fetch-Site: same-origin` and a `cors`/`same-origin` fetch) or the user did (`none`:
 * typed or bookmarked). A sibling subdomain or another port is `same-site`: its `<img>`, prefetch,
 * `no-cors` fetch or link carries the user's cookie but no Origin, and is refused. So is a
 * request with neither header (a browser too old for Fetch Metadata, plain http off this
 * machine, or another server): nothing shows who asked, and each call spends the profile's quota.
 */
export function readAllowed(allowed: AyrshareHandlerOptions['allowedOrigins'], headers: Headers): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return originAllowed(allowed, origin);
  const site = headers.get('sec-fetch-site');
  if (site === 'none') return true;
  const mode = headers.get('sec-fetch-mode');
  return site === 'same-origin' && (mode === null || mode === 'cors' || mode === 'same-origin');
}

/** The body as text, or undefined once it passes `max` bytes (read no further than that). */
export async function readCapped(request: Request, max: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}

/**
 * The checks every state-changing call shares, cheapest first: the method, an allowed Origin
 * (browsers always send one on POST and DELETE), a signed-in user, then a JSON body of at most
 * `maxBodyBytes`. Returns what the handler needs, or the 4xx answer.
 */
export async function checkedJsonCall(
  request: Request,
  method: 'POST' | 'DELETE',
  options: AyrshareHandlerOptions,
  requireProfileKey: (request: Request) => Promise<string | Response>,
): Promise<{ origin: string; body: unknown; profileKey: string } | Response> {
  if (request.method !== method) return fail(405, `Use ${method}.`, {}, { Allow: method });
  const origin = request.headers.get('origin');
  if (!originAllowed(options.allowedOrigins, origin)) return originRefused();
  const profileKey = await requireProfileKey(request);
  if (profileKey instanceof Response) return profileKey;
  const text = await readCapped(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (text === undefined) return tooLarge();
  try {
    return { origin, profileKey, body: text.trim() ? (JSON.parse(text) as unknown) : {} };
  } catch {
    return fail(400, 'The body must be JSON.');
  }
}

