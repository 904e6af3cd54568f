// Mounting Web `Request` → `Response` handlers in Node's http server (and so in Express, which
// passes the same req/res).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

const MAX_BODY_BYTES = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Converts a Node request into a Web Request (the body is read up to 64 KiB). */
export async function toWebRequest(req: IncomingMessage, base = 'http://localhost'): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const host = req.headers.host ?? new URL(base).host;
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const url = new URL(req.url ?? '/', `${protocol}://${host}`);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req) : undefined;
  if (hasBody && body === undefined) {
    // Too large: hand over a request the handlers reject as a bad body.
    return new Request(url, { method, headers, body: '\u0000' });
  }
  return new Request(url, { method, headers, body: hasBody && body && body.length > 0 ? new Uint8Array(body) : null });
}

/** Writes a Web Response to a Node response. */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

/**
 * Wraps a Web handler as a Node `(req, res)` listener, usable as `http.createServer(listener)`,
 * as Express middleware (`app.post('/api/social/link-url', toNodeHandler(handlers.linkUrl))`)
 * or as Connect/Vite middleware.
 */
export function toNodeHandler(handler: FetchHandler) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const request = await toWebRequest(req);
      await sendWebResponse(await handler(request), res);
    } catch {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
      }
      res.end(JSON.stringify({ status: 'error', message: 'Internal error.' }));
    }
  };
}
