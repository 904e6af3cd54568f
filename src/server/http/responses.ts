// The server half's answers to the browser: JSON, never cached, in our own words — Ayrshare's
// sentences never pass through.

/** An answer to the browser: JSON, never cached. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

export function fail(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(status, { status: 'error', message, ...extra }, headers);
}

/**
 * The page's origin is not in allowedOrigins. `code` lets the element tell the developer (in the
 * console) what to change, and the user something they can act on.
 */
export function originRefused(): Response {
  return fail(403, 'This page isn’t allowed to link accounts.', { code: 'origin-not-allowed' });
}

/** A body larger than the cap: the socket is not kept for the rest of it. */
export const tooLarge = () => fail(413, 'The request is too large.', {}, { Connection: 'close' });

/** A body that trickled in past its time: the socket is not kept either. */
export const tooSlow = () => fail(408, 'The request body took too long to arrive.', {}, { Connection: 'close' });

export const internalError = () => fail(500, 'Internal error.');
