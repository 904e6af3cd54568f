// Mounting Web `Request` → `Response` handlers in Node's http server (and so in Express, which
// passes the same req/res). Typed structurally, so these types need no @types/node.

/** The parts of Node's IncomingMessage used here. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A TLS socket has `encrypted: true`. */
  socket?: object | null;
}

/** The parts of Node's ServerResponse used here. */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  end(body?: Uint8Array | string): unknown;
}

export type FetchHandler = (request: Request) => Response | Promise<Response>;

const MAX_BODY_BYTES = 64 * 1024;

async function readBody(req: NodeRequestLike): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(bytes);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** Converts a Node request into a Web Request (the body is read up to 64 KiB, else BodyTooLarge). */
export async function toWebRequest(req: NodeRequestLike): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const host = headers.get('host') ?? 'localhost';
  const protocol = (req.socket as { encrypted?: boolean } | null | undefined)?.encrypted ? 'https' : 'http';
  const url = new URL(req.url ?? '/', `${protocol}://${host}`);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req) : undefined;
  if (hasBody && body === undefined) throw new BodyTooLarge();
  return new Request(url, { method, headers, body: body && body.length > 0 ? body : null });
}

/** A request body past 64 KiB: answered 413 without reading the rest. */
export class BodyTooLarge extends Error {}

/** Writes a Web Response to a Node response. */
export async function sendWebResponse(response: Response, res: NodeResponseLike): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined);
}

/**
 * Wraps a Web handler as a Node `(req, res)` listener, usable as `http.createServer(listener)`,
 * as Express middleware (`app.post('/api/social/link-url', toNodeHandler(handlers.linkUrl))`)
 * or as Connect/Vite middleware.
 */
export function toNodeHandler(handler: FetchHandler) {
  return async (req: NodeRequestLike, res: NodeResponseLike): Promise<void> => {
    try {
      const request = await toWebRequest(req);
      await sendWebResponse(await handler(request), res);
    } catch (error) {
      if (error instanceof BodyTooLarge && !res.headersSent) {
        // The rest of the body stays unread: close the connection after this answer, or the
        // client's next request would be read from the middle of it (or the socket would hang).
        res.statusCode = 413;
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Connection', 'close');
        res.end(JSON.stringify({ status: 'error', message: 'The request is too large.' }));
        return;
      }
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
      }
      res.end(JSON.stringify({ status: 'error', message: 'Internal error.' }));
    }
  };
}
