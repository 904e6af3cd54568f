// What the demo's own routes (/api/demo/…) share: JSON answers, a small bounded JSON body, and
// the same-origin check that keeps a form or a page elsewhere from pressing the demo's buttons.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify(body));
}

// The demo routes' bodies are a few fields, so a small bound (a larger body is refused, not read).
const MAX_BODY_BYTES = 4096;

export class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The request's JSON object, or a BodyError (413 too large, 400 not a JSON object). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, `The body is over ${MAX_BODY_BYTES} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, `The body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BodyError(400, 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BodyError(400, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** Same-origin JSON only (the demo page's own fetch): not a form, a sandboxed page (`Origin: null`) or a page elsewhere. */
export function sameOriginJson(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const json = (req.headers['content-type'] ?? '').startsWith('application/json');
  // Compared as text: an Origin that is not a URL ("null", garbage) is simply not ours.
  return json && (origin === undefined || origin === `http://${req.headers.host ?? ''}`);
}

/**
 * Runs a demo route's async work: a POST must be same-origin JSON (else 403), other methods
 * than `methods` get 405, and a failure is answered (never left to take the demo down).
 */
export function demoRoute(
  req: IncomingMessage,
  res: ServerResponse,
  methods: readonly string[],
  work: () => Promise<void>,
  failure = 'The demo could not do that.',
): void {
  if (!methods.includes(req.method ?? '')) return sendJson(res, 405, { message: `${methods.join(' or ')} only.` }, { Allow: methods.join(', ') });
  if (req.method === 'POST' && !sameOriginJson(req)) return sendJson(res, 403, { message: 'Same-origin JSON only.' });
  work().catch((error: unknown) => {
    if (res.headersSent) return void res.destroy();
    const status = error instanceof BodyError ? error.status : 500;
    if (status === 413) res.setHeader('Connection', 'close');
    sendJson(res, status, { message: error instanceof BodyError ? error.message : failure });
  });
}
